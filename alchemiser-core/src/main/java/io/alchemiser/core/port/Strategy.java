package io.alchemiser.core.port;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.domain.strategy.HistoryStart;
import io.alchemiser.core.domain.strategy.StrategyResult;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A rule that turns price history into target weights. The core runs strategies without knowing how they are
 * written (the DSL module supplies Composer symphonies).
 *
 * <p>Contract: a strategy holds no state between calls; whatever it caches lives in the caller's
 * {@link EvaluationSession}. {@link #evaluate} is a pure function of the session's bars up to and including
 * {@code asOf}'s close (the live price, when the session's history appends one); it is safe to call from several
 * threads at once. When the data is insufficient it throws a {@link StrategyException} that names the symbol,
 * what was needed and the date; it never substitutes a neutral value.
 */
public interface Strategy {

    /** A name for people and for attribution; unique among the strategies of one run. */
    String name();

    /** Every symbol the strategy may read or allocate to, so data can be loaded or refreshed up front. */
    Set<Symbol> symbols();

    /**
     * Target weights and decision path as of the close of {@code asOf}.
     *
     * @throws StrategyException        if the strategy cannot be evaluated on that date with that data
     * @throws IllegalArgumentException if {@code asOf} is after the session's {@link EvaluationSession#through()}
     */
    StrategyResult evaluate(EvaluationSession session, LocalDate asOf);

    /**
     * Only the target weights as of the close of {@code asOf}, without a decision path: what a backtest needs for
     * each of thousands of days. Same weights as {@link #evaluate}; implementations override it when recording the
     * path costs something.
     */
    default Weights weights(EvaluationSession session, LocalDate asOf) {
        return evaluate(session, asOf).weights();
    }

    /**
     * The first date on which every indicator of the strategy has enough history in the session's bars, and the
     * symbol and indicator that set it; empty if the strategy cannot tell (then a backtest starts where the caller
     * says).
     */
    default Optional<HistoryStart> historyStart(EvaluationSession session) {
        return Optional.empty();
    }

    /**
     * When this strategy's sleeve trades back to target (Composer's {@code :rebalance-frequency} or
     * {@code :rebalance-threshold}); the backtester and the daily run apply it per strategy. The default is
     * {@link RebalanceRule#daily()}: trade to target at every close.
     */
    default RebalanceRule rebalanceRule() {
        return RebalanceRule.daily();
    }
}
