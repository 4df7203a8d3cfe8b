package io.alchemiser.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** Shares that changed hands for one order, at an average price. */
public record Fill(ClientOrderId clientOrderId, Symbol symbol, Side side, BigDecimal quantity, BigDecimal price,
        Instant at) {
    public Fill {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(at, "at");
        if (quantity.signum() <= 0 || price.signum() <= 0) {
            throw new IllegalArgumentException(clientOrderId + ": a fill needs positive quantity and price");
        }
    }

    public BigDecimal notional() {
        return Money.cash(quantity.multiply(price));
    }
}
