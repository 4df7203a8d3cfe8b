/**
 * What a strategy decides on one date: its weights and the decision path behind them
 * ({@link io.alchemiser.core.domain.strategy.StrategyResult}, {@link io.alchemiser.core.domain.strategy.DecisionStep}),
 * and the first date it can be evaluated on ({@link io.alchemiser.core.domain.strategy.HistoryStart}).
 */
package io.alchemiser.core.domain.strategy;
