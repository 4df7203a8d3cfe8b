package io.alchemiser.dsl.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MMAIndicator;
import org.ta4j.core.indicators.PPOIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.GainIndicator;
import org.ta4j.core.indicators.helpers.LossIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.Num;

/**
 * Every indicator against ta4j 0.17 (with 32-digit {@link DecimalNum} arithmetic) on real adjusted
 * closes. Where ta4j's definition differs from ours the difference is removed exactly, not by
 * loosening the tolerance:
 * <ul>
 *   <li>seeds: ta4j starts every EMA/MMA from the first value, we from the mean of the first
 *       window. Both then follow the same linear recursion, so ours equals ta4j's plus
 *       {@code (ourSeed - ta4jSeedBarValue) * (1 - alpha)^(bars since seed)}, with our seed taken from
 *       ta4j's own SMA. RSI applies this to ta4j's average gain and average loss (MMAIndicator over
 *       Gain/LossIndicator) and then takes {@code 100 - 100 / (1 + G/L)}; uncorrected ta4j RSI and
 *       PPO are also compared once the seed's weight has decayed below 1e-12;</li>
 *   <li>divisor: ta4j's standard deviation is the population one, so it is scaled by
 *       {@code sqrt(w / (w - 1))};</li>
 *   <li>max-drawdown has no ta4j indicator over a price window: the independent reference is the
 *       naive O(n * window) running-peak scan of {@link Reference}.</li>
 * </ul>
 * Tolerance: {@value #TOLERANCE} relative, with values below 1 (percent points, RSI points) held to
 * {@value #TOLERANCE} absolute. The largest differences seen are printed.
 */
@Tag("shared")
class Ta4jCrossCheckTest {

    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SPY", "QQQ", "TQQQ", "UVXY", "GLD", "SOXL", "TLT", "BIL"})
    void matchesTa4jOnRealCloses(String symbol) {
        double[] closes = SharedPrices.adjustedCloses(symbol);
        assertThat(closes.length).as("%s bars", symbol).isGreaterThan(2_000);
        BarSeries series = barSeries(symbol, closes);
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        Indicator<Num> dailyReturn = new ROCIndicator(close, 1);
        Report report = new Report(symbol);

        report.compare("current-price", Indicators.series(IndicatorSpec.of(IndicatorKind.CURRENT_PRICE, 0), closes),
                values(close, closes.length), 0);
        for (int w : List.of(5, 21, 200)) {
            report.compare("moving-average-price " + w, ours(IndicatorKind.MOVING_AVERAGE_PRICE, w, closes),
                    values(new SMAIndicator(close, w), closes.length), w - 1);
        }
        for (int w : List.of(10, 50, 126)) {
            report.compare("exponential-moving-average-price " + w, ours(IndicatorKind.EXPONENTIAL_MOVING_AVERAGE_PRICE, w, closes),
                    reseeded(values(new EMAIndicator(close, w), closes.length),
                            values(new SMAIndicator(close, w), closes.length)[w - 1], w - 1, 2.0 / (w + 1)), w - 1);
        }
        for (int w : List.of(2, 10, 14, 60, 200)) {
            double[] ours = ours(IndicatorKind.RSI, w, closes);
            SeedCorrectedRsi reference = seedCorrectedTa4jRsi(close, w, closes.length);
            report.compare("rsi " + w + " (seed-corrected)", ours, reference.rsi(), w);
            if (reference.seedForgottenFrom() < closes.length) {
                report.compare("rsi " + w + " (ta4j RSIIndicator once the seed is forgotten)", ours,
                        values(new RSIIndicator(close, w), closes.length), reference.seedForgottenFrom());
            }
        }
        for (int w : List.of(1, 20, 60)) {
            report.compare("cumulative-return " + w, ours(IndicatorKind.CUMULATIVE_RETURN, w, closes),
                    values(new ROCIndicator(close, w), closes.length), w);
        }
        for (int w : List.of(5, 90)) {
            report.compare("moving-average-return " + w, ours(IndicatorKind.MOVING_AVERAGE_RETURN, w, closes),
                    values(new SMAIndicator(dailyReturn, w), closes.length), w);
        }
        for (int w : List.of(5, 21, 100)) {
            report.compare("stdev-return " + w, ours(IndicatorKind.STDEV_RETURN, w, closes),
                    sampleFromPopulation(values(new StandardDeviationIndicator(dailyReturn, w), closes.length), w), w);
        }
        for (int w : List.of(14, 21)) {
            report.compare("stdev-price " + w, ours(IndicatorKind.STDEV_PRICE, w, closes),
                    sampleFromPopulation(values(new StandardDeviationIndicator(close, w), closes.length), w), w - 1);
        }
        for (int w : List.of(5, 60, 252)) {
            report.compare("max-drawdown " + w + " (naive reference)", ours(IndicatorKind.MAX_DRAWDOWN, w, closes),
                    Reference.maxDrawdown(closes, w), w - 1);
        }
        PPOIndicator ppo = new PPOIndicator(close, 12, 26);
        int ppoDecayed = 1_000; // (1 - 2/27)^975 < 1e-32: seeds forgotten
        report.compare("percentage-price-oscillator 12/26 (after bar 1000)",
                Indicators.series(IndicatorSpec.ppo(IndicatorKind.PERCENTAGE_PRICE_OSCILLATOR, 12, 26, 0), closes),
                values(ppo, closes.length), ppoDecayed);
        report.compare("percentage-price-oscillator-signal 12/26/9 (after bar 1000)",
                Indicators.series(IndicatorSpec.ppo(IndicatorKind.PERCENTAGE_PRICE_OSCILLATOR_SIGNAL, 12, 26, 9), closes),
                values(new EMAIndicator(ppo, 9), closes.length), ppoDecayed);
        report.print();
    }

    private static double[] ours(IndicatorKind kind, int window, double[] closes) {
        return Indicators.series(IndicatorSpec.of(kind, window), closes);
    }

    /** ta4j's first-value-seeded recursion moved onto our seed: add the seed gap, decayed geometrically. */
    private static double[] reseeded(double[] ta4j, double ourSeed, int seedIndex, double alpha) {
        double[] out = new double[ta4j.length];
        double gap = ourSeed - ta4j[seedIndex];
        for (int i = seedIndex; i < ta4j.length; i++) {
            out[i] = ta4j[i] + gap * Math.pow(1.0 - alpha, i - seedIndex);
        }
        return out;
    }

    /**
     * ta4j's average gain and loss moved onto Wilder's seed, the RSI from them, and the first bar from
     * which the seed gap weighs less than 1e-13 of the averages themselves (UVXY's first prices are
     * in the millions after its reverse splits, so its seed gap takes thousands of bars to fade).
     */
    private static SeedCorrectedRsi seedCorrectedTa4jRsi(ClosePriceIndicator close, int w, int n) {
        double alpha = 1.0 / w;
        GainIndicator gain = new GainIndicator(close);
        LossIndicator loss = new LossIndicator(close);
        double[] ta4jGain = values(new MMAIndicator(gain, w), n);
        double[] ta4jLoss = values(new MMAIndicator(loss, w), n);
        // ta4j's SMA at bar w averages gains 1..w: Wilder's seed
        double gainSeed = new SMAIndicator(gain, w).getValue(w).doubleValue();
        double lossSeed = new SMAIndicator(loss, w).getValue(w).doubleValue();
        double[] g = reseeded(ta4jGain, gainSeed, w, alpha);
        double[] l = reseeded(ta4jLoss, lossSeed, w, alpha);
        double[] rsi = new double[n];
        int forgotten = n;
        for (int i = w; i < n; i++) {
            rsi[i] = l[i] == 0 ? (g[i] == 0 ? 50 : 100) : 100 - 100 / (1 + g[i] / l[i]);
            double gap = Math.max(Math.abs(g[i] - ta4jGain[i]), Math.abs(l[i] - ta4jLoss[i]));
            if (forgotten == n && gap <= 1e-13 * Math.min(g[i], l[i])) {
                forgotten = i;
            }
        }
        return new SeedCorrectedRsi(rsi, forgotten);
    }

    private record SeedCorrectedRsi(double[] rsi, int seedForgottenFrom) {
    }

    private static double[] sampleFromPopulation(double[] populationStdev, int w) {
        double[] out = new double[populationStdev.length];
        double factor = Math.sqrt((double) w / (w - 1));
        for (int i = 0; i < out.length; i++) {
            out[i] = populationStdev[i] * factor;
        }
        return out;
    }

    private static double[] values(Indicator<Num> indicator, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = indicator.getValue(i).doubleValue();
        }
        return out;
    }

    private static BarSeries barSeries(String symbol, double[] closes) {
        BarSeries series = new BaseBarSeriesBuilder().withName(symbol).withNumTypeOf(DecimalNum.class).build();
        ZonedDateTime day = ZonedDateTime.of(2000, 1, 3, 16, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < closes.length; i++) {
            series.addBar(day.plusDays(i), closes[i], closes[i], closes[i], closes[i]);
        }
        return series;
    }

    /** Collects the worst difference per indicator and fails on the first one beyond tolerance. */
    private static final class Report {
        private final String symbol;
        private final StringBuilder lines = new StringBuilder();

        Report(String symbol) {
            this.symbol = symbol;
        }

        void compare(String what, double[] ours, double[] reference, int from) {
            assertThat(from).as("%s %s: nothing to compare", symbol, what).isLessThan(ours.length);
            double worstAbsolute = 0;
            double worstRelative = 0;
            for (int i = from; i < ours.length; i++) {
                assertThat(ours[i]).as("%s %s at %d", symbol, what, i).isFinite();
                double diff = Math.abs(ours[i] - reference[i]);
                double allowed = TOLERANCE * Math.max(1.0, Math.abs(reference[i]));
                assertThat(diff).as("%s %s at bar %d: ours %s, reference %s", symbol, what, i, ours[i], reference[i])
                        .isLessThanOrEqualTo(allowed);
                worstAbsolute = Math.max(worstAbsolute, diff);
                worstRelative = Math.max(worstRelative, diff / Math.max(1.0, Math.abs(reference[i])));
            }
            lines.append(String.format(Locale.ROOT, "  %-62s bars %5d  max |diff| %.2e  max scaled %.2e%n",
                    what, ours.length - from, worstAbsolute, worstRelative));
        }

        void print() {
            System.out.print("ta4j cross-check " + symbol + System.lineSeparator() + lines);
        }
    }
}
