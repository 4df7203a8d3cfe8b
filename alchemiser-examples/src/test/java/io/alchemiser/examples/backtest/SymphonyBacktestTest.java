package io.alchemiser.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule.Frequency;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import io.alchemiser.inmemory.InMemoryMarketData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymphonyBacktestTest {
    static final Symbol AAA = Symbol.of("AAA");
    static final Symbol BBB = Symbol.of("BBB");

    @Test
    void parsesEveryRuleTheCommandAccepts() {
        assertThat(SymphonyBacktest.parseRule("daily")).isEqualTo(RebalanceRule.daily());
        assertThat(SymphonyBacktest.parseRule("Weekly")).isEqualTo(RebalanceRule.every(Frequency.WEEKLY));
        assertThat(SymphonyBacktest.parseRule("monthly")).isEqualTo(RebalanceRule.every(Frequency.MONTHLY));
        assertThat(SymphonyBacktest.parseRule("quarterly")).isEqualTo(RebalanceRule.every(Frequency.QUARTERLY));
        assertThat(SymphonyBacktest.parseRule("yearly")).isEqualTo(RebalanceRule.every(Frequency.YEARLY));
        assertThat(SymphonyBacktest.parseRule("none")).isEqualTo(RebalanceRule.every(Frequency.NONE));
        assertThat(SymphonyBacktest.parseRule("threshold:0.05")).isEqualTo(RebalanceRule.drift(0.05));
    }

    @Test
    void refusesRulesItDoesNotKnowWithWhatItAccepts() {
        assertThatThrownBy(() -> SymphonyBacktest.parseRule("fortnightly"))
                .hasMessageContaining("expected daily, weekly, monthly, quarterly, yearly, none or threshold:");
        assertThatThrownBy(() -> SymphonyBacktest.parseRule("threshold:5")).hasMessageContaining("in (0, 1)");
        assertThatThrownBy(() -> SymphonyBacktest.parseRule("threshold:x")).hasMessageContaining("threshold:0.05");
    }

    @Test
    void aSymphonyAsksForItsFrequencyOrItsThreshold() {
        Symphony monthly = Backtests.compile("m.clj",
                "(defsymphony \"m\" {:rebalance-frequency :monthly} (asset \"AAA\"))");
        Symphony drift = Backtests.compile("d.clj",
                "(defsymphony \"d\" {:rebalance-threshold 0.07} (asset \"AAA\"))");
        assertThat(SymphonyBacktest.ruleOf(monthly.options())).isEqualTo(RebalanceRule.every(Frequency.MONTHLY));
        assertThat(SymphonyBacktest.ruleOf(drift.options())).isEqualTo(RebalanceRule.drift(0.07));

        assertThat(SymphonyBacktest.defaultRule(List.of(monthly)).source()).contains(":rebalance-frequency");
        assertThat(SymphonyBacktest.defaultRule(List.of(drift)).source()).contains(":rebalance-threshold");
        // Several symphonies: no portfolio rule, each follows its own in a sleeve of its own.
        SymphonyBacktest.RuleChoice several = SymphonyBacktest.defaultRule(List.of(monthly, drift));
        assertThat(several.rule()).isNull();
        assertThat(several.source()).contains("each symphony's own", "sleeve");
        assertThat(new SymphonyStrategy(monthly).rebalanceRule()).isEqualTo(RebalanceRule.every(Frequency.MONTHLY));
        assertThat(new SymphonyStrategy(drift).rebalanceRule()).isEqualTo(RebalanceRule.corridor(0.07));
        assertThat(SymphonyBacktest.describe(null)).isEqualTo("each symphony by its own rule");
    }

    @Test
    void startsWhereTheIndicatorsHaveHistoryAndSaysWhatSetIt() {
        TestPrices prices = TestPrices.swinging(120);
        BacktestRun run = Backtests.run(Backtests.SWITCHER, prices.inMemory(), Backtests.last(prices));

        // rsi over 5 changes needs 6 bars: the sixth weekday is the first that can be evaluated.
        assertThat(run.firstDate()).isEqualTo(prices.dates().get(5));
        assertThat(run.result().historyStart()).isPresent();
        assertThat(run.historyStartNote()).startsWith(prices.dates().get(5) + ", set by switcher: ")
                .contains("rsi", "AAA", "test.clj:2:");
    }

    @Test
    void holdsWhatTheSymphonyAllocatesEachDayWhenRebalancingDailyWithoutCosts() {
        TestPrices prices = TestPrices.swinging(120);
        InMemoryMarketData data = prices.inMemory();
        BacktestRun run = Backtests.run(Backtests.SWITCHER, data, Backtests.last(prices));
        SymphonyStrategy alone = new SymphonyStrategy(Backtests.compile("test.clj", Backtests.SWITCHER));

        BacktestResult r = run.result();
        List<Integer> switches = new ArrayList<>();
        for (int i = 0; i < r.dates().size(); i++) {
            Weights expected = alone.evaluate(EvaluationSession.open(data, r.dates().get(i)), r.dates().get(i)).weights();
            Weights held = r.holdings().get(i);
            assertThat(held.bySymbol().keySet()).isEqualTo(expected.bySymbol().keySet());
            expected.bySymbol().forEach((s, w) -> assertThat(held.weight(s)).isCloseTo(w, within(1e-12)));
            if (i > 0 && !r.holdings().get(i - 1).bySymbol().keySet().equals(held.bySymbol().keySet())) {
                switches.add(i);
            }
        }
        assertThat(switches).as("the condition flips on swinging prices").hasSizeGreaterThan(3);
    }

    @Test
    void mergesSeveralSymphoniesByTheirWeights() {
        TestPrices prices = TestPrices.steady(30);
        List<Symphony> both = List.of(Backtests.compile("a.clj", "(defsymphony \"same\" {} (asset \"AAA\"))"),
                Backtests.compile("b.clj", "(defsymphony \"same\" {} (asset \"BBB\"))"));
        BacktestSettings settings = new BacktestSettings(null, Backtests.last(prices), 10_000, 0, 0, Symbol.of("SPY"), 0,
                RebalanceRule.daily());

        BacktestRun run = SymphonyBacktest.run(both, List.of(0.25, 0.75), prices.inMemory(), settings, "test",
                BacktestProgress.none());

        assertThat(run.symphonies()).extracting(BacktestRun.Entry::name).containsExactly("same", "same #2");
        assertThat(run.symphonies()).extracting(BacktestRun.Entry::file).containsExactly("a.clj", "b.clj");
        for (Weights w : run.result().holdings()) {
            assertThat(w.bySymbol()).containsOnlyKeys(AAA, BBB);
            assertThat(w.weight(AAA)).isCloseTo(0.25, within(1e-12));
            assertThat(w.weight(BBB)).isCloseTo(0.75, within(1e-12));
        }
        // Rebalanced daily to 25/75: each day grows by 0.25 × 1.001 + 0.75 × 0.999.
        double expected = 10_000 * Math.pow(0.25 * 1.001 + 0.75 * 0.999, 29);
        assertThat(run.result().equity()[29]).isCloseTo(expected, within(1e-6));
    }

    @Test
    void refusesWeightsThatDoNotMatchTheSymphonies() {
        TestPrices prices = TestPrices.steady(10);
        BacktestSettings settings = new BacktestSettings(null, Backtests.last(prices), 10_000, 0, 0, Symbol.of("SPY"), 0,
                RebalanceRule.daily());
        assertThatThrownBy(() -> SymphonyBacktest.run(List.of(Backtests.compile("a.clj", "(asset \"AAA\")")),
                List.of(0.5, 0.5), prices.inMemory(), settings, "test", BacktestProgress.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 symphonies but 2 weights");
    }

    @Test
    void theDefaultEndIsTheBenchmarksLastBarUpToToday() {
        TestPrices prices = TestPrices.steady(30);
        List<LocalDate> dates = prices.dates();
        assertThat(SymphonyBacktest.lastBenchmarkDate(prices.inMemory(), Symbol.of("SPY"), LocalDate.of(2030, 1, 1)))
                .isEqualTo(dates.get(29));
        assertThat(SymphonyBacktest.lastBenchmarkDate(prices.inMemory(), Symbol.of("SPY"), dates.get(10)))
                .isEqualTo(dates.get(10));
        assertThat(SymphonyBacktest.describe(RebalanceRule.drift(0.05)))
                .isEqualTo("threshold 0.05 (back to target when a holding's weight drifts more than that from its "
                        + "target, or when the target's symbols change)");
        assertThat(SymphonyBacktest.describe(RebalanceRule.every(Frequency.QUARTERLY))).isEqualTo("quarterly");
    }
}
