package io.alchemiser.core.port;

import io.alchemiser.core.domain.strategy.HistoryStart;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.domain.Symbol;
import java.time.LocalDate;
import java.util.Set;

/**
 * A rule that turns market data into target weights. The core runs strategies without knowing how they are
 * written (the DSL module supplies Composer symphonies).
 *
 * <p>Contract: {@link #evaluate} is a pure function of the market data up to and including {@code asOf}'s
 * close (or the live price when evaluating intraday); it is safe to call from several threads at once. When
 * the data is insufficient it throws an unchecked exception that names the symbol, what was needed and the
 * date; it never substitutes a neutral value.
 */
public interface Strategy {

    /** A name for people and for attribution; unique among the strategies of one run. */
    String name();

    /** Every symbol the strategy may read or allocate to, so data can be loaded or refreshed up front. */
    Set<Symbol> symbols();

    /** Target weights and decision path as of the close of {@code asOf}. */
    StrategyResult evaluate(MarketData marketData, LocalDate asOf);

    /**
     * Only the target weights as of the close of {@code asOf}, without a decision path: what a backtest needs for
     * each of thousands of days. Same weights as {@link #evaluate}; implementations override it when recording the
     * path costs something.
     */
    default io.alchemiser.core.domain.Weights weights(MarketData marketData, LocalDate asOf) {
        return evaluate(marketData, asOf).weights();
    }

    /**
     * The first date on which every indicator of the strategy has enough history in {@code marketData}, and the
     * symbol and indicator that set it; empty if the strategy cannot tell (then a backtest starts where the
     * caller says).
     */
    default java.util.Optional<HistoryStart> historyStart(MarketData marketData) {
        return java.util.Optional.empty();
    }
}
