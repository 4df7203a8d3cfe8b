/**
 * Backtests of symphony files for the {@code backtest} command: running core's
 * {@link io.alchemiser.core.application.backtest.Backtester} over compiled symphonies ({@link
 * io.alchemiser.examples.backtest.SymphonyBacktest}), and presenting what it produced — the text summary
 * ({@link io.alchemiser.examples.backtest.BacktestSummary}), one self-contained HTML report
 * ({@link io.alchemiser.examples.backtest.BacktestReport}), CSV files ({@link io.alchemiser.examples.backtest.BacktestCsv})
 * and JSON ({@link io.alchemiser.examples.backtest.BacktestJson}); and the {@code parity} check against the user's
 * own Composer backtest: its JSON ({@link io.alchemiser.examples.backtest.ComposerBacktest}, downloaded by
 * {@link io.alchemiser.examples.backtest.ComposerBacktestClient}), the comparison
 * ({@link io.alchemiser.examples.backtest.ParityCheck}) and its text, JSON and HTML reports.
 *
 * <p>Conventions shared by every output: returns and weights are fractions (0.12 = 12%); a drawdown series is
 * {@code equity / running peak − 1} (zero or negative) while the statistic {@code maxDrawdown} is the largest such
 * decline as a positive fraction, as {@link io.alchemiser.core.application.backtest.BacktestStats} defines it; monthly returns
 * run from month-end close to month-end close, the first month from the first day's close
 * ({@link io.alchemiser.examples.backtest.MonthlyReturns}).
 */
package io.alchemiser.examples.backtest;
