package io.alchemiser.core.application.execution;

import java.math.BigDecimal;

/**
 * The price of one walk-the-book step: a limit price, or {@code null} for a market order. {@code basis} says in
 * words how it was derived, for the log and the ledger.
 */
public record PricedStep(int step, BigDecimal limitPrice, String basis) {
    public boolean isMarket() {
        return limitPrice == null;
    }
}
