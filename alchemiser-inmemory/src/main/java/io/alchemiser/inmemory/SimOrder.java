package io.alchemiser.inmemory;

import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order inside a {@link SimulatedBroker}: the request, the book it met, and its fate, decided when it was
 * submitted (arrival, at most one fill, expiry). Not thread-safe; the broker guards it with its lock.
 */
final class SimOrder {
    final OrderRequest request;
    final Instant arrivesAt;
    /** Price a buy reserves buying power at (its limit, or the ask for a market order); zero for a sell. */
    final BigDecimal reservePrice;
    /** When the fill happens, or {@code null} for never. */
    final Instant fillAt;
    final BigDecimal fillQuantity;
    final BigDecimal fillPrice;
    /** When a day order expires, or {@code null} for never. */
    final Instant expiresAt;

    private Order state;
    private boolean arrived;
    private boolean fillDone;

    SimOrder(String id, OrderRequest request, Instant submittedAt, Instant arrivesAt,
            BigDecimal reservePrice, Instant fillAt, BigDecimal fillQuantity, BigDecimal fillPrice, Instant expiresAt) {
        this.request = request;
        this.arrivesAt = arrivesAt;
        this.reservePrice = reservePrice;
        boolean fillsBeforeExpiry = fillAt != null && (expiresAt == null || fillAt.isBefore(expiresAt));
        this.fillAt = fillsBeforeExpiry ? fillAt : null;
        this.fillQuantity = fillQuantity;
        this.fillPrice = fillPrice;
        this.expiresAt = expiresAt;
        this.state = new Order(id, request.clientOrderId(), request.symbol(), request.side(), request.type(),
                request.quantity(), request.limitPrice(), OrderStatus.NEW, BigDecimal.ZERO, null, submittedAt,
                submittedAt, null);
    }

    Order state() {
        return state;
    }

    String id() {
        return state.id();
    }

    boolean isTerminal() {
        return state.isTerminal();
    }

    /** The quantity still working (not filled, not terminal). */
    BigDecimal openQuantity() {
        return isTerminal() ? BigDecimal.ZERO : state.remainingQuantity();
    }

    /** The next thing that will happen to this order, or {@code null} if nothing will. */
    Instant nextEventTime() {
        if (isTerminal()) {
            return null;
        }
        if (!arrived) {
            return arrivesAt;
        }
        if (fillAt != null && !fillDone) {
            return fillAt;
        }
        return expiresAt;
    }

    /** What happens at {@link #nextEventTime()}. */
    enum Event { ARRIVE, FILL, EXPIRE }

    Event nextEvent() {
        if (!arrived) {
            return Event.ARRIVE;
        }
        return fillAt != null && !fillDone ? Event.FILL : Event.EXPIRE;
    }

    void arrive() {
        arrived = true;
        state = state.with(OrderStatus.ACCEPTED, state.filledQuantity(), state.averageFillPrice(), arrivesAt, null);
    }

    void fill() {
        fillDone = true;
        boolean complete = fillQuantity.compareTo(request.quantity()) >= 0;
        state = state.with(complete ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, fillQuantity, fillPrice, fillAt,
                null);
    }

    void expire() {
        state = state.with(OrderStatus.EXPIRED, state.filledQuantity(), state.averageFillPrice(), expiresAt,
                "day order expired at the close");
    }

    void cancel(Instant at) {
        state = state.with(OrderStatus.CANCELED, state.filledQuantity(), state.averageFillPrice(), at,
                "canceled on request");
    }
}
