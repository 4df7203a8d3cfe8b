package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.dsl.compile.Condition;
import io.alchemiser.dsl.compile.Node;
import io.alchemiser.dsl.compile.Operand;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates nodes to allocations on a day: the one visitor over the tree. Recursion follows the tree, so the
 * stack depth is proportional to the tree's depth (see {@link DeepStack}).
 */
final class Allocator {
    private final SymphonyRun run;
    private final Market market;
    private final Ranking ranking;

    Allocator(SymphonyRun run) {
        this.run = run;
        this.market = run.market();
        this.ranking = new Ranking(this, new Units(this, run.market()), run.market());
    }

    /**
     * What {@code node} holds at the close of calendar day {@code day}. Memoised for ranked subtrees; a recording
     * trace always re-evaluates, so the decision path is complete.
     */
    Allocation allocate(Node node, int day, Trace trace) {
        int slot = run.slot(node);
        if (slot >= 0 && !trace.on()) {
            Allocation known = run.remembered(slot, day);
            if (known != null) {
                return known;
            }
        }
        Allocation allocation = node.accept(new Visit(day, trace));
        if (slot >= 0) {
            run.remember(slot, day, allocation);
        }
        return allocation;
    }

    /** The units of a weighting parent: one per child that holds something, with what it holds ({@link Units}). */
    List<Unit> units(List<Node> nodes, int day, Trace trace) {
        List<Unit> units = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            Allocation allocation = allocate(node, day, trace);
            if (!allocation.isEmpty()) {
                units.add(new Unit(node, allocation));
            }
        }
        return units;
    }

    private Allocation equalOver(List<Node> nodes, int day, Trace trace) {
        return equal(units(nodes, day, trace));
    }

    private Allocation equal(List<Unit> units) {
        List<Allocation> parts = new ArrayList<>(units.size());
        for (Unit unit : units) {
            parts.add(unit.allocation());
        }
        return Weighting.equal(parts);
    }

    private double operand(Operand.IndicatorValue value, int day) {
        IndicatorSpec spec = value.indicator();
        return market.value(market.table().id(value.symbol()), spec, day, value.position());
    }

    private static String describe(Operand.IndicatorValue value) {
        return value.indicator().describe() + " of " + value.symbol();
    }

    /** The visit of one node on one day. */
    private final class Visit implements Node.Visitor<Allocation> {
        private final int day;
        private final Trace trace;

        Visit(int day, Trace trace) {
            this.day = day;
            this.trace = trace;
        }

        @Override
        public Allocation visitAsset(Node.Asset asset) {
            int id = market.table().id(asset.symbol());
            market.requireBar(id, day, asset.position());
            return Allocation.single(id);
        }

        @Override
        public Allocation visitWeightEqual(Node.WeightEqual node) {
            return equalOver(node.children(), day, trace);
        }

        @Override
        public Allocation visitWeightSpecified(Node.WeightSpecified node) {
            List<Allocation> parts = new ArrayList<>(node.children().size());
            double[] shares = new double[node.children().size()];
            for (int i = 0; i < shares.length; i++) {
                parts.add(allocate(node.children().get(i), day, trace));
                shares[i] = node.weights().get(i);
            }
            return Weighting.proportional(parts, shares);
        }

        @Override
        public Allocation visitWeightInverseVolatility(Node.WeightInverseVolatility node) {
            Trace below = trace.fork();
            Allocation allocation = ranking.inverseVolatility(node, units(node.children(), day, below), day, trace);
            trace.append(below);
            return allocation;
        }

        @Override
        public Allocation visitGroup(Node.Group group) {
            return equalOver(group.children(), day, trace);
        }

        @Override
        public Allocation visitIf(Node.If node) {
            Condition condition = node.condition();
            double left = operand(condition.left(), day);
            double right = condition.right() instanceof Operand.Constant
                    ? ((Operand.Constant) condition.right()).value()
                    : operand((Operand.IndicatorValue) condition.right(), day);
            boolean holds = condition.operator().test(left, right);
            List<Node> branch = holds ? node.then() : node.otherwise();
            double margin = trace.fragileMargin();
            trace.add(() -> step(node, left, right, holds, margin));
            return branch.isEmpty() ? Allocation.EMPTY : equalOver(branch, day, trace);
        }

        @Override
        public Allocation visitFilter(Node.Filter filter) {
            return equal(ranking.select(filter, day, trace));
        }

        private DecisionStep step(Node.If node, double left, double right, boolean holds, double margin) {
            Condition condition = node.condition();
            String rightText = condition.right() instanceof Operand.Constant
                    ? Labels.number(right)
                    : describe((Operand.IndicatorValue) condition.right()) + " = " + Labels.number(right);
            String outcome;
            if (holds) {
                outcome = "true: then-branch";
            } else if (node.otherwise().isEmpty()) {
                outcome = "false and there is no else-branch: allocates nothing";
            } else {
                outcome = "false: else-branch";
            }
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("left", left);
            values.put("right", right);
            return new DecisionStep("if", node.position().toString(), describe(condition.left()) + " = "
                    + Labels.number(left) + " " + condition.operator().symbol() + " " + rightText + " is " + outcome,
                    values, Closeness.fragility(left, right, margin));
        }
    }
}
