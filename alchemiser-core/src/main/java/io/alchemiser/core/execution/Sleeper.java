package io.alchemiser.core.execution;

import java.time.Duration;

/** Waits. Injected so tests and simulations pass time instantly instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Real time: {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
