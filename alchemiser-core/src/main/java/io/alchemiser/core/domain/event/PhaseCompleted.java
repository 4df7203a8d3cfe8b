package io.alchemiser.core.domain.event;

import io.alchemiser.core.domain.Side;
import java.time.Instant;

/** Every trade of a phase (SELL or BUY) reached a terminal state. */
public record PhaseCompleted(String eventId, String correlationId, String causationId, Instant at,
        Side phase, int trades, int filled, int failed) implements DomainEvent {
    public PhaseCompleted {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
