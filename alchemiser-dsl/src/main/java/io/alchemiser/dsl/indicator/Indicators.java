package io.alchemiser.dsl.indicator;

import java.util.Arrays;
import java.util.Objects;

/**
 * Composer-compatible indicators, each computed as a whole series over daily adjusted closes.
 *
 * <p>Input: {@code closes[0]} is the oldest close, {@code closes[n-1]} the latest; all finite and
 * positive. Output: a new array of the same length, where {@code out[i]} is the indicator as of
 * bar {@code i} using closes {@code 0..i} only (never a later one), and {@code NaN} for the first
 * {@link IndicatorSpec#warmup()} bars. Every series costs O(n) time and a few arrays of n doubles.
 *
 * <p>Definitions, with {@code c} the closes, {@code w} the window and
 * {@code r[i] = (c[i] - c[i-1]) / c[i-1] * 100} the daily percent return:
 * <ul>
 *   <li><b>rsi</b>: {@code gain[i] = max(c[i] - c[i-1], 0)}, {@code loss[i] = max(c[i-1] - c[i], 0)};
 *       {@code G[w]} and {@code L[w]} are the means of gains and losses 1..w, then
 *       {@code G[i] = G[i-1] + (gain[i] - G[i-1]) / w} (Wilder, alpha = 1/w) and likewise L; seeded
 *       once from the start of the given history. {@code rsi = 100 * G / (G + L)}, the same as
 *       {@code 100 - 100 / (1 + G/L)}: 100 when L = 0 &lt; G; <b>50 when G = L = 0</b> (a flat
 *       history has neither up nor down strength; 0/0 has no value, and 50 neither trips an
 *       "overbought" test such as {@code > 79} nor an "oversold" one; the Python port this project
 *       follows yields 50 there too, whereas ta4j returns 0).</li>
 *   <li><b>moving-average-price</b>: {@code (c[i-w+1] + ... + c[i]) / w}.</li>
 *   <li><b>exponential-moving-average-price</b>: {@code e[w-1]} = mean of {@code c[0..w-1]}, then
 *       {@code e[i] = e[i-1] + a * (c[i] - e[i-1])} with {@code a = 2 / (w + 1)}. The seed is the
 *       textbook one (and Wilder's rule for RSI); ta4j and pandas seed with {@code c[0]} instead.
 *       The two differ by {@code (e[w-1] - ta4j[w-1]) * (1 - a)^(i - w + 1)}, which is negligible
 *       after a few hundred bars for the windows symphonies use.</li>
 *   <li><b>cumulative-return</b>: {@code (c[i] - c[i-w]) / c[i-w] * 100}, which is
 *       {@code (c[i] / c[i-w] - 1) * 100} with less rounding.</li>
 *   <li><b>moving-average-return</b>: {@code (r[i-w+1] + ... + r[i]) / w}.</li>
 *   <li><b>stdev-return</b>: the sample standard deviation of {@code r[i-w+1..i]}:
 *       {@code sqrt(sum((r - mean)^2) / (w - 1))}, in percent, not annualised.</li>
 *   <li><b>stdev-price</b>: the sample standard deviation of {@code c[i-w+1..i]}, divisor {@code w - 1}.</li>
 *   <li><b>max-drawdown</b>: {@code max((c[p] - c[q]) / c[p]) * 100} over {@code i-w+1 <= p <= q <= i}:
 *       the window counts closes, so {@code {:window 10}} looks at the last 10 closes (9 changes),
 *       like the Python port's rolling window over prices. In [0, 100); 0 when the window never falls.</li>
 *   <li><b>current-price</b>: {@code c[i]}.</li>
 *   <li><b>percentage-price-oscillator</b>: {@code (E_s[i] - E_l[i]) / E_l[i] * 100}, where {@code E_s},
 *       {@code E_l} are the EMAs above over the short and long windows.</li>
 *   <li><b>percentage-price-oscillator-signal</b>: the EMA over the smooth window of the oscillator
 *       line, seeded with the mean of its first {@code smooth} defined values.</li>
 * </ul>
 *
 * <p><b>Divisor.</b> Both standard deviations divide by {@code n - 1} (sample). The Python port of
 * these symphonies computes stdev-return with pandas' {@code rolling(window).std()}, whose default is
 * {@code ddof=1}; matching it keeps its thresholds meaningful. ta4j's StandardDeviationIndicator
 * divides by n: multiply it by {@code sqrt(n / (n - 1))} to compare.
 */
public final class Indicators {

    private Indicators() {
    }

    /**
     * Computes one indicator over a whole price history.
     *
     * @param spec   the indicator and its windows
     * @param closes daily adjusted closes, oldest first; not modified
     * @return a new array as long as {@code closes}, {@code NaN} exactly at indices below
     *         {@code spec.warmup()}
     * @throws IllegalArgumentException if a close is {@code NaN}, infinite, zero or negative,
     *                                  naming its index
     */
    public static double[] series(IndicatorSpec spec, double[] closes) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(closes, "closes");
        requirePositiveFinite(closes);
        return switch (spec.kind()) {
            case RSI -> rsi(closes, spec.window());
            case MOVING_AVERAGE_PRICE -> Rolling.mean(closes, 0, spec.window());
            case EXPONENTIAL_MOVING_AVERAGE_PRICE -> ema(closes, spec.window());
            case CUMULATIVE_RETURN -> cumulativeReturn(closes, spec.window());
            case MOVING_AVERAGE_RETURN -> Rolling.mean(percentReturns(closes), 1, spec.window());
            case STDEV_RETURN -> Rolling.sampleStdev(percentReturns(closes), 1, spec.window());
            case STDEV_PRICE -> Rolling.sampleStdev(closes, 0, spec.window());
            case MAX_DRAWDOWN -> percent(Rolling.maxDecline(closes, spec.window()));
            case CURRENT_PRICE -> closes.clone();
            case PERCENTAGE_PRICE_OSCILLATOR -> ppo(closes, spec.shortWindow(), spec.longWindow());
            case PERCENTAGE_PRICE_OSCILLATOR_SIGNAL -> ppoSignal(closes, spec.shortWindow(), spec.longWindow(),
                    spec.smoothWindow());
        };
    }

    private static double[] rsi(double[] closes, int window) {
        int n = closes.length;
        double[] gains = new double[n];
        double[] losses = new double[n];
        for (int i = 1; i < n; i++) {
            double change = closes[i] - closes[i - 1];
            gains[i] = Math.max(change, 0.0);
            losses[i] = Math.max(-change, 0.0);
        }
        double alpha = 1.0 / window;
        double[] averageGain = Smoothing.seeded(gains, 1, window, alpha);
        double[] averageLoss = Smoothing.seeded(losses, 1, window, alpha);
        double[] out = averageGain; // reuse: each index is read before it is overwritten
        for (int i = 0; i < n; i++) {
            double g = averageGain[i];
            double total = g + averageLoss[i];
            // g / total <= 1 exactly in floating point, so the RSI never exceeds 100 by an ulp
            out[i] = total > 0.0 ? 100.0 * (g / total) : (total == 0.0 ? 50.0 : Double.NaN);
        }
        return out;
    }

    private static double[] ema(double[] closes, int window) {
        return Smoothing.seeded(closes, 0, window, Smoothing.emaAlpha(window));
    }

    private static double[] ppo(double[] closes, int shortWindow, int longWindow) {
        double[] fast = ema(closes, shortWindow);
        double[] slow = ema(closes, longWindow);
        double[] out = fast;
        for (int i = 0; i < closes.length; i++) {
            out[i] = (fast[i] - slow[i]) / slow[i] * 100.0;
        }
        return out;
    }

    private static double[] ppoSignal(double[] closes, int shortWindow, int longWindow, int smoothWindow) {
        int firstDefined = Math.max(shortWindow, longWindow) - 1;
        double[] line = ppo(closes, shortWindow, longWindow);
        return Smoothing.seeded(line, firstDefined, smoothWindow, Smoothing.emaAlpha(smoothWindow));
    }

    private static double[] cumulativeReturn(double[] closes, int window) {
        int n = closes.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        for (int i = window; i < n; i++) {
            double then = closes[i - window];
            out[i] = (closes[i] - then) / then * 100.0;
        }
        return out;
    }

    /** Daily percent returns; index 0 has no previous close and is NaN. */
    private static double[] percentReturns(double[] closes) {
        int n = closes.length;
        double[] out = new double[n];
        if (n > 0) {
            out[0] = Double.NaN;
        }
        for (int i = 1; i < n; i++) {
            out[i] = (closes[i] - closes[i - 1]) / closes[i - 1] * 100.0;
        }
        return out;
    }

    private static double[] percent(double[] fractions) {
        for (int i = 0; i < fractions.length; i++) {
            fractions[i] *= 100.0;
        }
        return fractions;
    }

    private static void requirePositiveFinite(double[] closes) {
        for (int i = 0; i < closes.length; i++) {
            double c = closes[i];
            if (!(c > 0.0) || c == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("close at index " + i + " of " + closes.length
                        + " is " + c + "; indicators need finite positive prices");
            }
        }
    }
}
