package io.alchemiser.core.domain.event;

import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.strategy.DecisionStep;
import java.time.Instant;
import java.util.List;

/** One strategy evaluated to target weights, with the decision path behind them. */
public record StrategyEvaluated(String eventId, String correlationId, String causationId, Instant at,
        String strategy, Weights weights, List<DecisionStep> decisionPath) implements DomainEvent {
    public StrategyEvaluated {
        EventMeta.check(eventId, correlationId, causationId, at);
        decisionPath = List.copyOf(decisionPath);
    }
}
