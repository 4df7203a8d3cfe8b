/**
 * Backtesting: replay strategies day by day over history, each in a sleeve that rebalances by its own rule (the
 * {@link io.alchemiser.core.application.portfolio.SleevePolicy} the daily run uses too), with netted trades, costs
 * and regulatory fees ({@link io.alchemiser.core.application.backtest.RegulatoryFees}), and Composer's statistics
 * conventions ({@link io.alchemiser.core.application.backtest.BacktestStats}).
 */
package io.alchemiser.core.application.backtest;
