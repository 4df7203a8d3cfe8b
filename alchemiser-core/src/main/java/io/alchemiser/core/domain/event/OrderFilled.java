package io.alchemiser.core.domain.event;

import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;

/** Shares filled for an order (the quantity of this fill, at its average price). */
public record OrderFilled(String eventId, String correlationId, String causationId, Instant at,
        ClientOrderId clientOrderId, Symbol symbol, Side side, BigDecimal quantity, BigDecimal price) implements DomainEvent {
    public OrderFilled {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
