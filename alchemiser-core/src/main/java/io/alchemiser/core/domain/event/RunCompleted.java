package io.alchemiser.core.domain.event;

import java.time.Instant;

/** The run finished; the summary lists every trade. */
public record RunCompleted(String eventId, String correlationId, String causationId, Instant at,
        RunSummary summary) implements DomainEvent {
    public RunCompleted {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
