package io.alchemiser.dsl.eval;

import static io.alchemiser.dsl.eval.Fixtures.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the decision path says about each if: the condition, both operand values and the branch taken. */
class DecisionPathTest {
    private static final TestMarket MARKET = TestMarket.builder()
            .add("SPY", 100, 100, 100, 100, 101)
            .add("QQQ", 200, 200, 200, 200, 200)
            .add("TLT", 50, 50, 50, 50, 50)
            .build();

    @Test
    void anIfStepNamesTheConditionBothValuesAndTheBranch() {
        StrategyResult result = evaluate("(if (> (current-price \"SPY\") 100) [(asset \"QQQ\")] [(asset \"TLT\")])",
                MARKET, 4);
        assertThat(result.strategy()).isEqualTo("golden");
        assertThat(result.asOf()).isEqualTo(TestMarket.day(4));
        assertThat(result.decisionPath()).hasSize(1);
        DecisionStep step = result.decisionPath().get(0);
        assertThat(step.kind()).isEqualTo("if");
        assertThat(step.location()).isEqualTo("golden.clj:1:1");
        assertThat(step.values()).containsExactly(Map.entry("left", 101.0),
                Map.entry("right", 100.0));
        assertThat(step.summary()).isEqualTo("current-price of SPY = 101 > 100 is true: then-branch");
    }

    @Test
    void anIndicatorOnTheRightIsNamedWithItsValue() {
        String text = "(if (< (current-price \"SPY\") (moving-average-price \"QQQ\" {:window 3}))\n"
                + "  [(asset \"QQQ\")]\n  [(asset \"TLT\")])";
        DecisionStep step = evaluate(text, MARKET, 4).decisionPath().get(0);
        assertThat(step.values()).containsEntry("left", 101.0).containsEntry("right", 200.0);
        assertThat(step.summary()).isEqualTo(
                "current-price of SPY = 101 < moving-average-price(window 3) of QQQ = 200 is true: then-branch");
    }

    @Test
    void theElseBranchAndAMissingElseAreSaid() {
        DecisionStep otherwise = evaluate("(if (> (current-price \"SPY\") 101) [(asset \"QQQ\")] [(asset \"TLT\")])",
                MARKET, 4).decisionPath().get(0);
        assertThat(otherwise.summary()).endsWith("is false: else-branch");
        DecisionStep nothing = evaluate("(if (> (current-price \"SPY\") 101) [(asset \"QQQ\")])", MARKET, 4)
                .decisionPath().get(0);
        assertThat(nothing.summary()).endsWith("is false and there is no else-branch: allocates nothing");
    }

    @Test
    void nestedDecisionsAreListedOutsideIn() {
        String text = "(weight-equal [\n"
                + "  (if (> (current-price \"SPY\") 100)\n"
                + "    [(if (< (current-price \"QQQ\") 150) [(asset \"QQQ\")] [(asset \"SPY\")])]\n"
                + "    [(asset \"TLT\")])\n"
                + "  (if (> (current-price \"TLT\") 60) [(asset \"TLT\")] [(asset \"QQQ\")])])";
        StrategyResult result = evaluate(text, MARKET, 4);
        assertThat(result.decisionPath()).extracting(DecisionStep::location)
                .containsExactly("golden.clj:2:3", "golden.clj:3:6", "golden.clj:5:3");
        // SPY from the first if (QQQ 200 < 150 fails), QQQ from the second (TLT 50 > 60 fails): 1/2 each
        assertThat(result.weights().weight(Symbol.of("SPY"))).isEqualTo(0.5);
        assertThat(result.weights().weight(Symbol.of("QQQ"))).isEqualTo(0.5);
    }
}
