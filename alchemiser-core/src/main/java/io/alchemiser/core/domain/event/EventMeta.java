package io.alchemiser.core.domain.event;

import java.time.Instant;
import java.util.Objects;

final class EventMeta {
    private EventMeta() {
    }

    static void check(String eventId, String correlationId, String causationId, Instant at) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(at, "at");
    }
}
