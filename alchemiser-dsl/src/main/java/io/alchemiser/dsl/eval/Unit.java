package io.alchemiser.dsl.eval;

import io.alchemiser.dsl.compile.Node;

/**
 * One child as a weighting parent sees it: the node it comes from and what it holds. Every child is one unit, a
 * {@code filter} included ({@link Units}). Units never hold nothing.
 */
record Unit(Node source, Allocation allocation) {
}
