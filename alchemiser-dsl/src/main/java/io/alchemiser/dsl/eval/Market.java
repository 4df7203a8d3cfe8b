package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.dsl.eval.EvaluationException.Reason;
import io.alchemiser.dsl.indicator.IndicatorCache;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import io.alchemiser.dsl.read.SourcePosition;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Every read of prices an evaluation makes, with the errors that name what is missing. Indicator series come from
 * the run's {@link IndicatorCache}, computed once per (symbol, indicator) over the symbol's whole loaded history.
 */
final class Market {
    private final PriceTable table;
    private final IndicatorCache cache;

    Market(PriceTable table, IndicatorCache cache) {
        this.table = table;
        this.cache = cache;
    }

    PriceTable table() {
        return table;
    }

    /**
     * The value of {@code spec} applied to a symbol's closes, as of the close of {@code day}.
     *
     * @throws EvaluationException if the symbol has no bar on the day, or too few bars before it for the window
     */
    double value(int id, IndicatorSpec spec, int day, SourcePosition at) {
        int bar = table.bar(id, day);
        if (bar < 0) {
            throw noBar(id, day, at, spec.describe() + " of " + table.symbol(id));
        }
        double value = cache.series(table.symbol(id).value(), spec, table.closes(id))[bar];
        if (Double.isNaN(value)) {
            BarSeries series = table.series(id);
            throw new EvaluationException(Reason.INSUFFICIENT_HISTORY, at, table.day(day), spec.describe() + " of "
                    + table.symbol(id) + " on " + table.day(day) + " needs " + (spec.warmup() + 1) + " bars of "
                    + table.symbol(id) + " up to that day, but it has only " + (bar + 1) + " (its first bar is "
                    + series.firstDate() + ")");
        }
        return value;
    }

    /**
     * Checks that a symbol can be held on {@code day}: it has a bar that day.
     *
     * @throws EvaluationException naming the symbol and the day
     */
    void requireBar(int id, int day, SourcePosition at) {
        if (table.bar(id, day) < 0) {
            throw noBar(id, day, at, "holding " + table.symbol(id));
        }
    }

    /**
     * The return on {@code day} of what was held at the close of the day before: the weighted sum of each held
     * symbol's close on {@code day} over its previous close, minus 1. Nothing held earns 0 (cash).
     *
     * @param holder what held it, for messages
     */
    double dailyReturn(Allocation held, int day, SourcePosition at, Supplier<String> holder) {
        double total = 0;
        for (int k = 0; k < held.size(); k++) {
            int id = held.id(k);
            int bar = table.bar(id, day);
            if (bar <= 0) {
                String what = "the daily return of " + table.symbol(id) + " held by " + holder.get();
                if (bar < 0) {
                    throw noBar(id, day, at, what);
                }
                throw new EvaluationException(Reason.INSUFFICIENT_HISTORY, at, table.day(day), what + " on "
                        + table.day(day) + " needs the close before it, but " + table.symbol(id)
                        + "'s first bar is that day");
            }
            double[] closes = table.closes(id);
            total += held.weight(k) * (closes[bar] / closes[bar - 1] - 1.0);
        }
        return total;
    }

    /** The error for a symbol without a bar on a day: too early (no history yet) or a gap (missing bar). */
    private EvaluationException noBar(int id, int day, SourcePosition at, String what) {
        BarSeries series = table.series(id);
        LocalDate date = table.day(day);
        if (series.isEmpty() || series.firstDate().isAfter(date)) {
            return new EvaluationException(Reason.INSUFFICIENT_HISTORY, at, date, what + " on " + date + ": "
                    + table.symbol(id) + " has no history then"
                    + (series.isEmpty() ? " (it has no bars on or before that day)" : " (its first bar is "
                    + series.firstDate() + ")"));
        }
        int before = series.indexAtOrBefore(date);
        return new EvaluationException(Reason.MISSING_BAR, at, date, what + " on " + date + ": " + table.symbol(id)
                + " has no bar on " + date + " (its last bar before is " + series.date(before)
                + "); a symbol is read at the close of the evaluated day, never at an older one");
    }
}
