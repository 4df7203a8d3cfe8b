package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.dsl.compile.Node;
import io.alchemiser.dsl.compile.Selection;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two operators that measure their children: {@code filter} ranks them and keeps some,
 * {@code weight-inverse-volatility} weights them by 1 / volatility. Each child is one unit, measured as
 * {@link Units} says.
 */
final class Ranking {
    private final Allocator allocator;
    private final Units rule;
    private final Market market;

    Ranking(Allocator allocator, Units units, Market market) {
        this.allocator = allocator;
        this.rule = units;
        this.market = market;
    }

    /**
     * The children a filter keeps on a day, best first, one unit each.
     *
     * <p>Candidates are the children that hold something that day (a child holding nothing cannot be selected).
     * {@code select-top K} keeps the K highest scores, {@code select-bottom K} the K lowest; equal scores keep
     * source order (the sort is stable). All candidates are kept when there are at most K.
     */
    List<Unit> select(Node.Filter filter, int day, Trace trace) {
        IndicatorSpec spec = filter.ranking();
        List<Node> children = filter.children();
        int n = children.size();
        Allocation[] held = new Allocation[n];
        Trace[] forks = new Trace[n];
        double[] scores = new double[n];
        List<Integer> candidates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Node child = children.get(i);
            forks[i] = trace.fork();
            held[i] = allocator.allocate(child, day, forks[i]);
            scores[i] = Double.NaN;
            if (!held[i].isEmpty()) {
                scores[i] = rule.measure(child, spec, day, filter);
                candidates.add(i);
            }
        }
        boolean top = filter.selection().order() == Selection.Order.TOP;
        candidates.sort((a, b) -> top ? compare(scores[b], scores[a]) : compare(scores[a], scores[b]));
        List<Integer> kept = candidates.subList(0, Math.min(filter.selection().count(), candidates.size()));
        List<Unit> units = new ArrayList<>(kept.size());
        for (int i : kept) {
            units.add(new Unit(children.get(i), held[i]));
        }
        if (trace.on()) {
            List<Integer> ranked = List.copyOf(candidates);
            double margin = trace.fragileMargin();
            trace.add(() -> step(filter, spec, scores, ranked, day, margin));
            for (int i = 0; i < n; i++) {
                if (kept.contains(i)) {
                    trace.append(forks[i]);
                }
            }
        }
        return units;
    }

    /**
     * Weights units by the inverse of their volatility: stdev-return over the node's window (in percent, sample
     * deviation, not annualised; any common scale cancels in the normalisation). Units with zero volatility, if
     * any, share the whole weight equally (the limit of 1 / volatility); empty when there are no units. A sole unit
     * takes the whole weight whatever its volatility, which is then not read (so it needs no history).
     */
    Allocation inverseVolatility(Node.WeightInverseVolatility node, List<Unit> units, int day, Trace trace) {
        IndicatorSpec spec = Specs.volatility(node.window(), node.position());
        int n = units.size();
        if (n == 1) {
            trace.add(() -> soleUnitStep(node, spec, units.get(0)));
            return units.get(0).allocation();
        }
        double[] volatility = new double[n];
        boolean anyZero = false;
        for (int i = 0; i < n; i++) {
            volatility[i] = rule.measure(units.get(i).source(), spec, day, node);
            anyZero |= volatility[i] == 0.0;
        }
        double[] shares = new double[n];
        double total = 0;
        List<Allocation> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            shares[i] = anyZero ? (volatility[i] == 0.0 ? 1.0 : 0.0) : 1.0 / volatility[i];
            total += shares[i];
            parts.add(units.get(i).allocation());
        }
        double sum = total;
        trace.add(() -> step(node, spec, units, volatility, shares, sum));
        return Weighting.proportional(parts, shares);
    }

    /** Orders numbers with -0.0 equal to 0.0, so such ties keep source order. */
    private static int compare(double a, double b) {
        return a < b ? -1 : (a > b ? 1 : 0);
    }

    private static DecisionStep soleUnitStep(Node.WeightInverseVolatility node, IndicatorSpec spec, Unit unit) {
        String label = Labels.of(unit.source());
        return new DecisionStep("weight-inverse-volatility", node.position().toString(), "weights by 1 / "
                + spec.describe() + ": only " + label + " holds something, so it takes the whole weight",
                Map.of("weight " + label, 1.0));
    }

    private static DecisionStep step(Node.WeightInverseVolatility node, IndicatorSpec spec, List<Unit> units,
            double[] volatility, double[] shares, double total) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> taken = new LinkedHashMap<>();
        StringBuilder summary = new StringBuilder("weights by 1 / " + spec.describe() + ":");
        for (int i = 0; i < units.size(); i++) {
            String label = Labels.unique(units.get(i).source(), taken);
            taken.put(label, volatility[i]);
            values.put("volatility " + label, volatility[i]);
            values.put("weight " + label, shares[i] / total);
            summary.append(i == 0 ? " " : ", ").append(label).append(" volatility ")
                    .append(Labels.number(volatility[i])).append(" weight ").append(Labels.number(shares[i] / total));
        }
        return new DecisionStep("weight-inverse-volatility", node.position().toString(),
                units.isEmpty() ? "no child holds anything" : summary.toString(), values);
    }

    /**
     * The filter's step. It is fragile when the last kept and the first dropped candidate's scores are within the
     * margin ({@link Closeness}); a filter that keeps every candidate drops none and is never fragile.
     */
    private DecisionStep step(Node.Filter filter, IndicatorSpec spec, double[] scores, List<Integer> ranked, int day,
            double margin) {
        int count = Math.min(filter.selection().count(), ranked.size());
        List<Integer> kept = ranked.subList(0, count);
        List<Node> children = filter.children();
        Map<String, Double> values = new LinkedHashMap<>();
        String[] labels = new String[children.size()];
        for (int i = 0; i < children.size(); i++) {
            labels[i] = Labels.unique(children.get(i), values);
            values.put(labels[i], scores[i]);
        }
        StringBuilder summary = new StringBuilder(filter.selection().order().operator() + " "
                + filter.selection().count() + " of " + children.size() + " by " + spec.describe() + " on "
                + market.table().day(day) + ": kept");
        for (int rank = 0; rank < kept.size(); rank++) {
            int i = kept.get(rank);
            values.put("kept " + labels[i], rank + 1.0);
            summary.append(rank == 0 ? " " : ", ").append(labels[i]).append(" (").append(Labels.number(scores[i]))
                    .append(')');
        }
        if (kept.isEmpty()) {
            summary.append(" nothing: no child holds anything");
        }
        Optional<DecisionStep.Fragility> fragility = count < ranked.size()
                ? Closeness.fragility(scores[ranked.get(count - 1)], scores[ranked.get(count)], margin)
                : Optional.empty();
        return new DecisionStep("filter", filter.position().toString(), summary.toString(), values, fragility);
    }
}
