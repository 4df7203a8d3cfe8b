package io.alchemiser.core.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A holding: quantity (long only; shares, possibly fractional) and its current market value. */
public record Position(Symbol symbol, BigDecimal quantity, BigDecimal marketValue, BigDecimal currentPrice) {
    public Position {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(marketValue, "marketValue");
        Objects.requireNonNull(currentPrice, "currentPrice");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException(symbol + ": short positions are not supported (quantity " + quantity + ")");
        }
    }
}
