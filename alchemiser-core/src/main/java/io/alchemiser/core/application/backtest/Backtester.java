package io.alchemiser.core.application.backtest;

import io.alchemiser.core.application.portfolio.PortfolioMerger;
import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.StrategyAllocation;
import io.alchemiser.core.domain.strategy.HistoryStart;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.WeightedStrategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays strategies day by day over history, merged by allocation as in the daily run.
 *
 * <p>The calendar is the benchmark's trading days. At each close the strategies are evaluated (every day, or
 * only on scheduled days for a calendar rule), merged, and — when the {@link RebalanceRule} says so — the
 * portfolio trades back to target at that close; it then holds until the next close, earning each symbol's
 * close-to-close return. A symbol without a bar on a day (a gap) keeps its last close, so it earns nothing that
 * day. Costs: (cost + slippage) basis points × the dollars traded, taken from equity at the rebalance; targets
 * are then applied to the equity after costs, so the portfolio never borrows. Money here is {@code double}: a
 * backtest estimates, it does not account.
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
        Map<String, Double> allocations = new java.util.LinkedHashMap<>();
        strategies.forEach(s -> allocations.put(s.strategy().name(), s.allocation()));
        PortfolioMerger.checkAllocations(allocations);

        Optional<HistoryStart> historyStart = settings.from() != null ? Optional.empty()
                : historyStart(strategies, session);
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

        Simulation sim = new Simulation(settings, closes, dates.size());
        PortfolioMerger merger = new PortfolioMerger();
        Weights target = null;
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            LocalDate previous = i == 0 ? null : dates.get(i - 1);
            sim.markToMarket(i);
            if (settings.rule().evaluatesOn(previous, date)) {
                List<StrategyAllocation> results = new ArrayList<>();
                for (WeightedStrategy ws : strategies) {
                    results.add(new StrategyAllocation(ws.strategy().name(), ws.allocation(),
                            ws.strategy().weights(session, date)));
                }
                target = merger.merge(results).weights();
            }
            boolean trade = previous == null
                    || (settings.rule().isThreshold() ? sim.maxDrift(target) > settings.rule().threshold()
                            : settings.rule().startsPeriod(previous, date));
            if (trade) {
                sim.rebalance(i, date, target);
            }
            sim.close(i);
            progress.day(i + 1, dates.size());
        }
        double[] bench = new double[dates.size()];
        double[] b = benchmark.closes();
        for (int i = 0; i < bench.length; i++) {
            bench[i] = settings.startCapital() * b[i] / b[0];
        }
        BacktestStats stats = BacktestStats.of(dates, sim.equity, settings.riskFreeRate(), sim.turnover);
        BacktestStats benchStats = BacktestStats.of(dates, bench, settings.riskFreeRate(), 0);
        return new BacktestResult(dates, sim.equity, bench, sim.holdings, sim.trades, sim.rebalances, stats, benchStats,
                settings.from() == null ? historyStart : Optional.empty());
    }

    private static Optional<HistoryStart> historyStart(List<WeightedStrategy> strategies, EvaluationSession session) {
        Optional<HistoryStart> latest = Optional.empty();
        for (WeightedStrategy ws : strategies) {
            Optional<HistoryStart> h = ws.strategy().historyStart(session);
            if (h.isPresent() && (latest.isEmpty() || h.get().date().isAfter(latest.get().date()))) {
                latest = Optional.of(new HistoryStart(h.get().date(), ws.strategy().name() + ": " + h.get().setBy()));
            }
        }
        return latest;
    }

    /** The portfolio being simulated: dollar values per symbol, cash, and the daily record. */
    private static final class Simulation {
        private final BacktestSettings settings;
        private final AlignedCloses closes;
        private final Map<Symbol, Double> values = new TreeMap<>();
        private double cash;
        final double[] equity;
        final List<Weights> holdings;
        final List<BacktestTrade> trades = new ArrayList<>();
        int rebalances;
        double turnover;

        Simulation(BacktestSettings settings, AlignedCloses closes, int days) {
            this.settings = settings;
            this.closes = closes;
            this.cash = settings.startCapital();
            this.equity = new double[days];
            this.holdings = new ArrayList<>(days);
        }

        void markToMarket(int day) {
            if (day == 0) {
                return;
            }
            values.replaceAll((s, v) -> v * closes.growth(s, day));
        }

        double total() {
            double sum = cash;
            for (double v : values.values()) {
                sum += v;
            }
            return sum;
        }

        double maxDrift(Weights target) {
            double e = total();
            double max = 0;
            TreeSet<Symbol> all = new TreeSet<>(values.keySet());
            all.addAll(target.bySymbol().keySet());
            for (Symbol s : all) {
                double current = e > 0 ? values.getOrDefault(s, 0.0) / e : 0;
                max = Math.max(max, Math.abs(current - target.weight(s)));
            }
            return max;
        }

        void rebalance(int day, LocalDate date, Weights target) {
            double e = total();
            TreeSet<Symbol> all = new TreeSet<>(values.keySet());
            all.addAll(target.bySymbol().keySet());
            double traded = 0;
            for (Symbol s : all) {
                traded += Math.abs(target.weight(s) * e - values.getOrDefault(s, 0.0));
            }
            double cost = traded * settings.frictionRate();
            double net = e - cost;
            Map<Symbol, Double> before = new HashMap<>(values);
            values.clear();
            double invested = 0;
            for (Map.Entry<Symbol, Double> w : target.bySymbol().entrySet()) {
                closes.requirePrice(w.getKey(), day, date);
                double v = w.getValue() * net;
                values.put(w.getKey(), v);
                invested += v;
            }
            cash = net - invested;
            for (Symbol s : all) {
                double old = before.getOrDefault(s, 0.0);
                double now = values.getOrDefault(s, 0.0);
                double delta = now - old;
                if (Math.abs(delta) > 1e-9 * Math.max(1, e)) {
                    trades.add(new BacktestTrade(date, s, delta > 0 ? Side.BUY : Side.SELL, Math.abs(delta),
                            e > 0 ? old / e : 0, net > 0 ? now / net : 0));
                }
            }
            rebalances++;
            turnover += e > 0 ? traded / e / 2 : 0;
        }

        void close(int day) {
            double e = total();
            equity[day] = e;
            Map<Symbol, Double> w = new TreeMap<>();
            if (e > 0) {
                for (Map.Entry<Symbol, Double> v : values.entrySet()) {
                    w.put(v.getKey(), Math.min(1.0, Math.max(0.0, v.getValue() / e)));
                }
            }
            double sum = w.values().stream().mapToDouble(Double::doubleValue).sum();
            if (sum > 1) {
                w.replaceAll((s, x) -> x / sum);
            }
            holdings.add(new Weights(w));
        }
    }
}
