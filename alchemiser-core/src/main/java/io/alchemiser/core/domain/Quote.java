package io.alchemiser.core.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest market for a symbol. Any of {@code bid}, {@code ask}, {@code last} may be {@code null} when the
 * source has no such price (a missing price is never zero). A present price is positive.
 */
public record Quote(Symbol symbol, BigDecimal bid, BigDecimal ask, BigDecimal last, Instant timestamp) {
    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timestamp, "timestamp");
        for (BigDecimal p : new BigDecimal[] {bid, ask, last}) {
            if (p != null && p.signum() <= 0) {
                throw new IllegalArgumentException(symbol + ": quote prices must be positive, got " + p);
            }
        }
    }

    /** Both sides present and bid not above ask. */
    public boolean isTwoSided() {
        return bid != null && ask != null && bid.compareTo(ask) <= 0;
    }

    /** Midpoint when two-sided, else {@code last}, else whichever side exists, else {@code null}. */
    public BigDecimal referencePrice() {
        if (isTwoSided()) {
            return bid.add(ask).divide(BigDecimal.valueOf(2), Money.MATH);
        }
        if (last != null) {
            return last;
        }
        return bid != null ? bid : ask;
    }
}
