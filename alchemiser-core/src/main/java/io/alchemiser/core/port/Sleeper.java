package io.alchemiser.core.port;

import java.time.Duration;

/** Waits. Injected so tests and simulations pass time instantly instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Real time: {@link Thread#sleep(long)}; a zero or negative duration returns at once. */
    static Sleeper system() {
        return d -> {
            if (d.isNegative() || d.isZero()) {
                return;
            }
            Thread.sleep(d.toMillis());
        };
    }
}
