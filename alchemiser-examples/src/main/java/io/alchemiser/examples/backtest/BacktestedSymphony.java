package io.alchemiser.examples.backtest;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketData;
import io.alchemiser.core.domain.strategy.HistoryStart;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.dsl.eval.EvaluationContext;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A symphony as the backtester sees it: evaluated in one {@link EvaluationContext} that holds bars through the
 * backtest's last date, shared by every symphony of the run, so each symbol is loaded once and each indicator series
 * computed once for the whole backtest; and able to say its history start.
 *
 * <p>{@link SymphonyStrategy#evaluate(MarketData, LocalDate)} alone would grow its context a year at a time while
 * the dates advance, recomputing every series at each step; the pinned context avoids that.
 */
final class BacktestedSymphony implements Strategy {
    private final SymphonyStrategy symphony;
    private final EvaluationContext context;
    private final boolean findsStart;

    /**
     * @param findsStart whether {@link #historyStart} works out the start (only when the backtest has no start date
     *                   of its own: the search reads every symbol's whole history)
     */
    BacktestedSymphony(SymphonyStrategy symphony, EvaluationContext context, boolean findsStart) {
        this.symphony = Objects.requireNonNull(symphony, "symphony");
        this.context = Objects.requireNonNull(context, "context");
        this.findsStart = findsStart;
    }

    @Override
    public String name() {
        return symphony.name();
    }

    @Override
    public Set<Symbol> symbols() {
        return symphony.symbols();
    }

    @Override
    public StrategyResult evaluate(MarketData marketData, LocalDate asOf) {
        return symphony.evaluate(contextFor(marketData), asOf);
    }

    @Override
    public io.alchemiser.core.domain.Weights weights(MarketData marketData, LocalDate asOf) {
        return symphony.weights(contextFor(marketData), asOf);
    }

    @Override
    public Optional<HistoryStart> historyStart(MarketData marketData) {
        if (!findsStart) {
            return Optional.empty();
        }
        io.alchemiser.dsl.eval.HistoryStart start = symphony.historyStart(contextFor(marketData));
        return Optional.of(new HistoryStart(start.date(), start.requirement() + " (" + start.position() + ")"));
    }

    private EvaluationContext contextFor(MarketData marketData) {
        return marketData == context.marketData() ? context : EvaluationContext.create(marketData, context.through());
    }
}
