package io.alchemiser.core.domain.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A daily run began for a trading date. */
public record RunStarted(String eventId, String correlationId, String causationId, Instant at,
        LocalDate tradingDate, boolean dryRun, List<String> strategies) implements DomainEvent {
    public RunStarted {
        EventMeta.check(eventId, correlationId, causationId, at);
        strategies = List.copyOf(strategies);
    }
}
