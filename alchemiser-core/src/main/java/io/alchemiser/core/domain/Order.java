package io.alchemiser.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The broker's view of an order. {@code averageFillPrice} is {@code null} until something fills;
 * {@code reason} carries the broker's message for a rejection, else {@code null}.
 */
public record Order(String id, ClientOrderId clientOrderId, Symbol symbol, Side side, OrderType type,
        BigDecimal quantity, BigDecimal limitPrice, OrderStatus status, BigDecimal filledQuantity,
        BigDecimal averageFillPrice, Instant submittedAt, Instant updatedAt, String reason) {
    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (filledQuantity.signum() > 0 && averageFillPrice == null) {
            throw new IllegalArgumentException(clientOrderId + ": filled quantity without a fill price");
        }
    }

    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** Quantity not (yet) filled. */
    public BigDecimal remainingQuantity() {
        return quantity.subtract(filledQuantity).max(BigDecimal.ZERO);
    }

    /** The same order with a new status, fill state and time. */
    public Order with(OrderStatus newStatus, BigDecimal filled, BigDecimal avgPrice, Instant at, String why) {
        return new Order(id, clientOrderId, symbol, side, type, quantity, limitPrice, newStatus, filled, avgPrice,
                submittedAt, at, why);
    }
}
