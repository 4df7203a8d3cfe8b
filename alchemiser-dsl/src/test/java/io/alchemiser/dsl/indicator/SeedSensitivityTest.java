package io.alchemiser.dsl.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How much the recursive indicators depend on where their history starts, measured on real SPY
 * closes (2000-01-03 to 2026-07-31, 6,684 bars).
 *
 * <p>RSI: DESIGN asks how far Wilder's RSI moves when its history is cut to 250 bars, since
 * symphony thresholds such as 79 / 80 / 81 sit one point apart. For every end bar with at least
 * 1,000 bars of full history, the RSI over the full history is compared with the RSI over only
 * the last 250 bars; the table also counts the end bars on which the two fall on different sides
 * of some whole-number threshold. The bounds asserted are the measured maxima rounded up: a change
 * to the seeding or the smoothing moves these numbers and fails the test. Short windows forget
 * their seed within 250 bars (window 10: 0.9^240 ~ 1e-11); window 60 and beyond do not, which is
 * why {@link Indicators} seeds from all available history.
 *
 * <p>EMA: our seed (mean of the first window) against ta4j/pandas' seed (the first close), on the
 * same SPY history: the gap at the seed bar and what is left of it 250 and 1,000 bars later.
 */
@Tag("shared")
class SeedSensitivityTest {

    private static final int CUT = 250;
    private static final int MIN_FULL_HISTORY = 1_000;

    /**
     * window, bound on max |full - cut| in RSI points: the maximum measured on SPY, rounded up.
     * Measured: 2, 3, 5: 0 (the seed's weight 0.5^245 is below one ulp); 10: 1.07e-9;
     * 14: 2.15e-6; 15: 7.42e-6; 20: 5.00e-4; 21: 9.12e-4; 30: 0.0301; 60: 0.962; 100: 3.38; 200: 7.77.
     */
    private static final double[][] RSI_BOUNDS = {
        {2, 1e-12}, {3, 1e-12}, {5, 1e-12}, {10, 2e-9}, {14, 5e-6}, {15, 1.5e-5}, {20, 1e-3}, {21, 2e-3},
        {30, 0.05}, {60, 1.5}, {100, 5.0}, {200, 10.0},
    };

    @Test
    void rsiCutTo250BarsMovesByAtMostTheMeasuredBound() {
        double[] spy = SharedPrices.adjustedCloses("SPY");
        assertThat(spy.length).isGreaterThan(6_000);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "RSI on SPY, full history vs last %d bars only, %d end bars each%n"
                        + "window   max |diff|   99th pct     last bar    bars on another side of a whole-number threshold%n",
                CUT, spy.length - MIN_FULL_HISTORY));
        for (double[] bound : RSI_BOUNDS) {
            int w = (int) bound[0];
            IndicatorSpec spec = IndicatorSpec.of(IndicatorKind.RSI, w);
            double[] full = Indicators.series(spec, spy);
            double[] diffs = new double[spy.length - MIN_FULL_HISTORY];
            int flips = 0; // end bars where some integer threshold (e.g. rsi > 80) is decided differently
            for (int end = MIN_FULL_HISTORY; end < spy.length; end++) {
                double[] cut = Indicators.series(spec, Arrays.copyOfRange(spy, end - CUT + 1, end + 1));
                double truncated = cut[CUT - 1];
                diffs[end - MIN_FULL_HISTORY] = Math.abs(full[end] - truncated);
                if (Math.floor(full[end]) != Math.floor(truncated)) {
                    flips++;
                }
            }
            double last = diffs[diffs.length - 1];
            Arrays.sort(diffs);
            double max = diffs[diffs.length - 1];
            double p99 = diffs[(int) (diffs.length * 0.99)];
            table.append(String.format(Locale.ROOT, "%6d   %.3e   %.3e   %.3e   %d%n", w, max, p99, last, flips));
            assertThat(max).as("rsi %d: max move when cut to %d bars", w, CUT).isLessThanOrEqualTo(bound[1]);
        }
        System.out.print(table);
    }

    @Test
    void emaSeedGapFadesGeometrically() {
        double[] spy = SharedPrices.adjustedCloses("SPY");
        StringBuilder table = new StringBuilder(
                "EMA on SPY, mean-of-first-window seed vs first-close seed (percent of the EMA)\n"
                        + "window   at seed bar   +250 bars     +1000 bars\n");
        for (int w : new int[] {10, 50, 126}) {
            double[] ours = Indicators.series(IndicatorSpec.of(IndicatorKind.EXPONENTIAL_MOVING_AVERAGE_PRICE, w), spy);
            double[] firstClose = Reference.emaSeededWithFirstValue(spy, w);
            double[] gapPercent = new double[spy.length];
            for (int i = w - 1; i < spy.length; i++) {
                gapPercent[i] = Math.abs(ours[i] - firstClose[i]) / ours[i] * 100;
            }
            double alpha = 2.0 / (w + 1);
            double seedGap = ours[w - 1] - firstClose[w - 1];
            for (int k : new int[] {250, 100}) {
                // the same recursion from two seeds: the gap shrinks by (1 - alpha) per bar, exactly
                double expected = seedGap * Math.pow(1 - alpha, k);
                assertThat(ours[w - 1 + k] - firstClose[w - 1 + k])
                        .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9 * spy[w - 1 + k]));
            }
            table.append(String.format(Locale.ROOT, "%6d   %.3e%%   %.3e%%   %.3e%%%n",
                    w, gapPercent[w - 1], gapPercent[w - 1 + 250], gapPercent[w - 1 + 1000]));
        }
        System.out.print(table);
    }
}
