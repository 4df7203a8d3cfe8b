package io.alchemiser.core.domain.ledger;

/**
 * The life of a daily run, as recorded in the ledger (append-only; the latest record is the run's state). A run
 * executes in one or more rounds on its day: a rerun after an interruption is a new round that reconciles with the
 * broker and trades only what is missing. Dry runs record nothing.
 */
public enum RunStatus {
    /** A round began. */
    STARTED,
    /** The round's plan is decided and recorded; orders may follow. */
    PLANNED,
    /** Every sell of the round has a definitive answer. */
    SELLS_DONE,
    /** Every planned trade has a definitive broker answer and nothing above the minimum trade is left to do. */
    COMPLETED,
    /** The round ended with trades unfilled or unknown at the broker: a rerun the same day retries the residual. */
    INCOMPLETE,
    /** The round was stopped (a signal, a crash noticed on restart); a rerun reconciles and goes on. */
    INTERRUPTED,
    /** The run stopped for a reason it can name (closed market, stale data, ...); see the record's message. */
    FAILED,
    /** The summary of the completed run was delivered to its notification channels. */
    REPORTED
}
