package io.alchemiser.core.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A brokerage account's money: total equity, settled cash, and what may be spent now. */
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
