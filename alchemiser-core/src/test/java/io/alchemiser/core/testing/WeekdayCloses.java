package io.alchemiser.core.testing;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A price history written in the test: closes per symbol, one per weekday from a start date, e.g.
 * {@code new WeekdayCloses(monday).with("SPY", 100, 101, 99.5)}. A symbol never given is a
 * {@link MarketDataException} naming it. Thread-safe.
 */
public final class WeekdayCloses implements PriceHistory {
    private final LocalDate start;
    private final Map<Symbol, BarSeries> series = new ConcurrentHashMap<>();

    /** @param start the first bar's date, moved to the next weekday if it is a weekend */
    public WeekdayCloses(LocalDate start) {
        this.start = start;
    }

    /** Adds (or replaces) a symbol's closes, one per weekday from the start. Returns this. */
    public WeekdayCloses with(String ticker, double... closes) {
        Symbol symbol = Symbol.of(ticker);
        List<DailyBar> bars = new ArrayList<>();
        LocalDate d = start;
        for (double c : closes) {
            while (d.getDayOfWeek().getValue() > 5) {
                d = d.plusDays(1);
            }
            bars.add(DailyBar.closeOnly(d, BigDecimal.valueOf(c)));
            d = d.plusDays(1);
        }
        series.put(symbol, new BarSeries(symbol, bars));
        return this;
    }

    /** Adds a symbol with {@code days} weekdays of the same close ending on {@code lastDay}. Returns this. */
    public WeekdayCloses flat(String ticker, String close, LocalDate lastDay, int days) {
        Symbol symbol = Symbol.of(ticker);
        List<DailyBar> bars = new ArrayList<>();
        for (LocalDate d = lastDay; bars.size() < days; d = d.minusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                bars.add(0, DailyBar.closeOnly(d, new BigDecimal(close)));
            }
        }
        series.put(symbol, new BarSeries(symbol, bars));
        return this;
    }

    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        BarSeries s = series.get(symbol);
        if (s == null) {
            throw new MarketDataException("no bars for " + symbol);
        }
        return s.between(from, to);
    }
}
