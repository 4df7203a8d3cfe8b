package io.alchemiser.core.domain.ledger;

/** How a planned trade ended. */
public enum TradeStatus {
    /** Every planned share filled. */
    FILLED,
    /** Some shares filled, then the walk ended (cancelled or expired). */
    PARTIALLY_FILLED,
    /** Nothing filled and nothing went wrong (e.g. cancelled at the close). */
    UNFILLED,
    /** The broker rejected the order, or placing it failed; {@code reason} says why. */
    FAILED
}
