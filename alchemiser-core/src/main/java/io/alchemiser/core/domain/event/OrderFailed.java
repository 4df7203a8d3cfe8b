package io.alchemiser.core.domain.event;

import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import java.time.Instant;

/** An order was rejected or could not be placed; the run goes on with the others. */
public record OrderFailed(String eventId, String correlationId, String causationId, Instant at,
        ClientOrderId clientOrderId, Symbol symbol, Side side, String reason) implements DomainEvent {
    public OrderFailed {
        EventMeta.check(eventId, correlationId, causationId, at);
    }
}
