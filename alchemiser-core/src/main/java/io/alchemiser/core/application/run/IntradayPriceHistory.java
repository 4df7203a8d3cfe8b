package io.alchemiser.core.application.run;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Quotes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored daily bars with today's live price as the last bar: how a run shortly before the close decides on the
 * day's own prices, as Composer does.
 *
 * <p>A request whose range reaches {@code today} gets one more bar dated {@code today}, closing at the live quote's
 * {@linkplain Quote#referencePrice() reference price} (the bid/ask midpoint, else the last trade) with no open,
 * high, low or volume; it replaces a stored bar of the same date. Each symbol's quote is read once (several
 * symbols in one {@link Quotes#latestQuotes} call), so every indicator of a run sees the same live price;
 * {@link #livePrices()} says which price and timestamp each symbol's last bar used.
 *
 * <p>Errors: a quote stamped on another day than {@code today}, a quote without any price, or stored bars after
 * {@code today} are a {@link MarketDataException} naming the symbol: a stale price is never passed off as today's.
 * Thread-safe.
 */
public final class IntradayPriceHistory implements PriceHistory {
    private final PriceHistory stored;
    private final Quotes live;
    private final LocalDate today;
    private final Map<Symbol, Quote> used = new ConcurrentHashMap<>();

    /** @param today the market's date (from the broker's clock), whose bar the live price becomes */
    public IntradayPriceHistory(PriceHistory stored, Quotes live, LocalDate today) {
        this.stored = Objects.requireNonNull(stored, "stored");
        this.live = Objects.requireNonNull(live, "live");
        this.today = Objects.requireNonNull(today, "today");
    }

    public LocalDate today() {
        return today;
    }

    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        return dailyBars(List.of(symbol), from, to).get(symbol);
    }

    @Override
    public Map<Symbol, BarSeries> dailyBars(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
        Map<Symbol, BarSeries> bars = stored.dailyBars(symbols, from, to);
        if (to.isBefore(today) || from.isAfter(today)) {
            return bars;
        }
        List<Symbol> unquoted = new ArrayList<>();
        for (Symbol s : symbols) {
            if (!used.containsKey(s)) {
                unquoted.add(s);
            }
        }
        if (!unquoted.isEmpty()) {
            Map<Symbol, Quote> quotes = live.latestQuotes(unquoted);
            for (Symbol s : unquoted) {
                Quote q = quotes.get(s);
                if (q == null) {
                    throw new MarketDataException(s + ": the live quote source answered no quote");
                }
                used.putIfAbsent(s, check(s, q));
            }
        }
        Map<Symbol, BarSeries> out = new LinkedHashMap<>();
        for (Map.Entry<Symbol, BarSeries> e : bars.entrySet()) {
            BarSeries series = e.getValue();
            if (!series.isEmpty() && series.lastDate().isAfter(today)) {
                throw new MarketDataException(e.getKey() + ": the stored bars run to " + series.lastDate()
                        + ", after today " + today + " by the market's clock; check the clock");
            }
            Quote q = used.get(e.getKey());
            out.put(e.getKey(), series.withLast(DailyBar.closeOnly(today, q.referencePrice())));
        }
        return out;
    }

    /** The live quote behind each symbol's bar of today, by symbol: which price and when. */
    public Map<Symbol, Quote> livePrices() {
        return Collections.unmodifiableMap(new TreeMap<>(used));
    }

    private Quote check(Symbol symbol, Quote quote) {
        LocalDate quoted = quote.timestamp().atZone(MarketClock.MARKET_ZONE).toLocalDate();
        if (!quoted.equals(today)) {
            throw new MarketDataException(symbol + ": the live quote is from " + quote.timestamp() + " (" + quoted
                    + "), not today " + today + "; refusing to use a stale price as today's bar");
        }
        BigDecimal price = quote.referencePrice();
        if (price == null) {
            throw new MarketDataException(symbol + ": the live quote at " + quote.timestamp() + " has no price");
        }
        return quote;
    }
}
