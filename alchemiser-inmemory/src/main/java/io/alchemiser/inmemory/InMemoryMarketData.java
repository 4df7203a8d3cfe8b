package io.alchemiser.inmemory;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Quotes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Market data held in memory, serving both market-data ports: a {@link BarSeries} per symbol as {@link PriceHistory},
 * and, as {@link Quotes}, an explicit {@link Quote} per symbol or one derived from the last close.
 *
 * <p><b>Bars:</b> {@link #dailyBars(Symbol, LocalDate, LocalDate)} returns the stored bars inside the range. A
 * symbol with no stored series is a {@link MarketDataException} naming it; a stored symbol whose bars all fall
 * outside the range gives an empty series (the source knows the symbol, it just did not trade then).
 *
 * <p><b>Quotes:</b> an explicit quote ({@link #putQuote}) wins. Without one, and unless derived quotes are turned off
 * ({@link Builder#noDerivedQuotes()}), the quote is derived from the last stored close {@code c} with a spread of
 * {@code s} basis points: {@code bid = c × (1 − s/20000)} rounded down to the tick, {@code ask = c × (1 + s/20000)}
 * rounded up to the tick ({@link Money#toTick}), {@code last = c}, stamped with the clock's time. Rounding outward
 * keeps a positive spread positive (a $10 stock at 10 bps quotes 9.99 / 10.01). A symbol with neither an explicit
 * quote nor a derivable one is a {@link MarketDataException} naming it.
 *
 * <p><b>Threading:</b> every method is safe from several threads; writers replace whole series atomically, so a
 * reader sees either the old or the new series, never a mix.
 */
public final class InMemoryMarketData implements PriceHistory, Quotes {
    /** Spread of derived quotes unless configured: 10 basis points. */
    public static final double DEFAULT_DERIVED_SPREAD_BPS = 10;

    private final Map<Symbol, BarSeries> bars = new ConcurrentHashMap<>();
    private final Map<Symbol, Quote> quotes = new ConcurrentHashMap<>();
    private final Clock clock;
    private final boolean deriveQuotes;
    private final BigDecimal halfSpread;

    /** Empty; quotes derived from the last close at {@value #DEFAULT_DERIVED_SPREAD_BPS} bps, stamped in UTC now. */
    public InMemoryMarketData() {
        this(builder());
    }

    private InMemoryMarketData(Builder b) {
        this.clock = b.clock;
        this.deriveQuotes = b.deriveQuotes;
        this.halfSpread = BigDecimal.valueOf(b.spreadBps).divide(BigDecimal.valueOf(20_000), Money.MATH);
        b.series.forEach(this::putBars);
        b.explicitQuotes.forEach(this::putQuote);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Stores {@code series} for its symbol, replacing any earlier series. Returns this. */
    public InMemoryMarketData putBars(BarSeries series) {
        bars.put(series.symbol(), series);
        return this;
    }

    /** Stores every series, each replacing any earlier series of its symbol. Returns this. */
    public InMemoryMarketData putBars(Collection<BarSeries> series) {
        series.forEach(this::putBars);
        return this;
    }

    /**
     * Appends {@code bar} to the symbol's series (creating it), or replaces the last bar when it has the same date,
     * as a live intraday price does. Returns this.
     *
     * @throws IllegalArgumentException if the bar is older than the series' last bar
     */
    public InMemoryMarketData appendBar(Symbol symbol, DailyBar bar) {
        bars.compute(symbol, (s, old) -> (old == null ? BarSeries.empty(s) : old).withLast(bar));
        return this;
    }

    /** Sets the explicit quote of the quote's symbol, replacing any earlier one. Returns this. */
    public InMemoryMarketData putQuote(Quote quote) {
        quotes.put(quote.symbol(), quote);
        return this;
    }

    /** Forgets the explicit quote of {@code symbol}; later quotes are derived again (if enabled). Returns this. */
    public InMemoryMarketData removeQuote(Symbol symbol) {
        quotes.remove(symbol);
        return this;
    }

    /** Every symbol with stored bars or an explicit quote, in symbol order. */
    public Set<Symbol> symbols() {
        Set<Symbol> all = new TreeSet<>(bars.keySet());
        all.addAll(quotes.keySet());
        return all;
    }

    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        Objects.requireNonNull(symbol, "symbol");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException(symbol + ": bar range starts " + from + ", after its end " + to);
        }
        BarSeries series = bars.get(symbol);
        if (series == null || series.isEmpty()) {
            throw new MarketDataException(symbol + ": no daily bars in memory for this symbol");
        }
        return series.between(from, to);
    }

    @Override
    public Quote latestQuote(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        Quote explicit = quotes.get(symbol);
        if (explicit != null) {
            return explicit;
        }
        BarSeries series = bars.get(symbol);
        if (!deriveQuotes || series == null || series.isEmpty()) {
            throw new MarketDataException(symbol + ": no quote in memory"
                    + (deriveQuotes ? " and no bars to derive one from" : " (derived quotes are off)"));
        }
        return ClosingQuotes.around(symbol, series.bars().get(series.size() - 1).close(), halfSpread, clock);
    }

    /** Configures an {@link InMemoryMarketData}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private boolean deriveQuotes = true;
        private double spreadBps = DEFAULT_DERIVED_SPREAD_BPS;
        private final List<BarSeries> series = new ArrayList<>();
        private final List<Quote> explicitQuotes = new ArrayList<>();

        private Builder() {
        }

        /** The clock that stamps derived quotes (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Spread of quotes derived from the last close, in basis points, in [0, 10000). */
        public Builder derivedQuoteSpreadBps(double bps) {
            if (!(bps >= 0 && bps < 10_000)) {
                throw new IllegalArgumentException("derived quote spread must be in [0, 10000) bps, got " + bps);
            }
            this.spreadBps = bps;
            this.deriveQuotes = true;
            return this;
        }

        /** Only explicit quotes; a symbol without one is a {@link MarketDataException}. */
        public Builder noDerivedQuotes() {
            this.deriveQuotes = false;
            return this;
        }

        public Builder bars(BarSeries... all) {
            series.addAll(List.of(all));
            return this;
        }

        public Builder bars(Collection<BarSeries> all) {
            series.addAll(all);
            return this;
        }

        public Builder quote(Quote quote) {
            explicitQuotes.add(Objects.requireNonNull(quote, "quote"));
            return this;
        }

        public InMemoryMarketData build() {
            return new InMemoryMarketData(this);
        }
    }
}
