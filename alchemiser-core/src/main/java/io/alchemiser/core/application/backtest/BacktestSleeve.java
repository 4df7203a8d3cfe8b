package io.alchemiser.core.application.backtest;

import io.alchemiser.core.application.portfolio.PortfolioMerger;
import io.alchemiser.core.application.portfolio.SleeveHoldings;
import io.alchemiser.core.application.portfolio.SleevePolicy;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.domain.portfolio.SleeveDecision.Reason;
import io.alchemiser.core.domain.portfolio.SleeveDecision;
import io.alchemiser.core.domain.portfolio.StrategyAllocation;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.WeightedStrategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sleeve being simulated: dollars per symbol and cash, the strategies whose merged target it follows (one, or
 * every strategy when the portfolio is traded as one), its rule, and the day it can first evaluate. Not thread-safe.
 */
final class BacktestSleeve {
    private final String name;
    private final List<WeightedStrategy> members;
    private final RebalanceRule rule;
    private final double allocation;
    private final LocalDate start;
    private final PortfolioMerger merger = new PortfolioMerger();
    /** Dollars per held symbol, in symbol order (the order sums are taken in). */
    final Map<Symbol, Double> values = new TreeMap<>();
    double cash;
    private LocalDate lastRebalance;
    private LocalDate firstDay;
    private final List<LocalDate> rebalances = new ArrayList<>();
    private final Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
    /** Today's decided weights when the sleeve rebalances today; {@code null} otherwise. */
    Weights pending;

    /**
     * @param members    the strategies and their allocations within the sleeve
     * @param capital    the sleeve's cash at the start
     * @param start      the first day it can evaluate (it holds cash before)
     */
    BacktestSleeve(String name, List<WeightedStrategy> members, RebalanceRule rule, double allocation, double capital,
            LocalDate start) {
        this.name = name;
        this.members = List.copyOf(members);
        this.rule = rule;
        this.allocation = allocation;
        this.cash = capital;
        this.start = start;
    }

    void markToMarket(AlignedCloses closes, int day) {
        values.replaceAll((s, v) -> v * closes.growth(s, day));
    }

    double total() {
        double sum = cash;
        for (double v : values.values()) {
            sum += v;
        }
        return sum;
    }

    /** Decides for {@code date}; on a rebalance {@link #pending} holds the weights to trade to. */
    SleeveDecision decide(SleevePolicy policy, EvaluationSession session, LocalDate date) {
        pending = null;
        SleeveDecision d;
        if (date.isBefore(start)) {
            d = SleeveDecision.drift(Reason.WAITING, "holds cash until its history starts on " + start,
                    Weights.cashOnly());
        } else {
            Weights target = policy.needsTarget(rule, date, lastRebalance) ? target(session, date) : null;
            d = policy.decide(rule, date, lastRebalance, new SleeveHoldings(values, cash), target);
            if (d.rebalances()) {
                pending = d.weights();
                lastRebalance = date;
                rebalances.add(date);
                if (firstDay == null) {
                    firstDay = date;
                }
            }
        }
        reasons.merge(d.reason(), 1, Integer::sum);
        return d;
    }

    private Weights target(EvaluationSession session, LocalDate date) {
        List<StrategyAllocation> results = new ArrayList<>(members.size());
        for (WeightedStrategy ws : members) {
            results.add(new StrategyAllocation(ws.strategy().name(), members.size() == 1 ? 1.0 : ws.allocation(),
                    ws.strategy().weights(session, date)));
        }
        return merger.merge(results).weights();
    }

    SleeveReport report() {
        return new SleeveReport(name, rule, allocation, firstDay, rebalances, reasons, total());
    }
}
