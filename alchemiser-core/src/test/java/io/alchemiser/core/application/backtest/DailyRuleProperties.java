package io.alchemiser.core.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.core.testing.TestStrategy;
import io.alchemiser.core.testing.WeekdayCloses;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A strategy whose rule is {@code :daily} backtests exactly as it did before sleeves: same equity to the last bit,
 * same holdings, same trades, same turnover ({@link ReferenceBacktester} is the old simulation). Prices, targets and
 * costs are generated; the targets change every day, between two symbols and cash.
 */
class DailyRuleProperties {
    static final Symbol A = Symbol.of("AAA");
    static final Symbol B = Symbol.of("BBB");
    static final LocalDate START = LocalDate.of(2024, 1, 1);

    /** Generated days: daily price moves of A and B, and each day's target split between A, B and cash. */
    record Scenario(List<Double> movesA, List<Double> movesB, List<double[]> targets, int costBps, int slippageBps) {
        WeekdayCloses prices() {
            return new WeekdayCloses(START).with(A.value(), path(movesA)).with(B.value(), path(movesB));
        }

        private static double[] path(List<Double> moves) {
            double[] p = new double[moves.size()];
            p[0] = 100;
            for (int i = 1; i < p.length; i++) {
                p[i] = p[i - 1] * moves.get(i);
            }
            return p;
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.integers().between(2, 40).flatMap(n -> Combinators.combine(moves(n), moves(n), targets(n),
                Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 50)).as(Scenario::new));
    }

    private static Arbitrary<List<Double>> moves(int n) {
        return Arbitraries.doubles().between(0.5, 1.5).list().ofSize(n);
    }

    private static Arbitrary<List<double[]>> targets(int n) {
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(fraction, fraction).as((a, b) -> new double[] {a, b * (1 - a)}).list().ofSize(n);
    }

    /** The strategy holding the scenario's target of each weekday. */
    static TestStrategy strategy(String name, List<double[]> targets, WeekdayCloses prices) {
        return TestStrategy.of(name, (session, date) -> {
            int day = session.history().dailyBars(A, START, date).size() - 1;
            double[] t = targets.get(day);
            Map<Symbol, Double> w = new HashMap<>();
            w.put(A, t[0]);
            w.put(B, t[1]);
            return Weights.of(w);
        }, A.value(), B.value()).withRebalanceRule(RebalanceRule.daily());
    }

    @Property(tries = 200)
    void aDailyStrategyBacktestsExactlyAsBeforeSleeves(@ForAll("scenarios") Scenario s) {
        WeekdayCloses prices = s.prices();
        List<WeightedStrategy> one = List.of(new WeightedStrategy(strategy("daily", s.targets(), prices), 1.0));
        LocalDate last = prices.dailyBars(A, START, START.plusYears(1)).lastDate();
        BacktestSettings settings = new BacktestSettings(START, last, 10_000, s.costBps(), s.slippageBps(), A, 0, null);

        assertSame(one, prices, settings);
    }

    @Property(tries = 100)
    void aPortfolioTradedDailyAsOneBacktestsExactlyAsBefore(@ForAll("scenarios") Scenario s,
            @ForAll("scenarios") Scenario other) {
        WeekdayCloses prices = s.prices();
        List<double[]> second = other.targets().size() >= s.targets().size()
                ? other.targets().subList(0, s.targets().size()) : s.targets();
        List<WeightedStrategy> two = List.of(new WeightedStrategy(strategy("first", s.targets(), prices), 0.3),
                new WeightedStrategy(strategy("second", second, prices), 0.7));
        LocalDate last = prices.dailyBars(A, START, START.plusYears(1)).lastDate();
        BacktestSettings settings = new BacktestSettings(START, last, 10_000, s.costBps(), s.slippageBps(), A, 0,
                RebalanceRule.daily());

        assertSame(two, prices, settings);
    }

    private static void assertSame(List<WeightedStrategy> strategies, WeekdayCloses prices, BacktestSettings settings) {
        ReferenceBacktester.Outcome before = ReferenceBacktester.run(strategies,
                EvaluationSession.open(prices, settings.to()), settings);
        BacktestResult now = new Backtester().run(strategies, prices, settings, BacktestProgress.none());

        assertThat(now.dates()).isEqualTo(before.dates());
        assertThat(now.equity()).as("equity, bit for bit").isEqualTo(before.equity());
        assertThat(now.holdings()).isEqualTo(before.holdings());
        assertThat(now.trades()).isEqualTo(before.trades());
        assertThat(now.rebalances()).isEqualTo(before.rebalances());
        assertThat(now.stats()).isEqualTo(BacktestStats.of(before.dates(), before.equity(), 0, before.turnover()));
    }
}
