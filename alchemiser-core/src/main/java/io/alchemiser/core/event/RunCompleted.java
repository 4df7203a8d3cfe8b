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

/** The run finished; the summary lists every trade. */
public record RunCompleted(String eventId, String correlationId, String causationId, Instant at, RunSummary summary) implements DomainEvent {
    public RunCompleted {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
