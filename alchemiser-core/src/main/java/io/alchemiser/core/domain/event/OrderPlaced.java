package io.alchemiser.core.domain.event;

import io.alchemiser.core.domain.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;

/** An order was sent; {@code step} is the walk-the-book step (0..2 limit, 3 market); bid/ask may be null. */
public record OrderPlaced(String eventId, String correlationId, String causationId, Instant at,
        OrderRequest request, BigDecimal bid, BigDecimal ask, int step) implements DomainEvent {
    public OrderPlaced {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
