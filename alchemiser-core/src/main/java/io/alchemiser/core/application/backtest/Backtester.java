package io.alchemiser.core.application.backtest;

import io.alchemiser.core.application.portfolio.PortfolioMerger;
import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.core.application.portfolio.SleevePolicy;
import io.alchemiser.core.application.portfolio.TradingCalendar;
import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.strategy.HistoryStart;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.WeightedStrategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Replays strategies day by day over history, each strategy in a sleeve of its own that rebalances by its own rule,
 * as Composer runs several symphonies in one account and as the daily run does.
 *
 * <p>The calendar is the benchmark's trading days. At each close every sleeve decides with the {@link SleevePolicy}
 * (the same decision the daily run takes) whether it trades back to its target or drifts; a strategy is evaluated
 * only when its rule needs the target that day. The sleeves that rebalance are netted into one set of trades per
 * symbol, the costs are charged on those netted trades and shared among the rebalancing sleeves in proportion to the
 * dollars each wanted to trade, and every rebalancing sleeve then holds its target weights of its value after its
 * share of the costs, so the portfolio never borrows. Holdings then earn each symbol's close-to-close return until the
 * next close; a symbol without a bar on a day (a gap) keeps its last close and earns nothing that day.
 *
 * <p>Sleeves start with their allocation of the capital in cash. A sleeve whose history starts inside the window
 * (its strategy cannot evaluate yet) holds that cash until the first day it can; with no start date the backtest
 * starts on the first day every strategy can evaluate. With a portfolio rule in the settings, the strategies form one
 * sleeve whose target is their merge by allocation (the allocations re-applied at each rebalance).
 *
 * <p>Costs: (cost + slippage) basis points × the dollars traded, plus, on each sale, the SEC fee and the FINRA TAF in
 * force on the trade date ({@link RegulatoryFees}; shares sold = dollars ÷ the adjusted close). Money here is
 * {@code double}: a backtest estimates, it does not account.
 */
public final class Backtester {

    /**
     * Replays {@code strategies} over {@code data} in one evaluation session through {@code settings.to()}, opened
     * and dropped by this call.
     */
    public BacktestResult run(List<WeightedStrategy> strategies, PriceHistory data, BacktestSettings settings,
            BacktestProgress progress) {
        return run(strategies, EvaluationSession.open(data, settings.to()), settings, progress);
    }

    /** Replays {@code strategies} in a session the caller opened (through {@code settings.to()} or later). */
    public BacktestResult run(List<WeightedStrategy> strategies, EvaluationSession session, BacktestSettings settings,
            BacktestProgress progress) {
        if (session.through().isBefore(settings.to())) {
            throw new IllegalArgumentException("the evaluation session holds bars through " + session.through()
                    + ", before the backtest's end " + settings.to());
        }
        PriceHistory data = session.history();
        Map<String, Double> allocations = new LinkedHashMap<>();
        strategies.forEach(s -> allocations.put(s.strategy().name(), s.allocation()));
        double allocationSum = PortfolioMerger.checkAllocations(allocations);

        Map<String, Optional<HistoryStart>> starts = new LinkedHashMap<>();
        for (WeightedStrategy ws : strategies) {
            starts.put(ws.strategy().name(), ws.strategy().historyStart(session));
        }
        Optional<HistoryStart> historyStart = settings.from() != null ? Optional.empty() : latest(starts);
        LocalDate from = settings.from() != null ? settings.from()
                : historyStart.map(HistoryStart::date).orElseThrow(() -> new IllegalArgumentException(
                        "no start date given and the strategies cannot tell when their history starts"));
        BarSeries benchmark = data.dailyBars(settings.benchmark(), from, settings.to());
        if (benchmark.isEmpty()) {
            throw new MarketDataException("benchmark " + settings.benchmark() + " has no bars between " + from + " and "
                    + settings.to());
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < benchmark.size(); i++) {
            dates.add(benchmark.date(i));
        }
        TreeSet<Symbol> symbols = new TreeSet<>();
        strategies.forEach(s -> symbols.addAll(s.strategy().symbols()));
        AlignedCloses closes = AlignedCloses.load(data, symbols, dates);

        List<BacktestSleeve> sleeves = sleeves(strategies, starts, allocationSum, settings, from);
        SleevePolicy policy = settings.anchor() == RebalanceAnchor.FIRST_TRADING_DAY ? SleevePolicy.firstTradingDay()
                : SleevePolicy.lastTradingDay(calendar(data, settings, dates, session.through()));
        BacktestAccount account = simulate(sleeves, policy, session, closes, dates, settings, progress);
        double[] bench = new double[dates.size()];
        double[] b = benchmark.closes();
        for (int i = 0; i < bench.length; i++) {
            bench[i] = settings.startCapital() * b[i] / b[0];
        }
        BacktestStats stats = BacktestStats.of(dates, account.equity, settings.riskFreeRate(), account.turnover);
        BacktestStats benchStats = BacktestStats.of(dates, bench, settings.riskFreeRate(), 0);
        List<SleeveReport> reports = new ArrayList<>();
        sleeves.forEach(s -> reports.add(s.report()));
        return new BacktestResult(dates, account.equity, bench, account.holdings, account.trades, account.rebalances,
                stats, benchStats, historyStart, reports, account.costs(), account.dailyTurnover, settings.riskFreeRate());
    }

    /** The day loop: mark to market, let every sleeve decide, trade the netted rebalances, record the close. */
    private static BacktestAccount simulate(List<BacktestSleeve> sleeves, SleevePolicy policy,
            EvaluationSession session, AlignedCloses closes, List<LocalDate> dates, BacktestSettings settings,
            BacktestProgress progress) {
        BacktestAccount account = new BacktestAccount(settings, closes, dates.size());
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            if (i > 0) {
                for (BacktestSleeve s : sleeves) {
                    s.markToMarket(closes, i);
                }
            }
            boolean any = false;
            for (BacktestSleeve s : sleeves) {
                s.decide(policy, session, date);
                any |= s.pending != null;
            }
            if (any) {
                account.rebalance(i, date, sleeves);
            }
            account.close(i, sleeves);
            progress.day(i + 1, dates.size());
        }
        return account;
    }

    /** One sleeve per strategy with its own rule, or one for the whole portfolio under the settings' rule. */
    private static List<BacktestSleeve> sleeves(List<WeightedStrategy> strategies,
            Map<String, Optional<HistoryStart>> starts, double allocationSum, BacktestSettings settings, LocalDate from) {
        List<BacktestSleeve> out = new ArrayList<>();
        if (settings.perStrategyRules()) {
            for (WeightedStrategy ws : strategies) {
                double share = ws.allocation() / allocationSum;
                LocalDate start = starts.get(ws.strategy().name()).map(HistoryStart::date).filter(d -> d.isAfter(from))
                        .orElse(from);
                out.add(new BacktestSleeve(ws.strategy().name(), List.of(ws), ws.strategy().rebalanceRule(), share,
                        settings.startCapital() * share, start));
            }
        } else {
            LocalDate start = latest(starts).map(HistoryStart::date).filter(d -> d.isAfter(from)).orElse(from);
            out.add(new BacktestSleeve(strategies.size() == 1 ? strategies.get(0).strategy().name() : "portfolio",
                    strategies, settings.rule(), 1.0, settings.startCapital(), start));
        }
        return out;
    }

    private static Optional<HistoryStart> latest(Map<String, Optional<HistoryStart>> starts) {
        Optional<HistoryStart> latest = Optional.empty();
        for (Map.Entry<String, Optional<HistoryStart>> e : starts.entrySet()) {
            Optional<HistoryStart> h = e.getValue();
            if (h.isPresent() && (latest.isEmpty() || h.get().date().isAfter(latest.get().date()))) {
                latest = Optional.of(new HistoryStart(h.get().date(), e.getKey() + ": " + h.get().setBy()));
            }
        }
        return latest;
    }

    /**
     * The trading days as the backtest knows them: the benchmark's bars (through the session's last day, so the
     * window's last day knows whether the next starts a new period), then weekdays past the data.
     */
    private static TradingCalendar calendar(PriceHistory data, BacktestSettings settings, List<LocalDate> dates,
            LocalDate through) {
        TreeSet<LocalDate> known = new TreeSet<>(dates);
        if (through.isAfter(settings.to())) {
            BarSeries later = data.dailyBars(settings.benchmark(), settings.to().plusDays(1), through);
            for (int i = 0; i < later.size(); i++) {
                known.add(later.date(i));
            }
        }
        TradingCalendar weekdays = TradingCalendar.weekdays();
        return date -> {
            LocalDate next = known.higher(date);
            return next != null ? next : weekdays.nextTradingDay(date);
        };
    }
}
