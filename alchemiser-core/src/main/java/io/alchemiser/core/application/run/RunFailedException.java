package io.alchemiser.core.application.run;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.port.AlchemiserException;

/** A daily run stopped. {@link #beforeOrders()} is true when it stopped before any order was placed. */
public class RunFailedException extends AlchemiserException {
    private final RunId runId;
    private final boolean beforeOrders;

    public RunFailedException(RunId runId, String message, boolean beforeOrders, Throwable cause) {
        super(runId + ": " + message, cause);
        this.runId = runId;
        this.beforeOrders = beforeOrders;
    }

    public RunId runId() {
        return runId;
    }

    public boolean beforeOrders() {
        return beforeOrders;
    }
}
