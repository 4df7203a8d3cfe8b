package io.alchemiser.core.application.portfolio;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a rebalance is planned.
 *
 * @param minTradeDollars    trades smaller than this many dollars are skipped (full exits are never skipped)
 * @param minTradeFraction   trades smaller than this fraction of equity are skipped (e.g. 0.001 = 0.1%)
 * @param cashReserve        dollars never spent on buys
 * @param fractionalShares   whether fractional quantities may be used where the broker allows them
 */
public record RebalanceSettings(BigDecimal minTradeDollars, double minTradeFraction, BigDecimal cashReserve,
        boolean fractionalShares) {
    public RebalanceSettings {
        Objects.requireNonNull(minTradeDollars, "minTradeDollars");
        Objects.requireNonNull(cashReserve, "cashReserve");
        if (minTradeDollars.signum() < 0 || cashReserve.signum() < 0) {
            throw new IllegalArgumentException("minimum trade and cash reserve must not be negative");
        }
        if (!Double.isFinite(minTradeFraction) || minTradeFraction < 0 || minTradeFraction >= 1) {
            throw new IllegalArgumentException("minimum trade fraction must be in [0, 1), got " + minTradeFraction);
        }
    }

    /** $1 minimum, 0.1% of equity minimum, no reserve, fractional shares on. */
    public static RebalanceSettings defaults() {
        return new RebalanceSettings(BigDecimal.ONE, 0.001, BigDecimal.ZERO, true);
    }
}
