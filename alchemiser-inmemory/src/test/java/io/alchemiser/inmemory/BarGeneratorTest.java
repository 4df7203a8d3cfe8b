package io.alchemiser.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarGeneratorTest {
    private static final Symbol SPY = Symbol.of("SPY");
    private static final Symbol QQQ = Symbol.of("QQQ");
    private static final LocalDate FROM = LocalDate.of(2015, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    @Test
    void differentSeedsGiveDifferentMarkets() {
        LocalDate to = LocalDate.of(2024, 3, 31);

        assertThat(BarGenerator.demo(1).generate(FROM, to).series(SPY))
                .isNotEqualTo(BarGenerator.demo(2).generate(FROM, to).series(SPY));
    }

    @Test
    void onlyTheCalendarsTradingDaysGetBars() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);

        GeneratedBars nyse = BarGenerator.demo(3).generate(from, to);
        GeneratedBars weekdays = BarGenerator.builder(3).calendar(ManualScheduler.weekdays())
                .asset("SPY", 400, 0.09, 1.0, 0.02).build().generate(from, to);

        assertThat(nyse.days()).hasSize(252).doesNotContain(LocalDate.of(2024, 7, 4), LocalDate.of(2024, 3, 29));
        assertThat(weekdays.days()).hasSize(262).contains(LocalDate.of(2024, 7, 4));
    }

    @Test
    void theFirstDayStartsFromTheStartPrice() {
        BarSeries spy = BarGenerator.demo(4).generate(FROM, TO).series(SPY);

        assertThat(spy.bars().get(0).open().doubleValue()).isBetween(390.0, 410.0);
    }

    @Test
    void leveragedFundsMoveByTheirMultipleOfTheBaseLessTheFee() {
        GeneratedBars bars = BarGenerator.demo(5).generate(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31));
        double[] qqq = bars.series(QQQ).closes();
        double[] tqqq = bars.series(Symbol.of("TQQQ")).closes();
        double[] sqqq = bars.series(Symbol.of("SQQQ")).closes();

        int checked = 0;
        for (int t = 1; t < qqq.length; t++) {
            double base = qqq[t] / qqq[t - 1] - 1;
            // Published closes are rounded to the cent: a ratio of two of them is off by up to ~0.01 / price.
            double baseError = 3 * 0.011 / qqq[t - 1];
            if (Math.abs(tqqq[t] / tqqq[t - 1] - 1 - (3 * base - 0.0095 / 252)) > 0.011 / tqqq[t - 1] + baseError
                    || Math.abs(sqqq[t] / sqqq[t - 1] - 1 - (-3 * base - 0.0095 / 252)) > 0.011 / sqqq[t - 1] + baseError) {
                throw new AssertionError("day " + bars.days().get(t) + ": QQQ " + qqq[t - 1] + " -> " + qqq[t]
                        + ", TQQQ " + tqqq[t - 1] + " -> " + tqqq[t] + ", SQQQ " + sqqq[t - 1] + " -> " + sqqq[t]);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(bars.days().size() - 1);
    }

    @Test
    void assetsCorrelateThroughTheirBetaToTheMarket() {
        GeneratedBars bars = BarGenerator.demo(6).generate(LocalDate.of(2022, 1, 1), TO);
        double[] spy = returns(bars.series(SPY));

        assertThat(correlation(spy, returns(bars.series(QQQ)))).isGreaterThan(0.8);
        assertThat(correlation(spy, returns(bars.series(Symbol.of("TLT"))))).isBetween(-0.6, 0.0);
        assertThat(correlation(spy, returns(bars.series(Symbol.of("UVXY"))))).isLessThan(-0.5);
        assertThat(Math.abs(correlation(spy, returns(bars.series(Symbol.of("BIL")))))).isLessThan(0.1);
    }

    @Test
    void stressedRegimesAreAboutAsVolatileAsConfigured() {
        GeneratedBars bars = BarGenerator.demo(7).generate(FROM, TO);
        double[] spy = returns(bars.series(SPY));
        List<Double> calm = new ArrayList<>();
        List<Double> stressed = new ArrayList<>();
        for (int t = 1; t < bars.days().size(); t++) {
            (bars.regimes().get(t) == BarGenerator.Regime.CALM ? calm : stressed).add(spy[t - 1]);
        }

        assertThat(stressed).hasSizeGreaterThan(100);
        assertThat(annualised(calm)).isBetween(0.10, 0.145);
        assertThat(annualised(stressed)).isBetween(0.38, 0.53);
    }

    @Test
    void generatedBarsLoadIntoMarketData() {
        GeneratedBars bars = BarGenerator.demo(8).generate(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31));
        InMemoryMarketData data = bars.toMarketData();

        assertThat(data.symbols()).containsAll(bars.series().keySet());
        assertThat(data.latestQuote(SPY).last()).isEqualByComparingTo(bars.series(SPY).bars().get(20).close());
        assertThat(bars.regime(LocalDate.of(2024, 1, 2))).isNotNull();
    }

    @Test
    void aLeveragedFundNeedsItsBaseDeclaredFirstAndSymbolsAreUnique() {
        assertThatThrownBy(() -> BarGenerator.builder(1).leveraged("TQQQ", "QQQ", 3, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QQQ");
        assertThatThrownBy(() -> BarGenerator.builder(1).asset("SPY", 400, 0.1, 1, 0.02).asset("SPY", 1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> BarGenerator.builder(1).build()).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] returns(BarSeries series) {
        double[] c = series.closes();
        double[] r = new double[c.length - 1];
        for (int i = 1; i < c.length; i++) {
            r[i - 1] = Math.log(c[i] / c[i - 1]);
        }
        return r;
    }

    private static double correlation(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double annualised(List<Double> dailyReturns) {
        double[] x = dailyReturns.stream().mapToDouble(Double::doubleValue).toArray();
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1) * 252);
    }
}
