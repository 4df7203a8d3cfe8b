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
 */
public record BacktestResult(List<LocalDate> dates, double[] equity, double[] benchmarkEquity, List<Weights> holdings,
        List<BacktestTrade> trades, int rebalances, BacktestStats stats, BacktestStats benchmarkStats,
        Optional<HistoryStart> historyStart, List<SleeveReport> sleeves, CostTotals costs) {

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
        if (equity.length != dates.size() || benchmarkEquity.length != dates.size() || holdings.size() != dates.size()) {
            throw new IllegalArgumentException("one equity, benchmark and holdings entry per date");
        }
    }
}
