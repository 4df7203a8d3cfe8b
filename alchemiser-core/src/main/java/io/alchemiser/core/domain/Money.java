package io.alchemiser.core.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one place where money, prices and quantities are rounded. Every scale and rounding mode the
 * product uses is named here, so a reader can see at a glance how a dollar becomes a number.
 */
public final class Money {
    /** Dollar amounts: cents, half-even. */
    public static final int CASH_SCALE = 2;
    /** Limit prices at or above $1: cents. */
    public static final int PRICE_SCALE = 2;
    /** Limit prices below $1: hundredths of a cent (sub-penny tick allowed by Reg NMS under $1). */
    public static final int SUB_DOLLAR_PRICE_SCALE = 4;
    /** Fractional share quantities: Alpaca accepts up to nine decimals. */
    public static final int FRACTIONAL_QTY_SCALE = 9;
    /** Intermediate arithmetic. */
    public static final MathContext MATH = MathContext.DECIMAL64;

    private Money() {
    }

    /** Rounds a dollar amount to cents, half-even. */
    public static BigDecimal cash(BigDecimal amount) {
        return amount.setScale(CASH_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Converts a weight or indicator value to a decimal exactly as printed ({@link BigDecimal#valueOf(double)}). */
    public static BigDecimal decimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return BigDecimal.valueOf(value);
    }

    /** The valid tick for a price: $0.01 at or above $1, $0.0001 below. */
    public static int tickScale(BigDecimal price) {
        return price.compareTo(BigDecimal.ONE) >= 0 ? PRICE_SCALE : SUB_DOLLAR_PRICE_SCALE;
    }

    /** Rounds a price to its valid tick with the given mode. */
    public static BigDecimal toTick(BigDecimal price, RoundingMode mode) {
        BigDecimal rounded = price.setScale(tickScale(price), mode);
        // Rounding can cross $1 (0.99995 -> 1.0000); re-round at the new tick.
        return rounded.setScale(tickScale(rounded), mode);
    }

    /** Quantity for an order: whole shares or nine decimals, always rounded toward zero. */
    public static BigDecimal quantity(BigDecimal shares, boolean fractional) {
        return shares.setScale(fractional ? FRACTIONAL_QTY_SCALE : 0, RoundingMode.DOWN).stripTrailingZeros()
                .max(BigDecimal.ZERO);
    }
}
