package io.alchemiser.dsl.compile;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import io.alchemiser.dsl.read.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One allocation operator of a symphony tree, with where it is written. Nodes are immutable and validated when
 * built; lists of children are never empty except for an {@code if} without an else-branch.
 *
 * <p>Equality is structural (records) and walks the whole subtree, so per-node caches should key on identity
 * ({@link java.util.IdentityHashMap}). {@code toString()} is shallow: it counts children instead of printing them.
 */
public sealed interface Node {

    SourcePosition position();

    /** The nodes directly below this one, in source order (for an {@code if}: then-branch, then else-branch). */
    List<Node> children();

    <R> R accept(Visitor<R> visitor);

    /** One method per operator: adding a node type is a compile error in every pass over the tree. */
    interface Visitor<R> {
        R visitAsset(Asset asset);

        R visitWeightEqual(WeightEqual node);

        R visitWeightSpecified(WeightSpecified node);

        R visitWeightInverseVolatility(WeightInverseVolatility node);

        R visitGroup(Group group);

        R visitIf(If node);

        R visitFilter(Filter filter);
    }

    /** {@code (asset "SPY" "SPDR S&P 500")}: hold one symbol. {@code name} is the display name, if given. */
    record Asset(Symbol symbol, Optional<String> name, SourcePosition position) implements Node {
        public Asset {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Node> children() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAsset(this);
        }
    }

    /** {@code (weight-equal [children])}: split equally among the children that allocate something. */
    record WeightEqual(List<Node> children, SourcePosition position) implements Node {
        public WeightEqual {
            children = Nodes.nonEmpty("weight-equal", children);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String toString() {
            return "WeightEqual[" + Nodes.count(children) + " at " + position + "]";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitWeightEqual(this);
        }
    }

    /**
     * {@code (weight-specified w1 c1 w2 c2 ...)}: child i gets {@code weights.get(i)}. Weights are the written
     * ones normalised to sum to 1 (exports round to four digits, so {@code 0.3333} three times is accepted).
     */
    record WeightSpecified(List<Double> weights, List<Node> children, SourcePosition position) implements Node {
        private static final double TOLERANCE = 1e-9;

        public WeightSpecified {
            weights = List.copyOf(weights);
            children = Nodes.nonEmpty("weight-specified", children);
            Objects.requireNonNull(position, "position");
            if (weights.size() != children.size()) {
                throw new IllegalArgumentException("weight-specified has " + weights.size() + " weights for "
                        + children.size() + " children");
            }
            double sum = 0;
            for (double weight : weights) {
                if (!(weight >= 0 && weight <= 1)) {
                    throw new IllegalArgumentException("weight-specified weights are in [0, 1], got " + weight);
                }
                sum += weight;
            }
            if (Math.abs(sum - 1) > TOLERANCE) {
                throw new IllegalArgumentException("weight-specified weights sum to 1, got " + sum);
            }
        }

        @Override
        public String toString() {
            return "WeightSpecified[weights=" + weights + ", " + Nodes.count(children) + " at " + position + "]";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitWeightSpecified(this);
        }
    }

    /** {@code (weight-inverse-volatility N [children])}: weights proportional to 1 / stdev of N-day returns. */
    record WeightInverseVolatility(int window, List<Node> children, SourcePosition position) implements Node {
        public WeightInverseVolatility {
            Windows.require("weight-inverse-volatility", "window", window);
            children = Nodes.nonEmpty("weight-inverse-volatility", children);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String toString() {
            return "WeightInverseVolatility[window=" + window + ", " + Nodes.count(children) + " at " + position + "]";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitWeightInverseVolatility(this);
        }
    }

    /**
     * {@code (group "name" [children])}: a named container, transparent for weights. When it has several
     * children they share its weight equally, as in {@code weight-equal}.
     */
    record Group(String name, List<Node> children, SourcePosition position) implements Node {
        public Group {
            Objects.requireNonNull(name, "name");
            children = Nodes.nonEmpty("group", children);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String toString() {
            return "Group[name=" + name + ", " + Nodes.count(children) + " at " + position + "]";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitGroup(this);
        }
    }

    /**
     * {@code (if condition [then] [else])}: allocate to {@code then} when the condition holds, else to
     * {@code otherwise}. A branch written as a vector of several nodes shares the branch's weight equally; an
     * absent else-branch is an empty list and allocates nothing.
     */
    record If(Condition condition, List<Node> then, List<Node> otherwise, SourcePosition position) implements Node {
        public If {
            Objects.requireNonNull(condition, "condition");
            then = Nodes.nonEmpty("if then-branch", then);
            otherwise = List.copyOf(otherwise);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String toString() {
            return "If[" + condition + ", then " + Nodes.count(then) + ", else " + Nodes.count(otherwise) + " at " + position + "]";
        }

        @Override
        public List<Node> children() {
            List<Node> all = new ArrayList<>(then.size() + otherwise.size());
            all.addAll(then);
            all.addAll(otherwise);
            return List.copyOf(all);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitIf(this);
        }
    }

    /**
     * {@code (filter (indicator {:window N}) (select-top K) [children])}: rank the children by the indicator
     * (each applied to the child's own prices or allocation history) and keep {@code selection.count()}.
     */
    record Filter(IndicatorSpec ranking, Selection selection, List<Node> children, SourcePosition position)
            implements Node {
        public Filter {
            Objects.requireNonNull(ranking, "ranking");
            Objects.requireNonNull(selection, "selection");
            children = Nodes.nonEmpty("filter", children);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String toString() {
            return "Filter[" + ranking + " " + selection + ", " + Nodes.count(children) + " at " + position + "]";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitFilter(this);
        }
    }
}
