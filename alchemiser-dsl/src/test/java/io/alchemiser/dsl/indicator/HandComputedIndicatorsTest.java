package io.alchemiser.dsl.indicator;

import static io.alchemiser.dsl.indicator.IndicatorKind.CUMULATIVE_RETURN;
import static io.alchemiser.dsl.indicator.IndicatorKind.CURRENT_PRICE;
import static io.alchemiser.dsl.indicator.IndicatorKind.EXPONENTIAL_MOVING_AVERAGE_PRICE;
import static io.alchemiser.dsl.indicator.IndicatorKind.MAX_DRAWDOWN;
import static io.alchemiser.dsl.indicator.IndicatorKind.MOVING_AVERAGE_PRICE;
import static io.alchemiser.dsl.indicator.IndicatorKind.MOVING_AVERAGE_RETURN;
import static io.alchemiser.dsl.indicator.IndicatorKind.PERCENTAGE_PRICE_OSCILLATOR;
import static io.alchemiser.dsl.indicator.IndicatorKind.PERCENTAGE_PRICE_OSCILLATOR_SIGNAL;
import static io.alchemiser.dsl.indicator.IndicatorKind.RSI;
import static io.alchemiser.dsl.indicator.IndicatorKind.STDEV_PRICE;
import static io.alchemiser.dsl.indicator.IndicatorKind.STDEV_RETURN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Every indicator on one 12-bar series, with the expected values worked out by hand in the
 * comments (exact fractions where they are short). Tolerance: 1e-9 absolute, far above double
 * rounding on numbers this size and far below any difference a formula change would make.
 */
class HandComputedIndicatorsTest {

    private static final double TOLERANCE = 1e-9;

    //                                   0     1     2     3     4     5     6     7     8     9    10    11
    private static final double[] C = {10.0, 11.0, 10.5, 11.5, 12.0, 11.0, 11.5, 12.5, 12.0, 13.0, 12.5, 13.5};
    // changes:                               +1  -0.5    +1  +0.5    -1  +0.5    +1  -0.5    +1  -0.5    +1

    private static double[] series(IndicatorSpec spec) {
        return Indicators.series(spec, C);
    }

    private static void assertNaNBefore(double[] s, int firstDefined) {
        assertThat(s).hasSize(C.length);
        for (int i = 0; i < firstDefined; i++) {
            assertThat(s[i]).as("index %d", i).isNaN();
        }
        assertThat(s[firstDefined]).as("index %d", firstDefined).isNotNaN();
    }

    @Test
    void rsiSeedsWithTheMeanOfTheFirstWindowChangesThenSmoothsByOneOverWindow() {
        double[] rsi = series(IndicatorSpec.of(RSI, 3));
        assertNaNBefore(rsi, 3);
        // index 3: gains of changes 1..3 = 1, 0, 1 -> G = 2/3; losses 0, 0.5, 0 -> L = 1/6
        //          RSI = 100 * (2/3) / (2/3 + 1/6) = 100 * (4/6) / (5/6) = 80
        assertThat(rsi[3]).isCloseTo(80.0, within(TOLERANCE));
        // index 4: change +0.5 -> G = 2/3 + (0.5 - 2/3)/3 = 11/18; L = 1/6 + (0 - 1/6)/3 = 1/9 = 2/18
        //          RSI = 100 * 11 / (11 + 2) = 1100/13 = 84.615384615
        assertThat(rsi[4]).isCloseTo(84.615384615384, within(TOLERANCE));
        // index 5: change -1 -> G = 11/18 - (11/18)/3 = 11/27; L = 1/9 + (1 - 1/9)/3 = 3/27 + 8/27 = 11/27
        //          G = L -> RSI = 50
        assertThat(rsi[5]).isCloseTo(50.0, within(TOLERANCE));
        // index 6: change +0.5 -> G = 11/27 + (1/2 - 11/27)/3 = 66/162 + 5/162 = 71/162
        //          L = 11/27 - (11/27)/3 = 22/81 = 44/162 -> RSI = 100 * 71 / 115 = 61.739130435
        assertThat(rsi[6]).isCloseTo(61.739130434783, within(TOLERANCE));
        // index 11 (same recursion carried on): G = 11909/19683, L = 3863/19683 -> 100 * 11909 / 15772
        assertThat(rsi[11]).isCloseTo(75.507227999, within(1e-8));
    }

    @Test
    void rsiIsHundredWithoutLossesAndFiftyWhenFlat() {
        double[] rising = {1.0, 2.0, 3.0, 4.0, 5.0};
        // all changes +1 -> L = 0 < G = 1 -> 100
        assertThat(Indicators.series(IndicatorSpec.of(RSI, 2), rising)).containsExactly(Double.NaN, Double.NaN, 100.0, 100.0, 100.0);
        double[] falling = {5.0, 4.0, 3.0, 2.0, 1.0};
        assertThat(Indicators.series(IndicatorSpec.of(RSI, 2), falling)).containsExactly(Double.NaN, Double.NaN, 0.0, 0.0, 0.0);
        double[] flat = {7.0, 7.0, 7.0, 7.0, 8.0};
        // G = L = 0 at indices 2 and 3 -> 50 by choice; index 4: G = 0 + (1 - 0)/2 = 0.5, L = 0 -> 100
        assertThat(Indicators.series(IndicatorSpec.of(RSI, 2), flat)).containsExactly(Double.NaN, Double.NaN, 50.0, 50.0, 100.0);
    }

    @Test
    void movingAveragePriceIsTheMeanOfTheLastWindowCloses() {
        double[] sma = series(IndicatorSpec.of(MOVING_AVERAGE_PRICE, 3));
        assertNaNBefore(sma, 2);
        assertThat(sma[2]).isCloseTo(10.5, within(TOLERANCE));             // (10 + 11 + 10.5) / 3 = 31.5 / 3
        assertThat(sma[4]).isCloseTo(11.333333333333, within(TOLERANCE));  // (10.5 + 11.5 + 12) / 3 = 34 / 3
        assertThat(sma[7]).isCloseTo(11.666666666667, within(TOLERANCE));  // (11 + 11.5 + 12.5) / 3 = 35 / 3
        assertThat(sma[11]).isCloseTo(13.0, within(TOLERANCE));            // (13 + 12.5 + 13.5) / 3 = 39 / 3
    }

    @Test
    void exponentialMovingAverageSeedsWithTheSimpleMeanThenUsesTwoOverWindowPlusOne() {
        double[] ema = series(IndicatorSpec.of(EXPONENTIAL_MOVING_AVERAGE_PRICE, 3));
        assertNaNBefore(ema, 2);
        // alpha = 2 / (3 + 1) = 0.5
        assertThat(ema[2]).isCloseTo(10.5, within(TOLERANCE));     // seed: (10 + 11 + 10.5) / 3
        assertThat(ema[3]).isCloseTo(11.0, within(TOLERANCE));     // 10.5 + 0.5 * (11.5 - 10.5)
        assertThat(ema[4]).isCloseTo(11.5, within(TOLERANCE));     // 11 + 0.5 * (12 - 11)
        assertThat(ema[5]).isCloseTo(11.25, within(TOLERANCE));    // 11.5 + 0.5 * (11 - 11.5)
        assertThat(ema[6]).isCloseTo(11.375, within(TOLERANCE));   // 11.25 + 0.5 * (11.5 - 11.25)
        assertThat(ema[11]).isCloseTo(12.99609375, within(TOLERANCE)); // ... 3327 / 256
    }

    @Test
    void emaSeedChoiceIsAGapThatShrinksByOneMinusAlphaEachBar() {
        double[] ours = series(IndicatorSpec.of(EXPONENTIAL_MOVING_AVERAGE_PRICE, 4));
        double[] firstCloseSeed = Reference.emaSeededWithFirstValue(C, 4);
        // alpha = 2/5 = 0.4. First-close seed (ta4j, pandas): 10 -> 10.4 -> 10.44 -> 10.864 at index 3
        assertThat(firstCloseSeed[3]).isCloseTo(10.864, within(TOLERANCE));
        // ours at 3: (10 + 11 + 10.5 + 11.5) / 4 = 10.75 -> gap 10.75 - 10.864 = -0.114
        assertThat(ours[3]).isCloseTo(10.75, within(TOLERANCE));
        // index 4: ours 10.75 + 0.4 * (12 - 10.75) = 11.25; theirs 10.864 + 0.4 * (12 - 10.864) = 11.3184
        //          gap -0.0684 = -0.114 * 0.6
        assertThat(ours[4]).isCloseTo(11.25, within(TOLERANCE));
        for (int k = 0; k <= 8; k++) {
            assertThat(ours[3 + k] - firstCloseSeed[3 + k]).as("gap %d bars after the seed", k)
                    .isCloseTo(-0.114 * Math.pow(0.6, k), within(TOLERANCE));
        }
    }

    @Test
    void cumulativeReturnComparesWithTheCloseWindowBarsAgo() {
        double[] cum = series(IndicatorSpec.of(CUMULATIVE_RETURN, 3));
        assertNaNBefore(cum, 3);
        assertThat(cum[3]).isCloseTo(15.0, within(TOLERANCE));            // (11.5 / 10 - 1) * 100
        assertThat(cum[4]).isCloseTo(9.090909090909, within(TOLERANCE));  // (12 / 11 - 1) * 100 = 100/11
        assertThat(cum[6]).isCloseTo(0.0, within(TOLERANCE));             // (11.5 / 11.5 - 1) * 100
        assertThat(cum[11]).isCloseTo(12.5, within(TOLERANCE));           // (13.5 / 12 - 1) * 100
    }

    @Test
    void movingAverageReturnIsTheMeanOfDailyPercentReturns() {
        double[] mar = series(IndicatorSpec.of(MOVING_AVERAGE_RETURN, 3));
        assertNaNBefore(mar, 3);
        // returns r1 = 10, r2 = -0.5/11*100 = -4.545454545, r3 = 1/10.5*100 = 9.523809524
        // index 3: (10 - 4.545454545 + 9.523809524) / 3 = 3460/693 = 4.992784993
        assertThat(mar[3]).isCloseTo(4.992784992785, within(TOLERANCE));
        // index 6: r4 = 0.5/11.5*100 = 4.347826087, r5 = -1/12*100 = -8.333333333, r6 = 0.5/11*100 = 4.545454545
        //          (4.347826087 - 8.333333333 + 4.545454545) / 3 = 425/2277 = 0.186649100
        assertThat(mar[6]).isCloseTo(0.186649099693, within(TOLERANCE));
        // index 11: r9 = 1/12*100 = 8.333333333, r10 = -0.5/13*100 = -3.846153846, r11 = 1/12.5*100 = 8
        //           (8.333333333 - 3.846153846 + 8) / 3 = 487/117 = 4.162393162
        assertThat(mar[11]).isCloseTo(4.162393162393, within(TOLERANCE));
    }

    @Test
    void stdevReturnIsTheSampleStandardDeviationOfDailyPercentReturns() {
        double[] sd = series(IndicatorSpec.of(STDEV_RETURN, 3));
        assertNaNBefore(sd, 3);
        // index 3: r = 10, -4.545454545, 9.523809524; mean 4.992784993
        //   deviations 5.007215007, -9.538239538, 4.531024531; squares 25.072202, 90.978013, 20.530183
        //   sum 136.580398 / (3 - 1) = 68.290199 -> sqrt = 8.263788445 (population would be 6.747)
        assertThat(sd[3]).isCloseTo(8.263788444717, within(TOLERANCE));
        // index 11: r = 8.333333333, -3.846153846, 8; mean 4.162393162
        //   deviations 4.170940171, -8.008547009, 3.837606838; squares 17.396742, 64.136825, 14.727226
        //   sum 96.260793 / 2 = 48.130396 -> sqrt = 6.937607417
        assertThat(sd[11]).isCloseTo(6.937607416744, within(TOLERANCE));
    }

    @Test
    void stdevPriceIsTheSampleStandardDeviationOfCloses() {
        double[] sd = series(IndicatorSpec.of(STDEV_PRICE, 3));
        assertNaNBefore(sd, 2);
        // index 2: 10, 11, 10.5; mean 10.5; squares 0.25 + 0.25 + 0 = 0.5; / 2 = 0.25 -> 0.5
        assertThat(sd[2]).isCloseTo(0.5, within(TOLERANCE));
        // index 4: 10.5, 11.5, 12; mean 34/3; deviations -5/6, 1/6, 2/3; squares 25/36 + 1/36 + 16/36 = 42/36
        //          / 2 = 7/12 -> sqrt(0.583333) = 0.763762616
        assertThat(sd[4]).isCloseTo(0.763762615826, within(TOLERANCE));
        assertThat(sd[11]).isCloseTo(0.5, within(TOLERANCE)); // 13, 12.5, 13.5: same shape as index 2
    }

    @Test
    void stdevOfEqualValuesIsExactlyZero() {
        double[] closes = {600.12, 600.12, 600.12, 600.12, 600.13};
        double[] sd = Indicators.series(IndicatorSpec.of(STDEV_PRICE, 3), closes);
        assertThat(sd[2]).isZero();
        assertThat(sd[3]).isZero();
        assertThat(sd[4]).isCloseTo(0.0057735026919, within(1e-12)); // 0.01 * sqrt(1/3): deviations -1/3, -1/3, 2/3 cent
    }

    @Test
    void maxDrawdownIsTheDeepestPeakToTroughDropAmongTheLastWindowCloses() {
        double[] mdd = series(IndicatorSpec.of(MAX_DRAWDOWN, 4));
        assertNaNBefore(mdd, 3);
        // index 3: 10, 11, 10.5, 11.5 -> peak 11, trough 10.5: (11 - 10.5) / 11 * 100 = 4.545454545
        assertThat(mdd[3]).isCloseTo(4.545454545455, within(TOLERANCE));
        // index 5: 10.5, 11.5, 12, 11 -> peak 12, trough 11: 1/12 * 100 = 8.333333333
        assertThat(mdd[5]).isCloseTo(8.333333333333, within(TOLERANCE));
        // index 8: 11, 11.5, 12.5, 12 -> peak 12.5, trough 12: 0.5/12.5 * 100 = 4
        assertThat(mdd[8]).isCloseTo(4.0, within(TOLERANCE));
        // index 11: 12, 13, 12.5, 13.5 -> peak 13, trough 12.5: 0.5/13 * 100 = 3.846153846
        assertThat(mdd[11]).isCloseTo(3.846153846154, within(TOLERANCE));
        // a trough before the peak is not a drawdown: 10, 9, 12, 13 -> only 10 -> 9 counts (10%)
        double[] rise = Indicators.series(IndicatorSpec.of(MAX_DRAWDOWN, 3), new double[] {10, 9, 12, 13});
        assertThat(rise[2]).isCloseTo(10.0, within(TOLERANCE)); // 10, 9, 12: (10 - 9) / 10
        assertThat(rise[3]).isZero();                           // 9, 12, 13: never falls
    }

    @Test
    void currentPriceIsTheCloseItself() {
        assertThat(series(IndicatorSpec.of(CURRENT_PRICE, 0))).containsExactly(C);
    }

    @Test
    void percentagePriceOscillatorAndSignalFollowTheirEmas() {
        double[] ppo = series(IndicatorSpec.ppo(PERCENTAGE_PRICE_OSCILLATOR, 2, 4, 0));
        assertNaNBefore(ppo, 3);
        // EMA(2): alpha 2/3, seed (10 + 11) / 2 = 10.5 at 1; 10.5 at 2; 10.5 + 2/3 * (11.5 - 10.5) = 67/6 at 3
        // EMA(4): alpha 2/5, seed (10 + 11 + 10.5 + 11.5) / 4 = 10.75 at 3
        // index 3: (67/6 - 43/4) / (43/4) * 100 = (5/12) / (129/12) * 100 = 500/129 = 3.875968992
        assertThat(ppo[3]).isCloseTo(3.875968992248, within(TOLERANCE));
        // index 4: EMA(2) = 67/6 + 2/3 * (12 - 67/6) = 211/18; EMA(4) = 10.75 + 0.4 * (12 - 10.75) = 11.25
        //          (211/18 - 11.25) / 11.25 * 100 = (8.5/18) / 11.25 * 100 = 4.197530864
        assertThat(ppo[4]).isCloseTo(4.197530864198, within(TOLERANCE));
        // index 5: EMA(2) = 211/18 + 2/3 * (11 - 211/18) = 607/54; EMA(4) = 11.25 + 0.4 * (11 - 11.25) = 11.15
        //          (607/54 - 11.15) / 11.15 * 100 = 0.813818303
        assertThat(ppo[5]).isCloseTo(0.813818302608, within(TOLERANCE));

        double[] signal = series(IndicatorSpec.ppo(PERCENTAGE_PRICE_OSCILLATOR_SIGNAL, 2, 4, 3));
        assertNaNBefore(signal, 5);
        // seed at 5: (3.875968992 + 4.197530864 + 0.813818303) / 3 = 2.962439386
        assertThat(signal[5]).isCloseTo(2.962439386347, within(TOLERANCE));
        // index 6: PPO 1.094599176 (EMA(2) 1849/162, EMA(4) 11.29); alpha 2/(3+1) = 0.5
        //          2.962439386 + 0.5 * (1.094599176 - 2.962439386) = 2.028519281
        assertThat(signal[6]).isCloseTo(2.028519280924, within(TOLERANCE));
    }

    @Test
    void shortHistoriesAreAllNaN() {
        double[] two = {10.0, 11.0};
        for (IndicatorSpec spec : new IndicatorSpec[] {
                IndicatorSpec.of(RSI, 2), IndicatorSpec.of(MOVING_AVERAGE_PRICE, 3),
                IndicatorSpec.of(STDEV_RETURN, 2), IndicatorSpec.of(MAX_DRAWDOWN, 3),
                IndicatorSpec.ppo(PERCENTAGE_PRICE_OSCILLATOR_SIGNAL, 1, 2, 2)}) {
            assertThat(Indicators.series(spec, two)).as(spec.describe()).containsOnly(Double.NaN);
        }
        assertThat(Indicators.series(IndicatorSpec.of(RSI, 2), new double[0])).isEmpty();
    }

    @Test
    void refusesPricesThatAreNotFinitePositive() {
        IndicatorSpec sma = IndicatorSpec.of(MOVING_AVERAGE_PRICE, 2);
        assertThatThrownBy(() -> Indicators.series(sma, new double[] {1.0, 0.0, 2.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> Indicators.series(sma, new double[] {1.0, -3.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> Indicators.series(sma, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 0");
        assertThatThrownBy(() -> Indicators.series(sma, new double[] {1.0, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
    }

    @Test
    void leavesTheInputUntouched() {
        double[] closes = C.clone();
        for (IndicatorKind kind : IndicatorKind.values()) {
            IndicatorSpec spec = kind == PERCENTAGE_PRICE_OSCILLATOR || kind == PERCENTAGE_PRICE_OSCILLATOR_SIGNAL
                    ? IndicatorSpec.ppo(kind, 2, 4, 3) : IndicatorSpec.of(kind, 3);
            double[] out = Indicators.series(spec, closes);
            assertThat(out).isNotSameAs(closes);
        }
        assertThat(closes).containsExactly(C);
    }
}
