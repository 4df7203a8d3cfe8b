package io.alchemiser.core.application.backtest;

import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.strategy.HistoryStart;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a backtest produced: per trading day the equity after costs, the benchmark's buy-and-hold equity and the
 * holdings' weights at the close (after any rebalance), every trade, and the statistics of both curves.
 * {@code historyStart} says what set the first date when the backtest chose it.
 */
public record BacktestResult(List<LocalDate> dates, double[] equity, double[] benchmarkEquity, List<Weights> holdings,
        List<BacktestTrade> trades, int rebalances, BacktestStats stats, BacktestStats benchmarkStats,
        Optional<HistoryStart> historyStart) {
    public BacktestResult {
        dates = List.copyOf(dates);
        holdings = List.copyOf(holdings);
        trades = List.copyOf(trades);
        equity = equity.clone();
        benchmarkEquity = benchmarkEquity.clone();
        if (equity.length != dates.size() || benchmarkEquity.length != dates.size() || holdings.size() != dates.size()) {
            throw new IllegalArgumentException("one equity, benchmark and holdings entry per date");
        }
    }
}
