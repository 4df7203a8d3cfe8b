package io.alchemiser.core.application.backtest;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Closes of every symbol aligned to the backtest calendar: on a day a symbol has no bar, its last close carries
 * forward; before its first bar it has no price ({@code NaN}).
 */
final class AlignedCloses {
    private final Map<Symbol, double[]> bySymbol;

    private AlignedCloses(Map<Symbol, double[]> bySymbol) {
        this.bySymbol = bySymbol;
    }

    static AlignedCloses load(PriceHistory data, Set<Symbol> symbols, List<LocalDate> dates) {
        Map<Symbol, double[]> out = new HashMap<>();
        Map<Symbol, BarSeries> series = data.dailyBars(symbols, dates.get(0).minusDays(10), dates.get(dates.size() - 1));
        for (Symbol s : symbols) {
            BarSeries bars = series.get(s);
            double[] aligned = new double[dates.size()];
            double[] c = bars.closes();
            int j = 0;
            double last = Double.NaN;
            for (int i = 0; i < dates.size(); i++) {
                while (j < bars.size() && !bars.date(j).isAfter(dates.get(i))) {
                    last = c[j++];
                }
                aligned[i] = last;
            }
            out.put(s, aligned);
        }
        return new AlignedCloses(out);
    }

    /** Close(day) / close(day − 1); 1 when either is unknown. */
    double growth(Symbol s, int day) {
        double[] c = bySymbol.get(s);
        if (c == null || Double.isNaN(c[day]) || Double.isNaN(c[day - 1])) {
            return 1.0;
        }
        return c[day] / c[day - 1];
    }

    /** The close of {@code s} on {@code day} (carried forward over gaps), or {@code NaN} before its first bar. */
    double price(Symbol s, int day) {
        double[] c = bySymbol.get(s);
        return c == null ? Double.NaN : c[day];
    }

    void requirePrice(Symbol s, int day, LocalDate date) {
        double[] c = bySymbol.get(s);
        if (c == null || Double.isNaN(c[day])) {
            throw new MarketDataException("backtest: " + s + " is targeted on " + date + " but has no price on or before it");
        }
    }
}
