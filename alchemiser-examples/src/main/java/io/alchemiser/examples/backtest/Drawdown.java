package io.alchemiser.examples.backtest;

/** The drawdown series of an equity curve: {@code equity / running peak − 1} each day, zero or negative. */
final class Drawdown {
    private Drawdown() {
    }

    static double[] series(double[] equity) {
        double[] out = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            out[i] = peak > 0 ? equity[i] / peak - 1 : 0;
        }
        return out;
    }
}
