package io.alchemiser.core.domain.portfolio;

import io.alchemiser.core.domain.Weights;
import java.util.Objects;

/** One strategy's target weights and the share of the portfolio it is allocated (e.g. 0.40). */
public record StrategyAllocation(String strategy, double allocation, Weights weights) {
    public StrategyAllocation {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(weights, "weights");
    }
}
