package io.alchemiser.core.domain.portfolio;

import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One trade of a rebalance plan. {@code quantity} is in shares (whole unless {@code fractional}); the
 * {@code notional} is quantity × {@code price}, the reference price used to plan. A {@code fullExit} sells
 * exactly the held quantity.
 */
public record PlannedTrade(Symbol symbol, Side side, BigDecimal quantity, BigDecimal price, double targetWeight,
        BigDecimal currentValue, BigDecimal targetValue, boolean fractional, boolean fullExit) {
    public PlannedTrade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(currentValue, "currentValue");
        Objects.requireNonNull(targetValue, "targetValue");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": planned quantity must be positive, got " + quantity);
        }
        if (price.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": planning price must be positive, got " + price);
        }
        if (fullExit && side != Side.SELL) {
            throw new IllegalArgumentException(symbol + ": only a sell can be a full exit");
        }
    }

    /** Estimated dollars: quantity × price, exact (round with {@link Money#cash} to show it). */
    public BigDecimal notional() {
        return quantity.multiply(price);
    }

    /** This trade priced at another reference price (e.g. the ask when buys are re-sized to the cash at hand). */
    public PlannedTrade withPrice(BigDecimal newPrice) {
        return new PlannedTrade(symbol, side, quantity, newPrice, targetWeight, currentValue, targetValue, fractional,
                fullExit);
    }

    /** This trade with another quantity (used when buys are re-sized to the buying power actually available). */
    public PlannedTrade withQuantity(BigDecimal newQuantity) {
        return new PlannedTrade(symbol, side, newQuantity, price, targetWeight, currentValue, targetValue, fractional,
                fullExit);
    }
}
