package io.alchemiser.dsl.eval;

import io.alchemiser.dsl.compile.Node;

/**
 * One child as a weighting parent sees it: the node it comes from and what it holds. A {@code filter} hands up one
 * unit per kept child; every other node is one unit. Units never hold nothing.
 */
record Unit(Node source, Allocation allocation) {
}
