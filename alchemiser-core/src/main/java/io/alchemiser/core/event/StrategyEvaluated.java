package io.alchemiser.core.event;

import io.alchemiser.core.domain.*;
import io.alchemiser.core.ledger.*;
import io.alchemiser.core.portfolio.*;
import io.alchemiser.core.strategy.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One strategy evaluated to target weights, with the decision path behind them. */
public record StrategyEvaluated(String eventId, String correlationId, String causationId, Instant at, String strategy, Weights weights, List<DecisionStep> decisionPath) implements DomainEvent {
    public StrategyEvaluated {
        EventMeta.check(eventId, correlationId, causationId, at);
        decisionPath = List.copyOf(decisionPath);
    }
}
