package io.alchemiser.core.application.backtest;

import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
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
 * @param rule          {@code null}: each strategy is its own sleeve and follows its own
 *                      {@link io.alchemiser.core.port.Strategy#rebalanceRule() rule} (Composer's behaviour); a rule:
 *                      the merged portfolio is traded as one by that rule, its allocations re-applied at each
 *                      rebalance
 * @param fees          regulatory fees charged on sales ({@link RegulatoryFees#none()} for none)
 * @param anchor        which trading day of a period weekly, monthly, quarterly and yearly rules trade on
 */
public record BacktestSettings(LocalDate from, LocalDate to, double startCapital, double costBps, double slippageBps,
        Symbol benchmark, double riskFreeRate, RebalanceRule rule, RegulatoryFees fees, RebalanceAnchor anchor) {
    public BacktestSettings {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(anchor, "anchor");
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

    /** Settings with no regulatory fees, calendar rules anchored on the first trading day of each period. */
    public BacktestSettings(LocalDate from, LocalDate to, double startCapital, double costBps, double slippageBps,
            Symbol benchmark, double riskFreeRate, RebalanceRule rule) {
        this(from, to, startCapital, costBps, slippageBps, benchmark, riskFreeRate, rule, RegulatoryFees.none(),
                RebalanceAnchor.FIRST_TRADING_DAY);
    }

    /** Composer's cost settings as a preset: 1 basis point of slippage on the dollars traded, and SEC and TAF fees. */
    public static final double COMPOSER_SLIPPAGE_BPS = 1.0;

    /** These settings with Composer's costs: no cost per trade, {@value #COMPOSER_SLIPPAGE_BPS} bp slippage, fees. */
    public BacktestSettings withComposerCosts() {
        return new BacktestSettings(from, to, startCapital, 0, COMPOSER_SLIPPAGE_BPS, benchmark, riskFreeRate, rule,
                RegulatoryFees.published(), anchor);
    }

    /** These settings with another rule ({@code null}: each strategy's own). */
    public BacktestSettings withRule(RebalanceRule newRule) {
        return new BacktestSettings(from, to, startCapital, costBps, slippageBps, benchmark, riskFreeRate, newRule,
                fees, anchor);
    }

    /** These settings with another anchor. */
    public BacktestSettings withAnchor(RebalanceAnchor newAnchor) {
        return new BacktestSettings(from, to, startCapital, costBps, slippageBps, benchmark, riskFreeRate, rule, fees,
                newAnchor);
    }

    /** These settings with other fees. */
    public BacktestSettings withFees(RegulatoryFees newFees) {
        return new BacktestSettings(from, to, startCapital, costBps, slippageBps, benchmark, riskFreeRate, rule,
                newFees, anchor);
    }

    /** These settings starting on {@code newFrom} ({@code null}: at the history start). */
    public BacktestSettings withFrom(LocalDate newFrom) {
        return new BacktestSettings(newFrom, to, startCapital, costBps, slippageBps, benchmark, riskFreeRate, rule, fees,
                anchor);
    }

    /** Whether each strategy follows its own rule (no rule given for the portfolio). */
    public boolean perStrategyRules() {
        return rule == null;
    }

    /** Cost plus slippage as a fraction of traded notional. */
    double frictionRate() {
        return (costBps + slippageBps) / 10_000.0;
    }
}
