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
 * warm-up bars), holding an asset (its first bar), the volatility of an inverse-volatility child, and the
 * allocation history of a ranked subtree (the subtree's own start, plus the indicator's warm-up in trading days).
 * Walks the tree with an explicit stack.
 */
final class HistoryStartFinder {
    private static final int NEVER = Integer.MAX_VALUE;

    private final SymphonyRun run;
    private final PriceTable table;
    private final Map<Node, Requirement> earliest = new IdentityHashMap<>();

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
            Requirement own = own(node);
            earliest.put(node, needed == null ? own : own == null ? needed : needed.later(own));
        }
        Requirement start = earliest.get(root);
        if (start.day == NEVER) {
            throw new EvaluationException(Reason.INSUFFICIENT_HISTORY, start.position, null, start.text
                    + ", more than the data through " + table.day(table.dayCount() - 1) + " holds");
        }
        return new HistoryStart(table.day(start.day), start.symbol, start.text, start.position);
    }

    private Requirement own(Node node) {
        if (node instanceof Node.Asset) {
            Node.Asset asset = (Node.Asset) node;
            int day = table.dayOfBar(table.id(asset.symbol()), 0);
            return new Requirement(day < 0 ? NEVER : day, asset.symbol(), "holding " + asset.symbol()
                    + " needs its first bar", asset.position());
        }
        if (node instanceof Node.If) {
            Operand.IndicatorValue left = ((Node.If) node).condition().left();
            Requirement needed = operand(left.symbol(), left.indicator(), left.position());
            Operand right = ((Node.If) node).condition().right();
            if (right instanceof Operand.IndicatorValue) {
                Operand.IndicatorValue value = (Operand.IndicatorValue) right;
                needed = needed.later(operand(value.symbol(), value.indicator(), value.position()));
            }
            return needed;
        }
        if (node instanceof Node.Filter) {
            Node.Filter filter = (Node.Filter) node;
            return ranked(filter.children(), filter.ranking(), filter);
        }
        if (node instanceof Node.WeightInverseVolatility) {
            Node.WeightInverseVolatility weighting = (Node.WeightInverseVolatility) node;
            IndicatorSpec volatility = Specs.volatility(weighting.window(), weighting.position());
            Requirement needed = null;
            for (Node child : weighting.children()) {
                List<Node> sources = child instanceof Node.Filter ? child.children() : List.of(child);
                Requirement r = ranked(sources, volatility, weighting);
                needed = needed == null ? r : needed.later(r);
            }
            return needed;
        }
        return null;
    }

    private Requirement operand(Symbol symbol, IndicatorSpec indicator, SourcePosition position) {
        return indicator(symbol, indicator, position);
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
            if (child instanceof Node.Asset) {
                Node.Asset asset = (Node.Asset) child;
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
