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

/** The run stopped; {@code reason} says why. When this happens before execution, no order was placed. */
public record RunFailed(String eventId, String correlationId, String causationId, Instant at, String reason) implements DomainEvent {
    public RunFailed {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
