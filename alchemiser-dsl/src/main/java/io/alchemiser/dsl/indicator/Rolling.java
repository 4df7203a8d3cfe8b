package io.alchemiser.dsl.indicator;

import java.util.Arrays;

/**
 * Statistics over a sliding window of {@code w} values, each whole series in O(n) without running
 * sums that drift.
 *
 * <p>The inputs from index {@code first} are cut into blocks of {@code w}. A window ending at
 * {@code t} either is one whole block or straddles two: it is the tail of one block
 * ({@code s .. blockEnd}) followed by the head of the next ({@code blockStart .. t}). So one
 * forward pass per block stores every head's summary ("prefix"), one backward pass stores every
 * tail's summary ("suffix"), and each window is the merge of at most two summaries. Every value is
 * built from at most {@code w} fresh additions, so rounding never accumulates along the series the
 * way an add-one/remove-one running sum does (a running sum that once held 1e6 keeps its rounding
 * error after that value has left the window).
 */
final class Rolling {

    private Rolling() {
    }

    /**
     * The mean of {@code values[t - w + 1 .. t]} at every {@code t >= first + w - 1}.
     *
     * @param values inputs; only indices from {@code first} are read
     * @param first  the first defined input
     * @param w      the window, at least 1
     * @return means, {@code NaN} before {@code first + w - 1}
     */
    static double[] mean(double[] values, int first, int w) {
        int n = values.length;
        double[] out = nanSeries(n);
        if (first >= n || w > n - first) {
            return out;
        }
        double[] prefixSum = new double[n];
        double[] suffixSum = new double[n];
        for (int start = first; start < n; start = blockEnd(start, w, n) + 1) {
            int end = blockEnd(start, w, n);
            double sum = 0.0;
            for (int i = start; i <= end; i++) {
                sum += values[i];
                prefixSum[i] = sum;
            }
            sum = 0.0;
            for (int i = end; i >= start; i--) {
                sum += values[i];
                suffixSum[i] = sum;
            }
        }
        for (int t = first + w - 1; t < n; t++) {
            int s = t - w + 1;
            double sum = (s - first) % w == 0 ? prefixSum[t] : suffixSum[s] + prefixSum[t];
            out[t] = sum / w;
        }
        return out;
    }

    /**
     * The sample standard deviation (divisor {@code w - 1}) of {@code values[t - w + 1 .. t]} at
     * every {@code t >= first + w - 1}.
     *
     * <p>Each block summary is a Welford running mean and sum of squared deviations, taken around a
     * value that lies inside every window using it (a block's first value for heads, its last for
     * tails), so the level of the prices (SPY at 600 moving by cents) costs no precision. Two
     * summaries merge by Chan's rule {@code M2 = M2a + M2b + delta^2 * na * nb / (na + nb)}: all
     * terms are non-negative, nothing cancels, and a window of equal values gives exactly 0.
     *
     * @param values inputs; only indices from {@code first} are read
     * @param first  the first defined input
     * @param w      the window, at least 2
     * @return standard deviations, {@code NaN} before {@code first + w - 1}
     */
    static double[] sampleStdev(double[] values, int first, int w) {
        int n = values.length;
        double[] out = nanSeries(n);
        if (first >= n || w > n - first) {
            return out;
        }
        // prefix: around values[blockStart]; suffix: around values[blockEnd].
        double[] prefixMean = new double[n];
        double[] prefixM2 = new double[n];
        double[] suffixMean = new double[n];
        double[] suffixM2 = new double[n];
        for (int start = first; start < n; start = blockEnd(start, w, n) + 1) {
            int end = blockEnd(start, w, n);
            welford(values, start, end, 1, values[start], prefixMean, prefixM2);
            welford(values, end, start, -1, values[end], suffixMean, suffixM2);
        }
        for (int t = first + w - 1; t < n; t++) {
            int s = t - w + 1;
            double m2;
            if ((s - first) % w == 0) {
                m2 = prefixM2[t];
            } else {
                int headStart = t - (t - first) % w;
                int tailCount = headStart - s;
                int headCount = t - headStart + 1;
                // true means: suffixMean[s] + values[headStart - 1] and prefixMean[t] + values[headStart]
                double delta = prefixMean[t] - suffixMean[s] + (values[headStart] - values[headStart - 1]);
                m2 = suffixM2[s] + prefixM2[t] + delta * delta * ((double) tailCount * headCount / w);
            }
            out[t] = Math.sqrt(m2 / (w - 1));
        }
        return out;
    }

    /**
     * The largest peak-to-trough decline, {@code (peak - trough) / peak} with the peak at or before
     * the trough, within {@code values[t - w + 1 .. t]} at every {@code t >= w - 1}; a fraction in
     * [0, 1) for positive inputs.
     *
     * <p>A block summary is (highest, lowest, largest decline); a tail {@code a} followed by a head
     * {@code b} merge to {@code max(a.decline, b.decline, (a.highest - b.lowest) / a.highest)}.
     *
     * @param values positive inputs, all defined
     * @param w      the window of values (not of changes), at least 1
     * @return declines, {@code NaN} before {@code w - 1}
     */
    static double[] maxDecline(double[] values, int w) {
        int n = values.length;
        double[] out = nanSeries(n);
        if (w > n) {
            return out;
        }
        double[] prefixLow = new double[n];
        double[] prefixDecline = new double[n];
        double[] suffixHigh = new double[n];
        double[] suffixDecline = new double[n];
        for (int start = 0; start < n; start = blockEnd(start, w, n) + 1) {
            int end = blockEnd(start, w, n);
            double high = values[start];
            double low = values[start];
            double decline = 0.0;
            for (int i = start; i <= end; i++) {
                double v = values[i];
                decline = Math.max(decline, (high - v) / high);
                high = Math.max(high, v);
                low = Math.min(low, v);
                prefixLow[i] = low;
                prefixDecline[i] = decline;
            }
            high = values[end];
            low = values[end];
            decline = 0.0;
            for (int i = end; i >= start; i--) {
                double v = values[i];
                decline = Math.max(decline, (v - low) / v);
                high = Math.max(high, v);
                low = Math.min(low, v);
                suffixHigh[i] = high;
                suffixDecline[i] = decline;
            }
        }
        for (int t = w - 1; t < n; t++) {
            int s = t - w + 1;
            if (s % w == 0) {
                out[t] = prefixDecline[t];
            } else {
                double peak = suffixHigh[s];
                double across = (peak - prefixLow[t]) / peak;
                out[t] = Math.max(Math.max(suffixDecline[s], prefixDecline[t]), across);
            }
        }
        return out;
    }

    /**
     * Welford's running mean and M2 of {@code values[from], values[from + step], ... values[to]}
     * taken around {@code centre}, stored at each visited index.
     */
    private static void welford(double[] values, int from, int to, int step, double centre,
                                double[] meanOut, double[] m2Out) {
        double mean = 0.0;
        double m2 = 0.0;
        int count = 0;
        for (int i = from; ; i += step) {
            double x = values[i] - centre;
            count++;
            double delta = x - mean;
            mean += delta / count;
            m2 += delta * (x - mean);
            meanOut[i] = mean;
            m2Out[i] = m2;
            if (i == to) {
                return;
            }
        }
    }

    private static int blockEnd(int start, int w, int n) {
        return (int) Math.min((long) start + w, n) - 1;
    }

    private static double[] nanSeries(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
