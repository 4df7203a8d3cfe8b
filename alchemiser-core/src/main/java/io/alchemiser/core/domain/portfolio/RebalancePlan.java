package io.alchemiser.core.domain.portfolio;

import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What to trade to move an account to its targets: sells (phase 1) and buys (phase 2), each sorted by
 * symbol. {@code buyScale} is 1 unless buys had to be scaled down to the cash available; {@code notes}
 * say why in words (scaling, skipped small trades, untradable symbols).
 */
public record RebalancePlan(BigDecimal equity, BigDecimal cashBefore, BigDecimal cashReserve, List<PlannedTrade> sells,
        List<PlannedTrade> buys, double buyScale, List<String> notes) {
    public RebalancePlan {
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(cashBefore, "cashBefore");
        Objects.requireNonNull(cashReserve, "cashReserve");
        sells = List.copyOf(sells);
        buys = List.copyOf(buys);
        notes = List.copyOf(notes);
        if (!(buyScale > 0 && buyScale <= 1) && !(buyScale == 0 && buys.isEmpty())) {
            throw new IllegalArgumentException("buy scale must be in (0, 1], got " + buyScale);
        }
    }

    public BigDecimal sellNotional() {
        return sells.stream().map(PlannedTrade::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal buyNotional() {
        return buys.stream().map(PlannedTrade::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Estimated cash after both phases: cash + sells − buys. */
    public BigDecimal estimatedCashAfter() {
        return Money.cash(cashBefore.add(sellNotional()).subtract(buyNotional()));
    }

    public boolean isEmpty() {
        return sells.isEmpty() && buys.isEmpty();
    }

    /** The planned trade for a symbol, if any. */
    public java.util.Optional<PlannedTrade> trade(Symbol symbol) {
        return java.util.stream.Stream.concat(sells.stream(), buys.stream()).filter(t -> t.symbol().equals(symbol))
                .findFirst();
    }
}
