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

/** A daily run began for a trading date. */
public record RunStarted(String eventId, String correlationId, String causationId, Instant at, LocalDate tradingDate, boolean dryRun, List<String> strategies) implements DomainEvent {
    public RunStarted {
        EventMeta.check(eventId, correlationId, causationId, at);
        strategies = List.copyOf(strategies);
    }
}
