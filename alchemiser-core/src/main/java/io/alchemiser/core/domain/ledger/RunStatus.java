package io.alchemiser.core.domain.ledger;

/**
 * The life of a daily run, as recorded in the ledger. A run that has a {@link #PLANNED} record and no
 * {@link #COMPLETED} one was interrupted and resumes with its recorded plan. Dry runs record nothing.
 */
public enum RunStatus {
    STARTED, PLANNED, SELLS_DONE, COMPLETED, FAILED
}
