package io.alchemiser.inmemory.testkit;

import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import java.time.LocalDate;
import java.util.Objects;

/** A symphony and the prices it is tested on; {@link #at} evaluates it as of a close. */
public final class PricedSymphony {
    private final Symphony symphony;
    private final PriceHistory prices;

    PricedSymphony(Symphony symphony, PriceHistory prices) {
        this.symphony = symphony;
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    /**
     * Evaluates the symphony as of the close of {@code date} (bars up to and including it), in a session of its own.
     * A symphony that cannot be evaluated there (too little history, a missing bar) fails with its positioned error.
     */
    public AllocationAssert at(LocalDate date) {
        StrategyResult result = new SymphonyStrategy(symphony).evaluate(EvaluationSession.open(prices, date), date);
        return new AllocationAssert(result);
    }

    Symphony symphony() {
        return symphony;
    }

    PriceHistory prices() {
        return prices;
    }
}
