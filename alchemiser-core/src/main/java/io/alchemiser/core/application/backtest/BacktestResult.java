package io.alchemiser.core.application.backtest;

import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.strategy.HistoryStart;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a backtest produced: per trading day the equity after costs, the benchmark's buy-and-hold equity and the
 * holdings' weights at the close (after any rebalance), every trade (netted across sleeves), the statistics of both
 * curves, what each sleeve did, and what the costs came to. {@code historyStart} says what set the first date when
 * the backtest chose it. {@code rebalances} counts the days on which at least one sleeve traded to target.
 * {@code dailyTurnover} is the one-way turnover traded at each close (Σ |netted trade| / equity before the trades / 2,
 * 0 on a day without trades), and {@code riskFreeRate} the annual rate the statistics were computed with; together
 * they give the statistics of any stretch of the curve ({@link #statsBetween}).
 */
public record BacktestResult(List<LocalDate> dates, double[] equity, double[] benchmarkEquity, List<Weights> holdings,
        List<BacktestTrade> trades, int rebalances, BacktestStats stats, BacktestStats benchmarkStats,
        Optional<HistoryStart> historyStart, List<SleeveReport> sleeves, CostTotals costs, double[] dailyTurnover,
        double riskFreeRate) {

    /**
     * Dollars paid over the whole backtest.
     *
     * @param tradingCosts cost per trade and slippage (basis points of the dollars traded)
     * @param secFees      SEC (Section 31) fees on sales
     * @param tafFees      FINRA trading activity fees on sales
     */
    public record CostTotals(double tradingCosts, double secFees, double tafFees) {
        /** All of them. */
        public double total() {
            return tradingCosts + secFees + tafFees;
        }
    }

    public BacktestResult {
        dates = List.copyOf(dates);
        holdings = List.copyOf(holdings);
        trades = List.copyOf(trades);
        sleeves = List.copyOf(sleeves);
        java.util.Objects.requireNonNull(costs, "costs");
        equity = equity.clone();
        benchmarkEquity = benchmarkEquity.clone();
        dailyTurnover = dailyTurnover.clone();
        if (equity.length != dates.size() || benchmarkEquity.length != dates.size() || holdings.size() != dates.size()
                || dailyTurnover.length != dates.size()) {
            throw new IllegalArgumentException("one equity, benchmark, holdings and turnover entry per date");
        }
    }

    /**
     * The statistics of the stretch of the equity curve from the close of day {@code first} to the close of day
     * {@code last} (indices into {@link #dates()}, both inclusive), by {@link BacktestStats}' conventions: its
     * daily returns are those of days {@code first + 1} to {@code last}, its drawdowns are measured from day
     * {@code first}'s close, and its turnover counts the trades of days {@code first + 1} to {@code last}, plus
     * those of day 0 when the stretch starts there (the window's first purchases, as {@link #stats()} counts them).
     * So {@code statsBetween(0, dates().size() - 1)} equals {@link #stats()} exactly, and two stretches that meet at
     * a day split the daily returns and the turnover of the whole between them.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= first <= last < dates().size()}
     */
    public BacktestStats statsBetween(int first, int last) {
        if (first < 0 || last >= dates.size() || first > last) {
            throw new IndexOutOfBoundsException("stretch " + first + ".." + last + " of " + dates.size() + " days");
        }
        double turnoverSum = 0;
        for (int i = first == 0 ? 0 : first + 1; i <= last; i++) {
            turnoverSum += dailyTurnover[i];
        }
        return BacktestStats.of(dates.subList(first, last + 1), java.util.Arrays.copyOfRange(equity, first, last + 1),
                riskFreeRate, turnoverSum);
    }
}
