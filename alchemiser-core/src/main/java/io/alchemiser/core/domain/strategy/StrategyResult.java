package io.alchemiser.core.domain.strategy;

import io.alchemiser.core.domain.Weights;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** What a strategy decided for one date: its target weights and the decision path that led there. */
public record StrategyResult(String strategy, LocalDate asOf, Weights weights, List<DecisionStep> decisionPath) {
    public StrategyResult {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(weights, "weights");
        decisionPath = List.copyOf(decisionPath);
    }
}
