package io.alchemiser.dsl.eval;

import static io.alchemiser.dsl.eval.Fixtures.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A decision whose two deciding quantities are within the fragile margin (default 0.5% relative) is marked in the
 * decision path with how far apart they were: a live price a little off the close could flip it.
 */
class FragileDecisionTest {
    /** Day 1: SPY 101 against thresholds; A, B, C, D gain 10%, 10.03%, 9% and 20% from day 0. */
    private static final TestMarket MARKET = TestMarket.builder()
            .add("SPY", 100, 101)
            .add("A", 100, 110)
            .add("B", 100, 110.03)
            .add("C", 100, 109)
            .add("D", 100, 120)
            .build();

    private static StrategyResult evaluateWith(String text, EvaluationOptions options) {
        LocalDate date = TestMarket.day(1);
        return new SymphonyStrategy(Fixtures.compile(text), "golden", options)
                .evaluate(EvaluationSession.open(MARKET, date), date);
    }

    @Test
    void aConditionWhoseSidesAreWithinHalfAPercentIsFragile() {
        // 101 against 100.6: |101 - 100.6| / 101 = 0.396% < 0.5%
        DecisionStep step = evaluate("(if (> (current-price \"SPY\") 100.6) [(asset \"A\")] [(asset \"B\")])", MARKET, 1)
                .decisionPath().get(0);
        assertThat(step.isFragile()).isTrue();
        assertThat(step.fragility().orElseThrow().gap()).isCloseTo(0.4 / 101, within(1e-15));
        assertThat(step.fragility().orElseThrow().margin()).isEqualTo(0.005);
        assertThat(step.toString()).isEqualTo("golden.clj:1:1 if: current-price of SPY = 101 > 100.6 is true:"
                + " then-branch [FRAGILE: 0.396% apart, margin 0.5%]");
    }

    @Test
    void aConditionDecidedByMoreThanTheMarginIsNotFragile() {
        // 101 against 100: 0.99% apart
        DecisionStep step = evaluate("(if (> (current-price \"SPY\") 100) [(asset \"A\")] [(asset \"B\")])", MARKET, 1)
                .decisionPath().get(0);
        assertThat(step.isFragile()).isFalse();
        assertThat(step.toString()).doesNotContain("FRAGILE");
    }

    @Test
    void theMarginIsAnEvaluationOptionAndNeverChangesTheWeights() {
        String text = "(if (> (current-price \"SPY\") 100) [(asset \"A\")] [(asset \"B\")])";
        StrategyResult wide = evaluateWith(text, EvaluationOptions.DEFAULTS.withFragileMargin(0.01));
        assertThat(wide.decisionPath().get(0).fragility().orElseThrow().gap()).isCloseTo(1 / 101.0, within(1e-15));
        StrategyResult off = evaluateWith(text, new EvaluationOptions(0));
        assertThat(off.decisionPath().get(0).isFragile()).isFalse();
        assertThat(wide.weights()).isEqualTo(off.weights()).isEqualTo(evaluate(text, MARKET, 1).weights());
    }

    @Test
    void equalSidesAreTheMostFragileOfAll() {
        DecisionStep step = evaluate("(if (>= (current-price \"SPY\") 101) [(asset \"A\")] [(asset \"B\")])", MARKET, 1)
                .decisionPath().get(0);
        assertThat(step.fragility().orElseThrow().gap()).isZero();
    }

    @Test
    void aFilterWhoseLastKeptAndFirstDroppedScoresAreWithinTheMarginIsFragile() {
        // cumulative-return 1: D 20, B 10.03, A 10, C 9. Top 2 keeps D and B; the cut-off is B 10.03 against A 10,
        // |10.03 - 10| / 10.03 = 0.299% apart
        DecisionStep step = evaluate("(filter (cumulative-return {:window 1}) (select-top 2)"
                + " [(asset \"A\") (asset \"B\") (asset \"C\") (asset \"D\")])", MARKET, 1).decisionPath().get(0);
        assertThat(step.values()).containsEntry("kept D", 1.0).containsEntry("kept B", 2.0);
        assertThat(step.fragility().orElseThrow().gap()).isCloseTo(0.03 / 10.03, within(1e-9));
        assertThat(step.toString()).endsWith("[FRAGILE: 0.2991% apart, margin 0.5%]");
    }

    @Test
    void aFilterIsJudgedAtItsCutOffNotBetweenTheChildrenItKeeps() {
        // top 3 keeps D, B and A (B and A are 0.3% apart, but both kept); the cut-off is A 10 against C 9: 10% apart
        DecisionStep step = evaluate("(filter (cumulative-return {:window 1}) (select-top 3)"
                + " [(asset \"A\") (asset \"B\") (asset \"C\") (asset \"D\")])", MARKET, 1).decisionPath().get(0);
        assertThat(step.isFragile()).isFalse();
    }

    @Test
    void aFilterThatKeepsEveryCandidateHasNoCutOff() {
        DecisionStep step = evaluate("(filter (cumulative-return {:window 1}) (select-bottom 5)"
                + " [(asset \"A\") (asset \"B\")])", MARKET, 1).decisionPath().get(0);
        assertThat(step.isFragile()).isFalse();
    }

    @Test
    void theMarginIsAFractionBetweenZeroAndOne() {
        assertThatThrownBy(() -> new EvaluationOptions(-0.001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fragile margin");
        assertThatThrownBy(() -> new EvaluationOptions(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EvaluationOptions(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
