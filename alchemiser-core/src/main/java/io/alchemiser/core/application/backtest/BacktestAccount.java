package io.alchemiser.core.application.backtest;

import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The account a backtest's sleeves share: nets the rebalancing sleeves' trades, charges the costs, and keeps the
 * daily record (equity, holdings, trades, turnover, cost totals). Not thread-safe.
 */
final class BacktestAccount {
    private final BacktestSettings settings;
    private final AlignedCloses closes;
    final double[] equity;
    final List<Weights> holdings;
    final List<BacktestTrade> trades = new ArrayList<>();
    int rebalances;
    double turnover;
    /** One-way turnover traded on each day: Σ|netted trade| / equity before the trades / 2; 0 on a day without. */
    final double[] dailyTurnover;
    private double tradingCosts;
    private double secFees;
    private double tafFees;

    BacktestAccount(BacktestSettings settings, AlignedCloses closes, int days) {
        this.settings = settings;
        this.closes = closes;
        this.equity = new double[days];
        this.dailyTurnover = new double[days];
        this.holdings = new ArrayList<>(days);
    }

    /**
     * What the rebalancing sleeves want to trade before costs: per symbol the sum of their trades (netted), per sleeve
     * the dollars it wants to trade, and every symbol touched.
     */
    private record Netting(Map<Symbol, Double> net, double[] gross, double grossTotal, TreeSet<Symbol> touched) {
        static Netting of(List<BacktestSleeve> sleeves) {
            Map<Symbol, Double> net = new TreeMap<>();
            double[] gross = new double[sleeves.size()];
            double grossTotal = 0;
            TreeSet<Symbol> touched = new TreeSet<>();
            for (int k = 0; k < sleeves.size(); k++) {
                BacktestSleeve s = sleeves.get(k);
                if (s.pending == null) {
                    continue;
                }
                double value = s.total();
                TreeSet<Symbol> all = new TreeSet<>(s.values.keySet());
                all.addAll(s.pending.bySymbol().keySet());
                for (Symbol sym : all) {
                    double delta = s.pending.weight(sym) * value - s.values.getOrDefault(sym, 0.0);
                    net.merge(sym, delta, Double::sum);
                    gross[k] += Math.abs(delta);
                }
                grossTotal += gross[k];
                touched.addAll(all);
            }
            return new Netting(net, gross, grossTotal, touched);
        }

        /** Σ |net trade|: the dollars the account trades. */
        double traded() {
            double traded = 0;
            for (double d : net.values()) {
                traded += Math.abs(d);
            }
            return traded;
        }
    }

    /** Moves every sleeve with a pending target there, with one netted trade per symbol. */
    void rebalance(int day, LocalDate date, List<BacktestSleeve> sleeves) {
        double e = 0;
        Map<Symbol, Double> before = new TreeMap<>();
        for (BacktestSleeve s : sleeves) {
            e += s.total();
            s.values.forEach((sym, v) -> before.merge(sym, v, Double::sum));
        }
        Netting n = Netting.of(sleeves);
        double traded = n.traded();
        double cost = traded * settings.frictionRate();
        tradingCosts += cost;
        cost += fees(day, date, n.net());
        for (int k = 0; k < sleeves.size(); k++) {
            BacktestSleeve s = sleeves.get(k);
            if (s.pending != null) {
                apply(s, day, date, n.grossTotal() > 0 ? cost * (n.gross()[k] / n.grossTotal()) : 0);
            }
        }
        record(date, sleeves, n.touched(), before, e, e - cost);
        rebalances++;
        double dayTurnover = e > 0 ? traded / e / 2 : 0;
        dailyTurnover[day] = dayTurnover;
        turnover += dayTurnover;
    }

    /** One trade per touched symbol whose holding changed: the account's dollars before and after. */
    private void record(LocalDate date, List<BacktestSleeve> sleeves, TreeSet<Symbol> touched,
            Map<Symbol, Double> before, double e, double after) {
        for (Symbol sym : touched) {
            double old = before.getOrDefault(sym, 0.0);
            double now = 0;
            for (BacktestSleeve s : sleeves) {
                now += s.values.getOrDefault(sym, 0.0);
            }
            double delta = now - old;
            if (Math.abs(delta) > 1e-9 * Math.max(1, e)) {
                trades.add(new BacktestTrade(date, sym, delta > 0 ? Side.BUY : Side.SELL, Math.abs(delta),
                        e > 0 ? old / e : 0, after > 0 ? now / after : 0));
            }
        }
    }

    /** The sleeve's value less its share of the costs, spread over its pending target; the rest is cash. */
    private void apply(BacktestSleeve s, int day, LocalDate date, double costShare) {
        double value = s.total() - costShare;
        s.values.clear();
        double invested = 0;
        for (Map.Entry<Symbol, Double> w : s.pending.bySymbol().entrySet()) {
            closes.requirePrice(w.getKey(), day, date);
            double v = w.getValue() * value;
            s.values.put(w.getKey(), v);
            invested += v;
        }
        s.cash = value - invested;
    }

    /** SEC fee and TAF on each netted sale: one transaction per symbol and day. */
    private double fees(int day, LocalDate date, Map<Symbol, Double> net) {
        RegulatoryFees fees = settings.fees();
        if (fees.isNone()) {
            return 0;
        }
        double total = 0;
        for (Map.Entry<Symbol, Double> e : net.entrySet()) {
            double sold = -e.getValue();
            if (sold <= 1e-9) {
                continue;
            }
            double sec = fees.secFee(date, Money.decimal(sold)).doubleValue();
            double taf = fees.tafFee(date, Money.decimal(sold / closes.price(e.getKey(), day))).doubleValue();
            secFees += sec;
            tafFees += taf;
            total += sec + taf;
        }
        return total;
    }

    /** Records the close of {@code day}: the account's equity and its holdings' weights. */
    void close(int day, List<BacktestSleeve> sleeves) {
        double e = 0;
        Map<Symbol, Double> values = new TreeMap<>();
        for (BacktestSleeve s : sleeves) {
            e += s.total();
            s.values.forEach((sym, v) -> values.merge(sym, v, Double::sum));
        }
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

    BacktestResult.CostTotals costs() {
        return new BacktestResult.CostTotals(tradingCosts, secFees, tafFees);
    }
}
