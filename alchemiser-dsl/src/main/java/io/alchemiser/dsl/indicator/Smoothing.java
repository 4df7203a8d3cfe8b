package io.alchemiser.dsl.indicator;

import java.util.Arrays;

/**
 * Exponential smoothing seeded with a simple mean: the one recursion behind the EMA, Wilder's RSI
 * averages and the percentage price oscillator.
 *
 * <p>For inputs {@code v} defined from index {@code first}, a window {@code w} and a factor
 * {@code alpha}:
 * <pre>
 *   s[first + w - 1] = (v[first] + ... + v[first + w - 1]) / w
 *   s[i]             = s[i - 1] + alpha * (v[i] - s[i - 1])      for i &gt;= first + w
 * </pre>
 * and {@code NaN} before {@code first + w - 1}. The recursion is the usual
 * {@code alpha * v[i] + (1 - alpha) * s[i - 1]} written with one multiplication. Seeding with the
 * mean of the first window (rather than with the first value, as ta4j and pandas'
 * {@code ewm(adjust=False)} do) is Wilder's own rule for RSI and the usual rule for an EMA; the
 * two seeds differ by an amount that shrinks by the factor {@code (1 - alpha)} every bar.
 */
final class Smoothing {

    private Smoothing() {
    }

    /**
     * The seeded smoothing of {@code values[first..]}; O(n).
     *
     * @param values inputs; only indices from {@code first} are read
     * @param first  the first defined input
     * @param window the number of inputs averaged for the seed, at least 1
     * @param alpha  the smoothing factor in (0, 1]
     * @return a series as long as {@code values}, {@code NaN} where the seed is not yet available
     */
    static double[] seeded(double[] values, int first, int window, double alpha) {
        int n = values.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        if (first >= n || window > n - first) {
            return out;
        }
        int seedAt = first + window - 1;
        double sum = 0.0;
        for (int i = first; i <= seedAt; i++) {
            sum += values[i];
        }
        double s = sum / window;
        out[seedAt] = s;
        for (int i = seedAt + 1; i < n; i++) {
            s += alpha * (values[i] - s);
            out[i] = s;
        }
        return out;
    }

    /** The EMA factor for a window: 2 / (window + 1). */
    static double emaAlpha(int window) {
        return 2.0 / (window + 1.0);
    }
}
