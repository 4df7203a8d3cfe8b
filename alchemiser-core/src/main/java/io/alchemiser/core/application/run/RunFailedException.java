package io.alchemiser.core.application.run;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.port.AlchemiserException;
import java.util.Objects;

/**
 * A daily run stopped for a reason it can name ({@link #failure()}). {@link #beforeOrders()} is true when it stopped
 * before any order of this round was placed. The cause, if any, is the project exception behind it.
 */
public class RunFailedException extends AlchemiserException {
    private final RunId runId;
    private final RunFailure failure;
    private final boolean beforeOrders;

    public RunFailedException(RunId runId, RunFailure failure, boolean beforeOrders, Throwable cause) {
        super(runId + ": " + failure.message(), cause);
        this.runId = runId;
        this.failure = Objects.requireNonNull(failure, "failure");
        this.beforeOrders = beforeOrders;
    }

    public RunId runId() {
        return runId;
    }

    public RunFailure failure() {
        return failure;
    }

    public boolean beforeOrders() {
        return beforeOrders;
    }

    /** Whether running again the same day can finish the job. */
    public boolean resumable() {
        return failure.resumable();
    }
}
