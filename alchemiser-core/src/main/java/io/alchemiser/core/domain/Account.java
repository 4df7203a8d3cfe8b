package io.alchemiser.core.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A brokerage account's money: total equity (cash plus positions at market), cash as the broker reports it
 * (brokers differ on whether unsettled sale proceeds count), and the broker's buying power (what it lets the
 * account spend now; on a margin account more than cash). The product never spends more than the smaller of cash
 * and buying power, so it never borrows.
 */
public record Account(BigDecimal equity, BigDecimal cash, BigDecimal buyingPower) {
    public Account {
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(buyingPower, "buyingPower");
        if (equity.signum() < 0) {
            throw new IllegalArgumentException("account equity is negative: " + equity);
        }
    }
}
