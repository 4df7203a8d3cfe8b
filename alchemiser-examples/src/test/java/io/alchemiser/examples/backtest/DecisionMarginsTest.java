package io.alchemiser.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.strategy.DecisionStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionMarginsTest {
    static DecisionStep step(String kind, Map<String, Double> values) {
        return new DecisionStep(kind, "s.clj:1:1", "test", values);
    }

    static Map<String, Double> values(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void anIfIsAsCloseAsItsTwoSides() {
        // rsi 79.6 against 80: 0.4 / 80 = 0.5%
        assertThat(DecisionMargins.margin(step("if", values("left", 79.6, "right", 80))).getAsDouble())
                .isCloseTo(0.005, within(1e-12));
        assertThat(DecisionMargins.margin(step("if", values("left", 0, "right", 0))).getAsDouble()).isZero();
    }

    @Test
    void aFilterIsAsCloseAsItsCutOff() {
        // select-top 2 of a=3, b=1, c=2: kept a and c, the cut between c (2) and b (1): 1 / 2
        Map<String, Double> top = values("a", 3, "b", 1, "c", 2, "kept a", 1, "kept c", 2);
        assertThat(DecisionMargins.margin(step("filter", top)).getAsDouble()).isCloseTo(0.5, within(1e-12));
        // select-bottom 1 of the same: kept b (1), the cut between b and c (2)
        Map<String, Double> bottom = values("a", 3, "b", 1, "c", 2, "kept b", 1);
        assertThat(DecisionMargins.margin(step("filter", bottom)).getAsDouble()).isCloseTo(0.5, within(1e-12));
        // a tie at the cut-off
        Map<String, Double> tie = values("a", 2, "b", 2, "kept a", 1);
        assertThat(DecisionMargins.margin(step("filter", tie)).getAsDouble()).isZero();
        // keeping everything decides nothing
        assertThat(DecisionMargins.margin(step("filter", values("a", 2, "kept a", 1)))).isEmpty();
    }

    @Test
    void aWeightingStepHasNoMarginAndTheClosestStepDecides() {
        DecisionStep weighting = step("weight-inverse-volatility", values("volatility SPY", 1.2, "weight SPY", 1));
        DecisionStep far = step("if", values("left", 50, "right", 100));
        DecisionStep near = step("if", values("left", 99, "right", 100));
        List<DecisionMargins.MarginStep> path = DecisionMargins.of(List.of(weighting, far, near));

        assertThat(path.get(0).margin()).isEmpty();
        assertThat(DecisionMargins.decisive(path).get().step()).isSameAs(near);
        assertThat(DecisionMargins.decisive(DecisionMargins.of(List.of(weighting)))).isEmpty();
    }
}
