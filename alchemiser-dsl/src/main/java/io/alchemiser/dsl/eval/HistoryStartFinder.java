package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.compile.Node;
import io.alchemiser.dsl.compile.Operand;
import io.alchemiser.dsl.eval.EvaluationException.Reason;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import io.alchemiser.dsl.read.SourcePosition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a symphony's {@link HistoryStart}: the latest, over every read the tree can make, of the first day that
 * read has enough history. Reads are: an indicator of a symbol in a condition or a filter over assets (its
 * warm-up bars), holding an asset (its first bar), the volatility of an inverse-volatility child (when it has
 * siblings), and the
 * allocation history of a ranked subtree (the subtree's own start, plus the indicator's warm-up in trading days).
 * Walks the tree with an explicit stack (children before parents, so trees of any depth), and asks each node what it
 * reads through a {@link Node.Visitor}.
 */
final class HistoryStartFinder {
    private static final int NEVER = Integer.MAX_VALUE;

    private final SymphonyRun run;
    private final PriceTable table;
    private final Map<Node, Requirement> earliest = new IdentityHashMap<>();
    private final OwnReads ownReads = new OwnReads();

    private HistoryStartFinder(SymphonyRun run) {
        this.run = run;
        this.table = run.table();
    }

    /** The start of {@code run}'s symphony in its data. */
    static HistoryStart find(SymphonyRun run) {
        return new HistoryStartFinder(run).find();
    }

    /** The first day a read can be made, what it is, and where. */
    private record Requirement(int day, Symbol symbol, String text, SourcePosition position) {
        Requirement later(Requirement other) {
            return other.day > day ? other : this;
        }
    }

    private HistoryStart find() {
        Node root = run.symphony().root();
        Deque<Node> pending = new ArrayDeque<>();
        Deque<Node> postOrder = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            postOrder.push(node);
            node.children().forEach(pending::push);
        }
        while (!postOrder.isEmpty()) {
            Node node = postOrder.pop();
            Requirement needed = null;
            for (Node child : node.children()) {
                needed = needed == null ? earliest.get(child) : needed.later(earliest.get(child));
            }
            Requirement own = node.accept(ownReads);
            earliest.put(node, needed == null ? own : own == null ? needed : needed.later(own));
        }
        Requirement start = earliest.get(root);
        if (start.day == NEVER) {
            throw new EvaluationException(Reason.INSUFFICIENT_HISTORY, start.position, null, start.text
                    + ", more than the data through " + table.day(table.dayCount() - 1) + " holds");
        }
        return new HistoryStart(table.day(start.day), start.symbol, start.text, start.position);
    }

    /**
     * What one node reads itself, given what its children need ({@link #earliest} holds them): a visitor, so a new
     * node type cannot be forgotten here. Nodes that only combine their children read nothing of their own.
     */
    private final class OwnReads implements Node.Visitor<Requirement> {
        @Override
        public Requirement visitAsset(Node.Asset asset) {
            int day = table.dayOfBar(table.id(asset.symbol()), 0);
            return new Requirement(day < 0 ? NEVER : day, asset.symbol(), "holding " + asset.symbol()
                    + " needs its first bar", asset.position());
        }

        @Override
        public Requirement visitWeightEqual(Node.WeightEqual node) {
            return null;
        }

        @Override
        public Requirement visitWeightSpecified(Node.WeightSpecified node) {
            return null;
        }

        @Override
        public Requirement visitWeightInverseVolatility(Node.WeightInverseVolatility node) {
            if (node.children().size() == 1) {
                return null; // a sole child takes the whole weight: its volatility is never read
            }
            return ranked(node.children(), Specs.volatility(node.window(), node.position()), node);
        }

        @Override
        public Requirement visitGroup(Node.Group group) {
            return null;
        }

        @Override
        public Requirement visitIf(Node.If node) {
            Operand.IndicatorValue left = node.condition().left();
            Requirement needed = indicator(left.symbol(), left.indicator(), left.position());
            if (node.condition().right() instanceof Operand.IndicatorValue right) {
                needed = needed.later(indicator(right.symbol(), right.indicator(), right.position()));
            }
            return needed;
        }

        @Override
        public Requirement visitFilter(Node.Filter filter) {
            return ranked(filter.children(), filter.ranking(), filter);
        }
    }

    private Requirement indicator(Symbol symbol, IndicatorSpec spec, SourcePosition position) {
        int day = table.dayOfBar(table.id(symbol), spec.warmup());
        return new Requirement(day < 0 ? NEVER : day, symbol, spec.describe() + " of " + symbol + " needs "
                + (spec.warmup() + 1) + " bars", position);
    }

    /** The latest start among children scored by {@code spec}: assets on their prices, others on their history. */
    private Requirement ranked(List<Node> children, IndicatorSpec spec, Node ranker) {
        Requirement needed = null;
        for (Node child : children) {
            Requirement r;
            Node.Asset asset = Units.pricedAsset(child);
            if (asset != null) {
                r = indicator(asset.symbol(), spec, asset.position());
            } else {
                Requirement inner = earliest.get(child);
                long day = inner.day == NEVER ? NEVER : (long) inner.day + spec.warmup();
                r = new Requirement(day >= table.dayCount() ? NEVER : (int) day, inner.symbol, inner.text + ", then "
                        + spec.warmup() + " trading days of the allocation history of " + Labels.of(child) + " for "
                        + spec.describe() + " read by " + Labels.of(ranker), inner.position);
            }
            needed = needed == null ? r : needed.later(r);
        }
        return needed;
    }
}
