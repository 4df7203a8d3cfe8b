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

/** Shares filled for an order (the quantity of this fill, at its average price). */
public record OrderFilled(String eventId, String correlationId, String causationId, Instant at, ClientOrderId clientOrderId, Symbol symbol, Side side, BigDecimal quantity, BigDecimal price) implements DomainEvent {
    public OrderFilled {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
