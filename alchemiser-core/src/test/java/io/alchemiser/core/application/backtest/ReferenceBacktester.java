package io.alchemiser.core.application.backtest;

import io.alchemiser.core.application.portfolio.PortfolioMerger;
import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.StrategyAllocation;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.WeightedStrategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The backtester as it was before sleeves (commit 841b8f7), reduced to its daily rule: the whole portfolio evaluated
 * and traded to its merged target at every close. Kept verbatim in its arithmetic as the oracle for the property
 * that a daily strategy backtests exactly as it did; not used by any production code.
 */
final class ReferenceBacktester {

    /** What the old simulation recorded. */
    record Outcome(List<LocalDate> dates, double[] equity, List<Weights> holdings, List<BacktestTrade> trades,
            int rebalances, double turnover) {
    }

    static Outcome run(List<WeightedStrategy> strategies, EvaluationSession session, BacktestSettings settings) {
        BarSeries benchmark = session.history().dailyBars(settings.benchmark(), settings.from(), settings.to());
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < benchmark.size(); i++) {
            dates.add(benchmark.date(i));
        }
        TreeSet<Symbol> symbols = new TreeSet<>();
        strategies.forEach(s -> symbols.addAll(s.strategy().symbols()));
        AlignedCloses closes = AlignedCloses.load(session.history(), symbols, dates);
        Simulation sim = new Simulation(settings, closes, dates.size());
        PortfolioMerger merger = new PortfolioMerger();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            sim.markToMarket(i);
            List<StrategyAllocation> results = new ArrayList<>();
            for (WeightedStrategy ws : strategies) {
                results.add(new StrategyAllocation(ws.strategy().name(), ws.allocation(),
                        ws.strategy().weights(session, date)));
            }
            sim.rebalance(i, date, merger.merge(results).weights());
            sim.close(i);
        }
        return new Outcome(dates, sim.equity, sim.holdings, sim.trades, sim.rebalances, sim.turnover);
    }

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
