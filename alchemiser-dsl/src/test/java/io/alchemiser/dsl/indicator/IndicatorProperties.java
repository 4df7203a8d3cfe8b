package io.alchemiser.dsl.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of every indicator over generated price histories.
 *
 * <p>Realistic histories ({@link #prices()}): up to 260 bars of a random walk between 0.01 and
 * 1,000,000, rounded to 8 significant digits like the shared price files, with flat stretches
 * (unchanged closes) and occasional jumps of up to 2x either way.
 */
class IndicatorProperties {

    /** Relative agreement demanded between the O(n) series and the naive recomputation. */
    private static final double RELATIVE = 1e-9;

    @Property
    void rsiStaysWithinZeroAndHundred(@ForAll("prices") double[] closes, @ForAll("windows") int window) {
        for (double v : Indicators.series(IndicatorSpec.of(IndicatorKind.RSI, window), closes)) {
            if (!Double.isNaN(v)) {
                assertThat(v).isBetween(0.0, 100.0);
            }
        }
    }

    @Property
    void standardDeviationsAreNonNegative(@ForAll("prices") double[] closes, @ForAll("windows") int window) {
        int w = Math.max(window, 2);
        for (IndicatorKind kind : List.of(IndicatorKind.STDEV_PRICE, IndicatorKind.STDEV_RETURN)) {
            for (double v : Indicators.series(IndicatorSpec.of(kind, w), closes)) {
                if (!Double.isNaN(v)) {
                    assertThat(v).isGreaterThanOrEqualTo(0.0);
                }
            }
        }
    }

    @Property
    void maxDrawdownStaysWithinZeroAndHundred(@ForAll("prices") double[] closes, @ForAll("windows") int window) {
        for (double v : Indicators.series(IndicatorSpec.of(IndicatorKind.MAX_DRAWDOWN, window), closes)) {
            if (!Double.isNaN(v)) {
                assertThat(v).isBetween(0.0, 100.0);
            }
        }
    }

    @Property
    void nanExactlyForTheWarmupBars(@ForAll("prices") double[] closes, @ForAll("specs") IndicatorSpec spec) {
        double[] series = Indicators.series(spec, closes);
        assertThat(series).hasSameSizeAs(closes);
        for (int i = 0; i < series.length; i++) {
            if (i < spec.warmup()) {
                assertThat(series[i]).as("%s at %d", spec.describe(), i).isNaN();
            } else {
                assertThat(series[i]).as("%s at %d", spec.describe(), i).isFinite();
            }
        }
    }

    @Property
    void neverThrowsOnAnyFinitePositiveInput(@ForAll("anyPositive") double[] closes, @ForAll("specs") IndicatorSpec spec) {
        assertThat(Indicators.series(spec, closes)).hasSameSizeAs(closes);
    }

    @Property(tries = 500)
    void agreesWithNaiveRecomputation(@ForAll("prices") double[] closes, @ForAll("specs") IndicatorSpec spec) {
        double[] fast = Indicators.series(spec, closes);
        double[] naive = Reference.series(spec, closes);
        for (int t = 0; t < closes.length; t++) {
            if (Double.isNaN(naive[t])) {
                assertThat(fast[t]).as("%s at %d", spec.describe(), t).isNaN();
                continue;
            }
            double allowed = RELATIVE * Math.max(Math.abs(naive[t]), scale(spec, closes, t));
            assertThat(Math.abs(fast[t] - naive[t]))
                    .as("%s at %d: fast %s naive %s", spec.describe(), t, fast[t], naive[t])
                    .isLessThanOrEqualTo(allowed);
        }
    }

    /**
     * The size below which a value counts as "near zero" for the relative comparison: relative
     * error is meaningless for an RSI of 1e-7 or a return of 1e-14 percent, whose digits are
     * rounding noise in either implementation. RSI: 1 point. Prices: 1e-6 of the price.
     * Percentages: 1e-3 percent point, or the mean size of the summed returns when larger.
     */
    private static double scale(IndicatorSpec spec, double[] closes, int t) {
        return switch (spec.kind()) {
            case RSI -> 1.0;
            case MOVING_AVERAGE_PRICE, EXPONENTIAL_MOVING_AVERAGE_PRICE, CURRENT_PRICE, STDEV_PRICE -> 1e-6 * closes[t];
            case MOVING_AVERAGE_RETURN, STDEV_RETURN ->
                    Math.max(1e-3, Reference.meanAbs(Reference.percentReturns(closes), t - spec.window() + 1, t));
            case CUMULATIVE_RETURN, MAX_DRAWDOWN, PERCENTAGE_PRICE_OSCILLATOR, PERCENTAGE_PRICE_OSCILLATOR_SIGNAL -> 1e-3;
        };
    }

    @Provide
    Arbitrary<double[]> prices() {
        Arbitrary<Double> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.doubles().between(-0.05, 0.05)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0.0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(-0.7, 0.7)));
        Arbitrary<Double> start = Arbitraries.doubles().between(0.5, 2000.0);
        Arbitrary<List<Double>> steps = step.list().ofMaxSize(259);
        return Combinators.combine(start, steps).as((first, moves) -> {
            double[] closes = new double[moves.size() + 1];
            double logPrice = Math.log(first);
            closes[0] = eightSignificantDigits(first);
            for (int i = 0; i < moves.size(); i++) {
                logPrice = Math.max(Math.log(0.01), Math.min(Math.log(1e6), logPrice + moves.get(i)));
                closes[i + 1] = eightSignificantDigits(Math.exp(logPrice));
            }
            return closes;
        });
    }

    @Provide
    Arbitrary<double[]> anyPositive() {
        // every bit pattern from the smallest subnormal to the largest finite double
        Arbitrary<Double> positive = Arbitraries.longs().between(1L, Double.doubleToLongBits(Double.MAX_VALUE))
                .map(Double::longBitsToDouble);
        return positive.list().ofMaxSize(80)
                .map(list -> list.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Provide
    Arbitrary<Integer> windows() {
        return Arbitraries.integers().between(1, 40);
    }

    @Provide
    Arbitrary<IndicatorSpec> specs() {
        Arbitrary<IndicatorKind> kinds = Arbitraries.of(IndicatorKind.class);
        Arbitrary<Integer> window = Arbitraries.integers().between(1, 40);
        Arbitrary<Integer> shortWindow = Arbitraries.integers().between(1, 30);
        Arbitrary<Integer> longWindow = Arbitraries.integers().between(1, 40);
        Arbitrary<Integer> smooth = Arbitraries.integers().between(1, 15);
        return Combinators.combine(kinds, window, shortWindow, longWindow, smooth).as((kind, w, s, l, m) -> switch (kind) {
            case PERCENTAGE_PRICE_OSCILLATOR, PERCENTAGE_PRICE_OSCILLATOR_SIGNAL -> IndicatorSpec.ppo(kind, s, l, m);
            case STDEV_PRICE, STDEV_RETURN -> IndicatorSpec.of(kind, Math.max(2, w));
            default -> IndicatorSpec.of(kind, w);
        });
    }

    private static double eightSignificantDigits(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(8)).doubleValue();
    }
}
