package io.alchemiser.dsl.indicator;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Rough cost of each whole-series indicator over a 6,600-bar history (SPY's 26 years), printed as
 * nanoseconds per bar. Not a test and not JMH: a warm-up pass, then the best of several timed
 * rounds, enough to see that every indicator is O(n) and cheap next to loading the data.
 *
 * <pre>
 * cd /work/main &amp;&amp; mvn -q -o -pl alchemiser-dsl test-compile \
 *   &amp;&amp; java -cp alchemiser-dsl/target/classes:alchemiser-dsl/target/test-classes \
 *        io.alchemiser.dsl.indicator.IndicatorBenchmark
 * </pre>
 */
public final class IndicatorBenchmark {

    private static final int BARS = 6_600;
    private static final int ROUNDS = 7;
    private static final int CALLS_PER_ROUND = 400;

    private IndicatorBenchmark() {
    }

    public static void main(String[] args) {
        double[] closes = randomWalk(BARS, 20_260_731L);
        List<IndicatorSpec> specs = List.of(
                IndicatorSpec.of(IndicatorKind.RSI, 10),
                IndicatorSpec.of(IndicatorKind.MOVING_AVERAGE_PRICE, 200),
                IndicatorSpec.of(IndicatorKind.EXPONENTIAL_MOVING_AVERAGE_PRICE, 50),
                IndicatorSpec.of(IndicatorKind.CUMULATIVE_RETURN, 60),
                IndicatorSpec.of(IndicatorKind.MOVING_AVERAGE_RETURN, 90),
                IndicatorSpec.of(IndicatorKind.STDEV_RETURN, 21),
                IndicatorSpec.of(IndicatorKind.STDEV_PRICE, 21),
                IndicatorSpec.of(IndicatorKind.MAX_DRAWDOWN, 252),
                IndicatorSpec.of(IndicatorKind.CURRENT_PRICE, 0),
                IndicatorSpec.ppo(IndicatorKind.PERCENTAGE_PRICE_OSCILLATOR, 12, 26, 0),
                IndicatorSpec.ppo(IndicatorKind.PERCENTAGE_PRICE_OSCILLATOR_SIGNAL, 12, 26, 9));
        double sink = 0;
        for (IndicatorSpec spec : specs) {
            sink += run(spec, closes, CALLS_PER_ROUND); // warm-up
        }
        System.out.printf(Locale.ROOT, "%d bars, best of %d rounds x %d calls (%s, %s)%n", BARS, ROUNDS,
                CALLS_PER_ROUND, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-88s %8s %10s%n", "indicator", "ns/bar", "us/series");
        for (IndicatorSpec spec : specs) {
            long best = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                sink += run(spec, closes, CALLS_PER_ROUND);
                best = Math.min(best, System.nanoTime() - start);
            }
            double perSeries = (double) best / CALLS_PER_ROUND;
            System.out.printf(Locale.ROOT, "%-88s %8.2f %10.1f%n", spec.describe(), perSeries / BARS, perSeries / 1_000);
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static double run(IndicatorSpec spec, double[] closes, int calls) {
        double sum = 0;
        for (int i = 0; i < calls; i++) {
            double[] series = Indicators.series(spec, closes);
            sum += series[series.length - 1];
        }
        return sum;
    }

    /** A seeded geometric random walk with SPY-like daily volatility (about 1.2%). */
    private static double[] randomWalk(int bars, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] closes = new double[bars];
        double price = 100;
        for (int i = 0; i < bars; i++) {
            price *= Math.exp(0.012 * (random.nextDouble() * 2 - 1) * Math.sqrt(3));
            closes[i] = price;
        }
        return closes;
    }
}
