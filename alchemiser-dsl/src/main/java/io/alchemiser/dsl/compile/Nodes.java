package io.alchemiser.dsl.compile;

import java.util.List;

/** Shared constructor checks and descriptions for nodes. */
final class Nodes {
    private Nodes() {
    }

    /** {@code 1 child} or {@code 3 children}, for the shallow {@code toString()} of nodes. */
    static String count(List<Node> children) {
        return children.size() + (children.size() == 1 ? " child" : " children");
    }

    static List<Node> nonEmpty(String what, List<Node> children) {
        List<Node> copy = List.copyOf(children);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one child");
        }
        return copy;
    }
}
