package io.alchemiser.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    @Test
    void ticksStepByRoundNumbers() {
        assertThat(SvgChart.niceStep(0.0668)).isCloseTo(0.1, within(1e-12));
        assertThat(SvgChart.niceStep(0.02)).isCloseTo(0.02, within(1e-12));
        assertThat(SvgChart.niceStep(3)).isCloseTo(5, within(1e-12));
        assertThat(SvgChart.niceStep(230)).isCloseTo(250, within(1e-12));
        assertThat(SvgChart.niceStep(1000)).isCloseTo(1000, within(1e-9));
    }

    @Test
    void thinningALongSeriesKeepsItsExtremes() {
        int n = 20_000;
        double[] values = new double[n];
        Arrays.fill(values, 50);
        values[12_345] = 100; // one spike to the top of the axis
        values[777] = 0; // one dip to the bottom
        String svg = SvgChart.render("t", weekdays(n), List.of(new SvgChart.Series("s", values, "#000", false, false)),
                SvgChart.Scale.LINEAR, "y", v -> String.valueOf(v));

        List<double[]> points = points(svg);
        assertThat(points.size()).as("at most four points per pixel column").isLessThan(4 * SvgChart.WIDTH);
        // Axis 0..100 (step 20): 100 is drawn at the plot's top (y 30), 0 at its bottom (y 272).
        assertThat(points).anySatisfy(p -> assertThat(p[1]).isEqualTo(30.0));
        assertThat(points).anySatisfy(p -> assertThat(p[1]).isEqualTo(272.0));
        assertThat(points.get(0)[0]).isLessThan(points.get(points.size() - 1)[0]);
    }

    @Test
    void aLogAxisTicksPowersOfTen() {
        double[] equity = new double[600];
        for (int i = 0; i < equity.length; i++) {
            equity[i] = 10_000 * Math.pow(100, i / 599.0);
        }
        String svg = SvgChart.render("t", weekdays(equity.length),
                List.of(new SvgChart.Series("s", equity, "#000", false, false)), SvgChart.Scale.LOG, "equity",
                BacktestReport::compactDollars);
        assertThat(svg).contains(">$10k<", ">$100k<", ">$1M<").doesNotContain(">$20k<");
        assertThat(svg).as("over two years the x ticks are months").contains(">2020-04<", ">2021-01<").doesNotContain(">2020-03<");
    }

    @Test
    void tickLabelsAreShort() {
        assertThat(BacktestReport.compactDollars(12_500)).isEqualTo("$12.5k");
        assertThat(BacktestReport.compactDollars(2_000_000)).isEqualTo("$2M");
        assertThat(BacktestReport.compactDollars(950)).isEqualTo("$950");
        assertThat(BacktestReport.tickPercent(-0.30000000000000004)).isEqualTo("-30%");
        assertThat(BacktestReport.tickPercent(-0.025)).isEqualTo("-2.5%");
        assertThat(BacktestReport.tickPercent(0)).isEqualTo("0%");
    }

    private static List<LocalDate> weekdays(int n) {
        return new TestPrices(LocalDate.of(2020, 1, 1), n).dates();
    }

    private static List<double[]> points(String svg) {
        Matcher path = Pattern.compile("<path d=\"([^\"]+)\"").matcher(svg);
        assertThat(path.find()).isTrue();
        List<double[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("[ML]([0-9.]+) ([0-9.]+)").matcher(path.group(1));
        while (m.find()) {
            out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return out;
    }
}
