package io.alchemiser.core.domain.event;

import io.alchemiser.core.domain.portfolio.RebalancePlan;
import java.time.Instant;

/** The rebalance was planned against the account. */
public record RebalancePlanned(String eventId, String correlationId, String causationId, Instant at,
        RebalancePlan plan) implements DomainEvent {
    public RebalancePlanned {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
