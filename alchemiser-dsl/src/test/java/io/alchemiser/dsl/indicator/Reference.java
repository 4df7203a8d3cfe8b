package io.alchemiser.dsl.indicator;

import java.util.Arrays;

/**
 * Straightforward O(n * window) re-implementations of every indicator, written from the
 * definitions in the most literal form (each value recomputed from its own window, two-pass
 * variance, RSI as {@code 100 - 100 / (1 + RS)}, EMA as {@code a * c + (1 - a) * prev}) and
 * sharing no code with the production classes. They are the oracle of the property tests and of
 * the real-price checks where ta4j has no matching indicator.
 */
final class Reference {

    private Reference() {
    }

    static double[] series(IndicatorSpec spec, double[] c) {
        return switch (spec.kind()) {
            case RSI -> rsi(c, spec.window());
            case MOVING_AVERAGE_PRICE -> sma(c, spec.window());
            case EXPONENTIAL_MOVING_AVERAGE_PRICE -> ema(c, 0, spec.window());
            case CUMULATIVE_RETURN -> cumulativeReturn(c, spec.window());
            case MOVING_AVERAGE_RETURN -> movingAverageReturn(c, spec.window());
            case STDEV_RETURN -> stdevReturn(c, spec.window());
            case STDEV_PRICE -> stdevPrice(c, spec.window());
            case MAX_DRAWDOWN -> maxDrawdown(c, spec.window());
            case CURRENT_PRICE -> c.clone();
            case PERCENTAGE_PRICE_OSCILLATOR -> ppo(c, spec.shortWindow(), spec.longWindow());
            case PERCENTAGE_PRICE_OSCILLATOR_SIGNAL -> ema(ppo(c, spec.shortWindow(), spec.longWindow()),
                    Math.max(spec.shortWindow(), spec.longWindow()) - 1, spec.smoothWindow());
        };
    }

    /** Wilder RSI recomputed from the start of history for every index. */
    static double[] rsi(double[] c, int w) {
        double[] out = nan(c.length);
        for (int t = w; t < c.length; t++) {
            double avgGain = 0;
            double avgLoss = 0;
            for (int i = 1; i <= w; i++) {
                double change = c[i] - c[i - 1];
                if (change > 0) {
                    avgGain += change;
                } else {
                    avgLoss -= change;
                }
            }
            avgGain /= w;
            avgLoss /= w;
            for (int i = w + 1; i <= t; i++) {
                double change = c[i] - c[i - 1];
                double gain = change > 0 ? change : 0;
                double loss = change < 0 ? -change : 0;
                avgGain = (avgGain * (w - 1) + gain) / w;
                avgLoss = (avgLoss * (w - 1) + loss) / w;
            }
            if (avgLoss == 0) {
                out[t] = avgGain == 0 ? 50 : 100;
            } else {
                out[t] = 100 - 100 / (1 + avgGain / avgLoss);
            }
        }
        return out;
    }

    static double[] sma(double[] c, int w) {
        double[] out = nan(c.length);
        for (int t = w - 1; t < c.length; t++) {
            double sum = 0;
            for (int i = t - w + 1; i <= t; i++) {
                sum += c[i];
            }
            out[t] = sum / w;
        }
        return out;
    }

    /** EMA over {@code v[first..]}, seeded at {@code first + w - 1} with the mean of the first w values. */
    static double[] ema(double[] v, int first, int w) {
        double[] out = nan(v.length);
        int seedAt = first + w - 1;
        if (seedAt >= v.length) {
            return out;
        }
        double a = 2.0 / (w + 1);
        double sum = 0;
        for (int i = first; i <= seedAt; i++) {
            sum += v[i];
        }
        out[seedAt] = sum / w;
        for (int i = seedAt + 1; i < v.length; i++) {
            out[i] = a * v[i] + (1 - a) * out[i - 1];
        }
        return out;
    }

    /** EMA seeded with the first value, as ta4j and pandas {@code ewm(adjust=False)} do; defined from 0. */
    static double[] emaSeededWithFirstValue(double[] v, int w) {
        double[] out = new double[v.length];
        double a = 2.0 / (w + 1);
        for (int i = 0; i < v.length; i++) {
            out[i] = i == 0 ? v[0] : a * v[i] + (1 - a) * out[i - 1];
        }
        return out;
    }

    static double[] cumulativeReturn(double[] c, int w) {
        double[] out = nan(c.length);
        for (int t = w; t < c.length; t++) {
            out[t] = (c[t] / c[t - w] - 1) * 100;
        }
        return out;
    }

    static double[] percentReturns(double[] c) {
        double[] r = nan(c.length);
        for (int t = 1; t < c.length; t++) {
            r[t] = (c[t] / c[t - 1] - 1) * 100;
        }
        return r;
    }

    static double[] movingAverageReturn(double[] c, int w) {
        double[] r = percentReturns(c);
        double[] out = nan(c.length);
        for (int t = w; t < c.length; t++) {
            out[t] = mean(r, t - w + 1, t);
        }
        return out;
    }

    static double[] stdevReturn(double[] c, int w) {
        double[] r = percentReturns(c);
        double[] out = nan(c.length);
        for (int t = w; t < c.length; t++) {
            out[t] = sampleStdev(r, t - w + 1, t);
        }
        return out;
    }

    static double[] stdevPrice(double[] c, int w) {
        double[] out = nan(c.length);
        for (int t = w - 1; t < c.length; t++) {
            out[t] = sampleStdev(c, t - w + 1, t);
        }
        return out;
    }

    static double[] maxDrawdown(double[] c, int w) {
        double[] out = nan(c.length);
        for (int t = w - 1; t < c.length; t++) {
            double peak = c[t - w + 1];
            double worst = 0;
            for (int i = t - w + 1; i <= t; i++) {
                peak = Math.max(peak, c[i]);
                worst = Math.max(worst, (peak - c[i]) / peak * 100);
            }
            out[t] = worst;
        }
        return out;
    }

    static double[] ppo(double[] c, int s, int l) {
        double[] fast = ema(c, 0, s);
        double[] slow = ema(c, 0, l);
        double[] out = nan(c.length);
        for (int t = Math.max(s, l) - 1; t < c.length; t++) {
            out[t] = (fast[t] - slow[t]) / slow[t] * 100;
        }
        return out;
    }

    /** Mean of {@code |v[from..to]|}: the magnitude of the terms a windowed sum adds up. */
    static double meanAbs(double[] v, int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += Math.abs(v[i]);
        }
        return sum / (to - from + 1);
    }

    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += v[i];
        }
        return sum / (to - from + 1);
    }

    /** Two-pass sample standard deviation of {@code v[from..to]}. */
    private static double sampleStdev(double[] v, int from, int to) {
        double m = mean(v, from, to);
        double squares = 0;
        for (int i = from; i <= to; i++) {
            squares += (v[i] - m) * (v[i] - m);
        }
        return Math.sqrt(squares / (to - from));
    }

    private static double[] nan(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
