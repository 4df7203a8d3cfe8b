package io.alchemiser.inmemory.testkit;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.application.backtest.Backtester;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A symphony and the prices it is tested on; {@link #at} evaluates it as of a close, {@link #backtest} replays it over
 * a few days.
 */
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

    /**
     * Replays the symphony day by day from the close of {@code from} to the close of {@code to} with $10,000, no
     * costs, rebalancing by the symphony's own rule, benchmarked against the first ticker it mentions (in
     * alphabetical order); the calendar is that ticker's days.
     */
    public BacktestAssert backtest(LocalDate from, LocalDate to) {
        if (symphony.symbols().isEmpty()) {
            throw new IllegalArgumentException(symphony.name() + " mentions no ticker: name the benchmark");
        }
        return backtest(from, to, symphony.symbols().first().value());
    }

    /** {@link #backtest(LocalDate, LocalDate)} benchmarked against {@code benchmark}, whose days are the calendar. */
    public BacktestAssert backtest(LocalDate from, LocalDate to, String benchmark) {
        Objects.requireNonNull(from, "from");
        BacktestSettings settings = new BacktestSettings(from, to, 10_000, 0, 0, Symbol.of(benchmark), 0, null);
        BacktestResult result = new Backtester().run(
                List.of(new WeightedStrategy(new SymphonyStrategy(symphony), 1.0)), prices, settings,
                BacktestProgress.none());
        return new BacktestAssert(symphony.name(), result);
    }

    Symphony symphony() {
        return symphony;
    }

    PriceHistory prices() {
        return prices;
    }
}
