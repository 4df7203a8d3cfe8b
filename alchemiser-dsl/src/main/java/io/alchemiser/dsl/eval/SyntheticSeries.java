package io.alchemiser.dsl.eval;

import io.alchemiser.dsl.compile.Node;
import io.alchemiser.dsl.eval.EvaluationException.Reason;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import io.alchemiser.dsl.indicator.Indicators;

/**
 * Indicators of a subtree, read from the equity curve of its own allocation history.
 *
 * <p>For an indicator with warm-up {@code w} (the bars before its first value, {@link IndicatorSpec#warmup()}) read
 * on calendar day {@code n}, the curve has {@code w + 1} points on days {@code n-w .. n}: it starts at 1, and
 * on each day {@code t} it moves by the return of what the subtree held at the close of day {@code t-1} (weights
 * decided at close {@code t-1} earn the returns of day {@code t}; a day the subtree held nothing earns 0). The
 * indicator is then computed on that curve exactly as on a price series, and its last value is the score. So
 * {@code moving-average-return 5} averages the subtree's last 5 daily returns, {@code stdev-return 10} is the
 * sample deviation of its last 10, {@code cumulative-return 20} compounds its last 20, {@code max-drawdown 20}
 * spans its last 20 curve points; {@code rsi N} is seeded on the N changes of the curve (no longer burn-in).
 *
 * <p>The subtree is evaluated on each of those days through {@link Allocator#allocate}, memoised per (subtree,
 * day), so a backtest evaluates each ranked subtree about once per day however many filters read it.
 */
final class SyntheticSeries {
    private final Allocator allocator;
    private final Market market;

    SyntheticSeries(Allocator allocator, Market market) {
        this.allocator = allocator;
        this.market = market;
    }

    /**
     * The value of {@code spec} on the allocation history of {@code source} as of day {@code day}.
     *
     * @param ranker the filter or weighting that reads it, for messages
     * @throws EvaluationException if the history is too short or a day of it cannot be evaluated
     */
    double score(Node source, IndicatorSpec spec, int day, Node ranker) {
        int warmup = spec.warmup();
        int start = day - warmup;
        PriceTable table = market.table();
        if (start < 0) {
            throw new EvaluationException(Reason.INSUFFICIENT_HISTORY, source.position(), table.day(day),
                    spec.describe() + " of the allocation history of " + Labels.of(source) + " on " + table.day(day)
                            + " needs " + warmup + " trading days before it, but the data of this symphony starts on "
                            + table.day(0) + " (" + day + " trading days before)");
        }
        double[] curve = new double[warmup + 1];
        curve[0] = 1.0;
        try {
            for (int j = 1; j <= warmup; j++) {
                int t = start + j;
                Allocation held = allocator.allocate(source, t - 1, Trace.OFF);
                curve[j] = curve[j - 1] * (1.0 + market.dailyReturn(held, t, source.position(), () -> Labels.of(source)));
            }
        } catch (EvaluationException e) {
            throw e.because("needed for " + spec.describe() + " of the allocation history of " + Labels.of(source)
                    + " from " + table.day(start) + " to " + table.day(day) + ", read by " + Labels.of(ranker)
                    + " on " + table.day(day));
        }
        return Indicators.series(spec, curve)[warmup];
    }
}
