package io.alchemiser.core.domain.event;

import java.time.Instant;

/** The run stopped; {@code reason} says why. When this happens before execution, no order was placed. */
public record RunFailed(String eventId, String correlationId, String causationId, Instant at,
        String reason) implements DomainEvent {
    public RunFailed {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
