package io.alchemiser.dsl.compile;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.read.SourcePosition;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A compiled symphony: its name, options and allocation tree.
 *
 * @param name     the {@code defsymphony} name, or for a bare-expression file the file name without {@code .clj}
 * @param position where the symphony starts ({@code defsymphony}, or the bare root)
 */
public record Symphony(String name, SymphonyOptions options, Node root, SourcePosition position) {

    public Symphony {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(position, "position");
    }

    /** How many allocation nodes the tree holds (assets, weightings, groups, ifs and filters). Walks the tree. */
    public int nodeCount() {
        int count = 0;
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            count++;
            node.children().forEach(pending::push);
        }
        return count;
    }

    /**
     * Every symbol the symphony mentions, held as an asset or read by a condition, in alphabetical order: what
     * market data an evaluation needs. Walks the tree with an explicit stack, so trees of any depth.
     */
    public SortedSet<Symbol> symbols() {
        OwnSymbols own = new OwnSymbols();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            node.accept(own);
            node.children().forEach(pending::push);
        }
        return Collections.unmodifiableSortedSet(own.symbols);
    }

    /** Collects the symbols one node names itself (not its children's): a visitor, so no node type is missed. */
    private static final class OwnSymbols implements Node.Visitor<Void> {
        final SortedSet<Symbol> symbols = new TreeSet<>();

        @Override
        public Void visitAsset(Node.Asset asset) {
            symbols.add(asset.symbol());
            return null;
        }

        @Override
        public Void visitWeightEqual(Node.WeightEqual node) {
            return null;
        }

        @Override
        public Void visitWeightSpecified(Node.WeightSpecified node) {
            return null;
        }

        @Override
        public Void visitWeightInverseVolatility(Node.WeightInverseVolatility node) {
            return null;
        }

        @Override
        public Void visitGroup(Node.Group group) {
            return null;
        }

        @Override
        public Void visitIf(Node.If node) {
            Condition condition = node.condition();
            symbols.add(condition.left().symbol());
            if (condition.right() instanceof Operand.IndicatorValue right) {
                symbols.add(right.symbol());
            }
            return null;
        }

        @Override
        public Void visitFilter(Node.Filter filter) {
            return null;
        }
    }
}
