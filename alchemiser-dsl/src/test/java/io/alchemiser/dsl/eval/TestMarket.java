package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Market data built in a test: closes per symbol on consecutive weekdays from {@link #START} (day 0), optionally
 * starting later or with days left out. Counts the bar requests it answers.
 */
final class TestMarket implements PriceHistory {
    /** Day 0: Monday 1 January 2024. */
    static final LocalDate START = LocalDate.of(2024, 1, 1);

    private final Map<Symbol, BarSeries> series;
    private final AtomicInteger requests = new AtomicInteger();

    private TestMarket(Map<Symbol, BarSeries> series) {
        this.series = Map.copyOf(series);
    }

    static Builder builder() {
        return new Builder();
    }

    /** The date of weekday number {@code index} counted from {@link #START}. */
    static LocalDate day(int index) {
        LocalDate date = START;
        for (int i = 0; i < index; i++) {
            date = next(date);
        }
        return date;
    }

    private static LocalDate next(LocalDate weekday) {
        return weekday.plusDays(weekday.getDayOfWeek() == DayOfWeek.FRIDAY ? 3 : 1);
    }

    /** How many bar requests (single or batched) this source answered. */
    int requests() {
        return requests.get();
    }

    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        requests.incrementAndGet();
        return find(symbol).between(from, to);
    }

    @Override
    public Map<Symbol, BarSeries> dailyBars(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
        requests.incrementAndGet();
        Map<Symbol, BarSeries> out = new LinkedHashMap<>();
        for (Symbol symbol : symbols) {
            out.put(symbol, find(symbol).between(from, to));
        }
        return out;
    }


    private BarSeries find(Symbol symbol) {
        BarSeries found = series.get(symbol);
        if (found == null) {
            throw new MarketDataException(symbol + ": no such symbol in the test market");
        }
        return found;
    }

    /** Collects series. */
    static final class Builder {
        private final Map<Symbol, BarSeries> series = new HashMap<>();

        /** Closes on days 0, 1, 2, ... */
        Builder add(String symbol, double... closes) {
            return addFrom(symbol, 0, closes);
        }

        /** Closes on days {@code first}, {@code first + 1}, ... */
        Builder addFrom(String symbol, int first, double... closes) {
            List<DailyBar> bars = new ArrayList<>();
            LocalDate date = day(first);
            for (double close : closes) {
                bars.add(DailyBar.closeOnly(date, BigDecimal.valueOf(close)));
                date = next(date);
            }
            series.put(Symbol.of(symbol), new BarSeries(Symbol.of(symbol), bars));
            return this;
        }

        /** Closes on days 0, 1, 2, ... except the days listed in {@code gaps}. */
        Builder addWithGaps(String symbol, int[] gaps, double... closes) {
            List<DailyBar> bars = new ArrayList<>();
            int day = 0;
            for (double close : closes) {
                while (contains(gaps, day)) {
                    day++;
                }
                bars.add(DailyBar.closeOnly(day(day), BigDecimal.valueOf(close)));
                day++;
            }
            series.put(Symbol.of(symbol), new BarSeries(Symbol.of(symbol), bars));
            return this;
        }

        TestMarket build() {
            return new TestMarket(series);
        }

        private static boolean contains(int[] values, int value) {
            for (int v : values) {
                if (v == value) {
                    return true;
                }
            }
            return false;
        }
    }
}
