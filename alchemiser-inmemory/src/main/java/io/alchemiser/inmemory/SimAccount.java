package io.alchemiser.inmemory;

import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The money and holdings of a {@link SimulatedBroker}: cash (settled and not yet settled) and share quantities.
 * Not thread-safe; the broker guards it with its lock.
 */
final class SimAccount {
    private record Pending(BigDecimal amount, Instant settlesAt) {
    }

    private BigDecimal cash;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<Symbol, BigDecimal> positions = new TreeMap<>();

    SimAccount(BigDecimal cash, Map<Symbol, BigDecimal> positions) {
        this.cash = Money.cash(cash);
        positions.forEach((s, q) -> {
            if (q.signum() < 0) {
                throw new IllegalArgumentException(s + ": a simulated position cannot be short, got " + q);
            }
            if (q.signum() > 0) {
                this.positions.put(s, q);
            }
        });
    }

    /** All cash, including sale proceeds that have not settled yet. */
    BigDecimal cash() {
        return cash;
    }

    /** Cash that may be spent at {@code now}: all cash minus the proceeds still settling. */
    BigDecimal settledCash(Instant now) {
        BigDecimal unsettled = BigDecimal.ZERO;
        for (Pending p : pending) {
            if (p.settlesAt().isAfter(now)) {
                unsettled = unsettled.add(p.amount());
            }
        }
        return cash.subtract(unsettled);
    }

    BigDecimal held(Symbol symbol) {
        return positions.getOrDefault(symbol, BigDecimal.ZERO);
    }

    Map<Symbol, BigDecimal> positions() {
        return Collections.unmodifiableMap(positions);
    }

    /** Pays for {@code quantity} shares at {@code price}; returns the cost, to the cent. */
    BigDecimal buy(Symbol symbol, BigDecimal quantity, BigDecimal price) {
        BigDecimal cost = Money.cash(quantity.multiply(price));
        cash = cash.subtract(cost);
        positions.merge(symbol, quantity, BigDecimal::add);
        return cost;
    }

    /** Delivers {@code quantity} shares at {@code price}; the proceeds settle at {@code settlesAt}. */
    BigDecimal sell(Symbol symbol, BigDecimal quantity, BigDecimal price, Instant settlesAt) {
        BigDecimal left = held(symbol).subtract(quantity);
        if (left.signum() < 0) {
            throw new IllegalStateException(symbol + ": sold " + quantity + " of " + held(symbol) + " held");
        }
        if (left.signum() == 0) {
            positions.remove(symbol);
        } else {
            positions.put(symbol, left);
        }
        BigDecimal proceeds = Money.cash(quantity.multiply(price));
        cash = cash.add(proceeds);
        pending.add(new Pending(proceeds, settlesAt));
        return proceeds;
    }
}
