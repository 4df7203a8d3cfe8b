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

/** Every trade of a phase (SELL or BUY) reached a terminal state. */
public record PhaseCompleted(String eventId, String correlationId, String causationId, Instant at, Side phase, int trades, int filled, int failed) implements DomainEvent {
    public PhaseCompleted {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
