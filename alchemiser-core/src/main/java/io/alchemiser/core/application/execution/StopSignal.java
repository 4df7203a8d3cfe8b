package io.alchemiser.core.application.execution;

/**
 * Asks a running execution to stop placing orders (SIGTERM, SIGINT, a host shutting down). Orders already resting
 * are cancelled by their walks; nothing new is placed once {@link #stop(String)} has been called. Thread-safe; once
 * stopped it stays stopped.
 */
public final class StopSignal {
    private volatile String reason;

    /** Asks the execution to stop; the first reason given is kept. */
    public void stop(String why) {
        if (reason == null) {
            synchronized (this) {
                if (reason == null) {
                    reason = why == null || why.isBlank() ? "stop requested" : why;
                }
            }
        }
    }

    public boolean isStopped() {
        return reason != null;
    }

    /** Why it was stopped, or {@code null} while it runs. */
    public String reason() {
        return reason;
    }
}
