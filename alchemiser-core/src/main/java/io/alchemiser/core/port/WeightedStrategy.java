package io.alchemiser.core.port;

import java.util.Objects;

/** A strategy and the fraction of the portfolio allocated to it. */
public record WeightedStrategy(Strategy strategy, double allocation) {
    public WeightedStrategy {
        Objects.requireNonNull(strategy, "strategy");
    }
}
