package io.alchemiser.core.domain.ledger;

/** How a planned trade ended, as far as the broker has said. */
public enum TradeStatus {
    /** Every planned share filled. */
    FILLED(true),
    /** Some shares filled, then the walk ended (its last order cancelled or expired). */
    PARTIALLY_FILLED(true),
    /** Nothing filled and nothing went wrong (every order of the walk cancelled by us, or expired). */
    UNFILLED(true),
    /** The broker rejected the order (its reason kept), or placing it failed for good. */
    FAILED(true),
    /**
     * The broker could not be reached to learn how an order ended: it may still rest or have filled. Never a
     * failure: a rerun asks the broker and reconciles.
     */
    UNKNOWN(false);

    private final boolean definitive;

    TradeStatus(boolean definitive) {
        this.definitive = definitive;
    }

    /** Whether the broker has given its final answer for the trade. */
    public boolean isDefinitive() {
        return definitive;
    }
}
