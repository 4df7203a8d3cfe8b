package io.alchemiser.core.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order to send: a day order, market or limit, for a positive quantity. A limit order has a limit price;
 * a market order has none.
 */
public record OrderRequest(ClientOrderId clientOrderId, Symbol symbol, Side side, OrderType type,
        BigDecimal quantity, BigDecimal limitPrice) {
    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException(clientOrderId + ": quantity must be positive, got " + quantity);
        }
        if (type == OrderType.LIMIT && (limitPrice == null || limitPrice.signum() <= 0)) {
            throw new IllegalArgumentException(clientOrderId + ": a limit order needs a positive limit price");
        }
        if (type == OrderType.MARKET && limitPrice != null) {
            throw new IllegalArgumentException(clientOrderId + ": a market order has no limit price");
        }
    }

    public static OrderRequest limit(ClientOrderId id, Symbol symbol, Side side, BigDecimal qty, BigDecimal limit) {
        return new OrderRequest(id, symbol, side, OrderType.LIMIT, qty, limit);
    }

    public static OrderRequest market(ClientOrderId id, Symbol symbol, Side side, BigDecimal qty) {
        return new OrderRequest(id, symbol, side, OrderType.MARKET, qty, null);
    }
}
