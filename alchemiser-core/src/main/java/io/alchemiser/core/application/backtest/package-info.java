/** Backtesting: replay strategies day by day over history with a rebalance rule, costs and statistics. */
package io.alchemiser.core.application.backtest;
