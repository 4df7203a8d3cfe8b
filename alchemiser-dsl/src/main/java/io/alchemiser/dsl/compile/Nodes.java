package io.alchemiser.dsl.compile;

import java.util.List;

/** Shared constructor checks for nodes. */
final class Nodes {
    private Nodes() {
    }

    static List<Node> nonEmpty(String what, List<Node> children) {
        List<Node> copy = List.copyOf(children);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one child");
        }
        return copy;
    }
}
