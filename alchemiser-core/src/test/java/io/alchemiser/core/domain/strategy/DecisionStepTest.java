package io.alchemiser.core.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionStepTest {

    @Test
    void aStepBuiltWithoutFragilityIsNotFragileAndReadsAsBefore() {
        DecisionStep step = new DecisionStep("if", "a.clj:3:5", "SPY rsi(10) 72.1 > 70", Map.of("left", 72.1));
        assertThat(step.isFragile()).isFalse();
        assertThat(step.fragility()).isEmpty();
        assertThat(step).hasToString("a.clj:3:5 if: SPY rsi(10) 72.1 > 70");
    }

    @Test
    void aFragileStepSaysHowCloseItWasAndUnderWhichMargin() {
        DecisionStep step = new DecisionStep("if", "a.clj:3:5", "SPY rsi(10) 70.2 > 70", Map.of(),
                Optional.of(new DecisionStep.Fragility(0.2 / 70.2, 0.005)));
        assertThat(step.isFragile()).isTrue();
        assertThat(step).hasToString("a.clj:3:5 if: SPY rsi(10) 70.2 > 70 [FRAGILE: 0.2849% apart, margin 0.5%]");
        assertThat(new DecisionStep.Fragility(0, 0.01)).hasToString("FRAGILE: 0% apart, margin 1%");
    }

    @Test
    void aFragilityIsAGapBelowAPositiveMargin() {
        assertThatThrownBy(() -> new DecisionStep.Fragility(0.01, 0.005)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionStep.Fragility(-0.001, 0.005)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionStep.Fragility(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionStep.Fragility(Double.NaN, 0.005))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesKeepTheirOrderAndCannotBeChanged() {
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        values.put("left", 1.0);
        values.put("right", 2.0);
        DecisionStep step = new DecisionStep("if", "a.clj:1:1", "s", values);
        values.put("later", 3.0);
        assertThat(step.values()).containsExactly(Map.entry("left", 1.0), Map.entry("right", 2.0));
        assertThatThrownBy(() -> step.values().put("x", 0.0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
