package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketData;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.s3.internal.SeriesCache;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link MarketData} that reads daily bars from the data lake ({@link ParquetBarStore}) instead of a broker's API.
 *
 * <p><b>Caching:</b> each symbol's file is read once per instance; make one instance per run so the next run sees
 * refreshed files. {@link #dailyBars(Collection, LocalDate, LocalDate)} loads the symbols it has not read yet in
 * parallel (default {@value #DEFAULT_PARALLELISM} at a time).
 *
 * <p><b>Intraday:</b> when built with {@link Builder#intraday(MarketData, Clock)}, a request whose range reaches
 * today (in {@code America/New_York}) gets one more bar: today's date, closing at the live quote's
 * {@link Quote#referencePrice() reference price} (the bid/ask midpoint, else the last trade), with no open, high,
 * low or volume. It replaces a stored bar of the same date ({@link BarSeries#withLast}). The quote is read once per
 * symbol per instance, so every indicator of a run sees the same live price. A quote stamped on another day than
 * today, or without any price, is a {@link MarketDataException}: a stale price is never passed off as today's.
 * Whether the market is open is the caller's decision (the {@code Scheduler} port knows the calendar).
 *
 * <p><b>Quotes:</b> {@link #latestQuote} delegates to the live source given to the builder; without one it throws.
 * <b>Errors:</b> a symbol missing from the lake, or a corrupt file, is a {@link DataLakeException} naming the symbol
 * and its location; a bulk request reports every failing symbol at once. Thread-safe.
 */
public final class ParquetMarketData implements MarketData {
    public static final int DEFAULT_PARALLELISM = 8;

    private final ParquetBarStore store;
    private final MarketData live;
    private final Clock clock;
    private final SeriesCache stored;
    private final SeriesCache withLiveBar;

    private ParquetMarketData(Builder b) {
        this.store = b.store;
        this.live = b.live;
        this.clock = b.clock == null ? null : b.clock.withZone(Scheduler.MARKET_ZONE);
        this.stored = new SeriesCache(store::readSeries, b.parallelism, "alchemiser-lake-read");
        this.withLiveBar = new SeriesCache(this::appendLiveBar, b.parallelism, "alchemiser-live-quote");
    }

    /** A builder over {@code store}: no live source, not intraday. */
    public static Builder builder(ParquetBarStore store) {
        return new Builder(store);
    }

    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        checkRange(from, to);
        BarSeries series = reachesToday(to) ? withLiveBar.get(symbol) : stored.get(symbol);
        return series.between(from, to);
    }

    @Override
    public Map<Symbol, BarSeries> dailyBars(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
        checkRange(from, to);
        Map<Symbol, BarSeries> all = reachesToday(to) ? withLiveBar.getAll(symbols) : stored.getAll(symbols);
        Map<Symbol, BarSeries> out = new LinkedHashMap<>();
        all.forEach((symbol, series) -> out.put(symbol, series.between(from, to)));
        return out;
    }

    @Override
    public Quote latestQuote(Symbol symbol) {
        if (live == null) {
            throw new MarketDataException("no live quote for " + symbol
                    + ": this ParquetMarketData has no live quote source (see ParquetMarketData.Builder#quotes)");
        }
        return live.latestQuote(symbol);
    }

    /** Whether this instance appends today's live bar. */
    public boolean isIntraday() {
        return clock != null;
    }

    private boolean reachesToday(LocalDate to) {
        return clock != null && !to.isBefore(LocalDate.now(clock));
    }

    private BarSeries appendLiveBar(Symbol symbol) {
        BarSeries series = stored.get(symbol);
        LocalDate today = LocalDate.now(clock);
        if (!series.isEmpty() && series.lastDate().isAfter(today)) {
            throw new MarketDataException(symbol + ": the data lake has bars up to " + series.lastDate()
                    + ", after today " + today + " in " + Scheduler.MARKET_ZONE + "; check the clock");
        }
        Quote quote = live.latestQuote(symbol);
        LocalDate quoted = quote.timestamp().atZone(Scheduler.MARKET_ZONE).toLocalDate();
        if (!quoted.equals(today)) {
            throw new MarketDataException(symbol + ": the live quote is from " + quote.timestamp() + " (" + quoted
                    + "), not today " + today + "; refusing to use a stale price as today's bar");
        }
        BigDecimal price = quote.referencePrice();
        if (price == null) {
            throw new MarketDataException(symbol + ": the live quote at " + quote.timestamp() + " has no price");
        }
        return series.withLast(DailyBar.closeOnly(today, price));
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /** Builds a {@link ParquetMarketData}. */
    public static final class Builder {
        private final ParquetBarStore store;
        private MarketData live;
        private Clock clock;
        private int parallelism = DEFAULT_PARALLELISM;

        private Builder(ParquetBarStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** Where {@link #latestQuote} comes from (an Alpaca adapter, a simulated broker's feed). */
        public Builder quotes(MarketData liveQuotes) {
            this.live = Objects.requireNonNull(liveQuotes, "liveQuotes");
            return this;
        }

        /**
         * Evaluates intraday: append today's live price, from {@code liveQuotes}, with "today" read from
         * {@code clock} in {@code America/New_York}.
         */
        public Builder intraday(MarketData liveQuotes, Clock clock) {
            quotes(liveQuotes);
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How many files to read at once in a bulk request. */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        public ParquetMarketData build() {
            return new ParquetMarketData(this);
        }
    }
}
