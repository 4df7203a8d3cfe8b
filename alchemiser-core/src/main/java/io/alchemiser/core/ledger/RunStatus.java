package io.alchemiser.core.ledger;

/** The life of a daily run, as recorded in the ledger. The last record of a run is its current state. */
public enum RunStatus {
    STARTED, PLANNED, SELLS_DONE, COMPLETED, DRY_RUN, FAILED;

    /** Whether a run in this state is finished and must not trade again. */
    public boolean isFinal() {
        return this == COMPLETED || this == DRY_RUN;
    }
}
