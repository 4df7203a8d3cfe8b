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
     * market data an evaluation needs. Walks the tree.
     */
    public SortedSet<Symbol> symbols() {
        SortedSet<Symbol> symbols = new TreeSet<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Node.Asset) {
                symbols.add(((Node.Asset) node).symbol());
            } else if (node instanceof Node.If) {
                Condition condition = ((Node.If) node).condition();
                symbols.add(condition.left().symbol());
                if (condition.right() instanceof Operand.IndicatorValue) {
                    symbols.add(((Operand.IndicatorValue) condition.right()).symbol());
                }
            }
            node.children().forEach(pending::push);
        }
        return Collections.unmodifiableSortedSet(symbols);
    }
}
