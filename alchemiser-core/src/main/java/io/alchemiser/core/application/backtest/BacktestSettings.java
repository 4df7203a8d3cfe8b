package io.alchemiser.core.application.backtest;

import io.alchemiser.core.domain.Symbol;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A backtest's parameters.
 *
 * @param from          first date, or {@code null} for the first date every strategy can be evaluated on
 * @param to            last date (inclusive)
 * @param startCapital  dollars at the start
 * @param costBps       cost per trade in basis points of the traded notional
 * @param slippageBps   slippage in basis points of the traded notional, charged like a cost
 * @param benchmark     the symbol held as buy-and-hold for comparison; its trading days are the calendar
 * @param riskFreeRate  annual risk-free rate for Sharpe and Sortino (0.02 = 2%)
 * @param rule          when to trade back to target
 */
public record BacktestSettings(LocalDate from, LocalDate to, double startCapital, double costBps, double slippageBps,
        Symbol benchmark, double riskFreeRate, RebalanceRule rule) {
    public BacktestSettings {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(rule, "rule");
        if (from != null && from.isAfter(to)) {
            throw new IllegalArgumentException("backtest starts " + from + " after it ends " + to);
        }
        if (!(startCapital > 0) || !Double.isFinite(startCapital)) {
            throw new IllegalArgumentException("start capital must be positive, got " + startCapital);
        }
        if (!(costBps >= 0 && costBps < 10_000) || !(slippageBps >= 0 && slippageBps < 10_000)) {
            throw new IllegalArgumentException("costs are basis points in [0, 10000)");
        }
        if (!Double.isFinite(riskFreeRate)) {
            throw new IllegalArgumentException("risk-free rate must be finite");
        }
    }

    /** Cost plus slippage as a fraction of traded notional. */
    double frictionRate() {
        return (costBps + slippageBps) / 10_000.0;
    }
}
