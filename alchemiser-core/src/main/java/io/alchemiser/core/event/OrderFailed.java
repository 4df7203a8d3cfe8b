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

/** An order was rejected or could not be placed; the run goes on with the others. */
public record OrderFailed(String eventId, String correlationId, String causationId, Instant at, ClientOrderId clientOrderId, Symbol symbol, Side side, String reason) implements DomainEvent {
    public OrderFailed {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
