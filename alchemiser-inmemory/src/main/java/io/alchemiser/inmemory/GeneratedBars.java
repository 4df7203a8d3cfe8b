package io.alchemiser.inmemory;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link BarGenerator} made: a series per symbol (in declaration order), the trading days, and the market
 * regime of each day. Immutable.
 */
public record GeneratedBars(Map<Symbol, BarSeries> series, List<LocalDate> days, List<BarGenerator.Regime> regimes) {
    public GeneratedBars {
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
        days = List.copyOf(days);
        regimes = List.copyOf(regimes);
        if (days.size() != regimes.size()) {
            throw new IllegalArgumentException("one regime per day: " + days.size() + " days, " + regimes.size()
                    + " regimes");
        }
    }

    /** The series of {@code symbol}. */
    public BarSeries series(Symbol symbol) {
        BarSeries s = series.get(symbol);
        if (s == null) {
            throw new IllegalArgumentException(symbol + " was not generated; symbols: " + series.keySet());
        }
        return s;
    }

    /** The regime of a generated day. */
    public BarGenerator.Regime regime(LocalDate day) {
        int i = Collections.binarySearch(days, day);
        if (i < 0) {
            throw new IllegalArgumentException(day + " is not a generated trading day");
        }
        return regimes.get(i);
    }

    /** Market data holding every series, quoting from the last close as {@link InMemoryMarketData} does by default. */
    public InMemoryMarketData toMarketData() {
        return new InMemoryMarketData().putBars(series.values());
    }
}
