package io.alchemiser.core.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.domain.strategy.HistoryStart;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.core.testing.TestStrategy;
import io.alchemiser.core.testing.WeekdayCloses;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BacktesterTest {
    static final Symbol A = Symbol.of("AAA");
    static final Symbol B = Symbol.of("BBB");
    static final LocalDate START = LocalDate.of(2024, 1, 1); // a Monday

    /** Bars from closes, one per weekday starting at START. */
    static final class Prices {
        final WeekdayCloses closes = new WeekdayCloses(START);

        Prices with(Symbol s, double... values) {
            closes.with(s.value(), values);
            return this;
        }
    }

    static Strategy strategy(String name, BiFunction<EvaluationSession, LocalDate, Weights> rule, Symbol... symbols) {
        return TestStrategy.of(name, rule, java.util.Arrays.stream(symbols).map(Symbol::value).toArray(String[]::new))
                .withHistoryStart(START);
    }

    static BacktestSettings settings(RebalanceRule rule, double costBps) {
        return new BacktestSettings(START, START.plusYears(1), 10_000, costBps, 0, A, 0, rule);
    }

    @Test
    void holdingOneAssetReproducesItsTotalReturnExactly() {
        Prices p = new Prices().with(A, 100, 101, 99.5, 103, 110.25, 108);
        BacktestResult r = new Backtester().run(List.of(new WeightedStrategy(strategy("hold", (d, t) -> Weights.single(A), A), 1)),
                p.closes, settings(RebalanceRule.daily(), 0), BacktestProgress.none());
        assertThat(r.stats().totalReturn()).isCloseTo(108 / 100.0 - 1, within(1e-12));
        assertThat(r.equity()[r.equity().length - 1]).isCloseTo(10_800, within(1e-9));
        assertThat(r.stats().totalReturn()).isCloseTo(r.benchmarkStats().totalReturn(), within(1e-12));
        assertThat(r.trades()).hasSize(1);
    }

    @Test
    void fiftyFiftyDailyRebalancedPairMatchesTheFormula() {
        double[] a = {100, 102, 101, 105, 104, 108};
        double[] b = {50, 49, 51, 50.5, 52, 51};
        Prices p = new Prices().with(A, a).with(B, b);
        BacktestResult r = new Backtester().run(List.of(new WeightedStrategy(
                strategy("pair", (d, t) -> Weights.of(Map.of(A, 0.5, B, 0.5)), A, B), 1)),
                p.closes, settings(RebalanceRule.daily(), 0), BacktestProgress.none());
        double expected = 10_000;
        for (int i = 1; i < a.length; i++) {
            expected *= 1 + 0.5 * (a[i] / a[i - 1] - 1) + 0.5 * (b[i] / b[i - 1] - 1);
            assertThat(r.equity()[i]).isCloseTo(expected, within(1e-8));
        }
        assertThat(r.rebalances()).isEqualTo(a.length);
    }

    @Test
    void costsAreChargedOnTradedDollars() {
        Prices p = new Prices().with(A, 100, 100, 100);
        BacktestResult r = new Backtester().run(List.of(new WeightedStrategy(strategy("hold", (d, t) -> Weights.single(A), A), 1)),
                p.closes, settings(RebalanceRule.daily(), 10), BacktestProgress.none());
        // Day 0 buys $10,000 at 10 bps = $10; afterwards nothing drifts, so nothing more is paid.
        assertThat(r.equity()[0]).isCloseTo(9_990, within(1e-9));
        assertThat(r.equity()[2]).isCloseTo(9_990, within(1e-9));
    }

    @Test
    void thresholdRebalanceTradesOnlyOnDriftDays() {
        // A doubles on day 2 (drift: 2/3 vs 1/2 = 0.167 > 0.1), everything else is flat.
        Prices p = new Prices().with(A, 100, 100, 200, 200, 200).with(B, 100, 100, 100, 100, 100);
        BacktestResult r = new Backtester().run(List.of(new WeightedStrategy(
                strategy("pair", (d, t) -> Weights.of(Map.of(A, 0.5, B, 0.5)), A, B), 1)),
                p.closes, settings(RebalanceRule.drift(0.1), 0), BacktestProgress.none());
        assertThat(r.trades()).extracting(BacktestTrade::date).containsOnly(r.dates().get(0), r.dates().get(2));
        assertThat(r.rebalances()).isEqualTo(2);
        assertThat(r.holdings().get(2).weight(A)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void monthlyRuleTradesOnTheFirstTradingDayOfEachMonth() {
        double[] flat = new double[45];
        java.util.Arrays.fill(flat, 100);
        flat[30] = 120;
        Prices p = new Prices().with(A, flat).with(B, flat);
        BacktestResult r = new Backtester().run(List.of(new WeightedStrategy(
                strategy("pair", (d, t) -> Weights.of(Map.of(A, 0.5, B, 0.5)), A, B), 1)),
                p.closes, settings(RebalanceRule.every(RebalanceRule.Frequency.MONTHLY), 0), BacktestProgress.none());
        assertThat(r.trades()).extracting(t -> t.date().getDayOfMonth()).allMatch(day -> day <= 3);
        assertThat(r.rebalances()).isEqualTo(3); // January, February, March
    }

    @Test
    void statisticsMatchHandComputedValues() {
        List<LocalDate> dates = List.of(START, START.plusDays(1), START.plusDays(2), START.plusDays(3));
        double[] equity = {100, 110, 99, 108.9};
        BacktestStats s = BacktestStats.of(dates, equity, 0, 0);
        // returns: +10%, -10%, +10%
        assertThat(s.totalReturn()).isCloseTo(0.089, within(1e-12));
        assertThat(s.maxDrawdown()).isCloseTo(0.1, within(1e-12));
        assertThat(s.drawdownPeak()).isEqualTo(dates.get(1));
        assertThat(s.drawdownTrough()).isEqualTo(dates.get(2));
        assertThat(s.winRate()).isCloseTo(2 / 3.0, within(1e-12));
        double mean = 0.1 / 3;
        double sd = Math.sqrt((2 * Math.pow(0.1 - mean, 2) + Math.pow(-0.1 - mean, 2)) / 2);
        assertThat(s.annualVolatility()).isCloseTo(sd * Math.sqrt(252), within(1e-12));
        assertThat(s.sharpe()).isCloseTo(mean / sd * Math.sqrt(252), within(1e-9));
        assertThat(s.sortino()).isCloseTo(mean / Math.sqrt(0.01 / 3) * Math.sqrt(252), within(1e-9));
    }

    @Property(tries = 100)
    void equityNeverGoesNegativeAndWeightsSumToOne(
            @ForAll @Size(min = 5, max = 40) List<@DoubleRange(min = 0.5, max = 1.5) Double> moves,
            @ForAll @IntRange(min = 0, max = 200) int costBps, @ForAll @DoubleRange(min = 0, max = 1) double split) {
        double[] a = new double[moves.size()];
        double[] b = new double[moves.size()];
        a[0] = 100;
        b[0] = 100;
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i - 1] * moves.get(i);
            b[i] = b[i - 1] / moves.get(i);
        }
        Prices p = new Prices().with(A, a).with(B, b);
        Map<Symbol, Double> w = new HashMap<>();
        w.put(A, split);
        w.put(B, 1 - split);
        BacktestResult r = new Backtester().run(List.of(new WeightedStrategy(strategy("mix", (d, t) -> Weights.of(w), A, B), 1)),
                p.closes, settings(RebalanceRule.daily(), costBps), BacktestProgress.none());
        for (int i = 0; i < r.dates().size(); i++) {
            assertThat(r.equity()[i]).isGreaterThanOrEqualTo(0);
            assertThat(r.holdings().get(i).total()).isCloseTo(1.0, within(1e-9));
        }
    }
}
