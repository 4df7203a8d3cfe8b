package io.alchemiser.core.domain.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The run stopped; {@code reason} says why in words and {@code kind} names the reason for code (e.g.
 * {@code StaleData}, {@code Interrupted}, {@code Incomplete}, or {@code InternalError} for a bug). {@code resumable}
 * says whether running again the same day can finish the job.
 */
public record RunFailed(String eventId, String correlationId, String causationId, Instant at, String reason,
        String kind, boolean resumable) implements DomainEvent {
    public RunFailed {
        EventMeta.check(eventId, correlationId, causationId, at);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(kind, "kind");
    }

    /** A failure that is not resumable, of kind {@code Failed}. */
    public RunFailed(String eventId, String correlationId, String causationId, Instant at, String reason) {
        this(eventId, correlationId, causationId, at, reason, "Failed", false);
    }
}
