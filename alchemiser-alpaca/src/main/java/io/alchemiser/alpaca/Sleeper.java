package io.alchemiser.alpaca;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits. Every pause the adapters take (retry backoff, rate-limit waits, order polling) goes through one of these,
 * so tests can record the waits instead of sleeping, and pair it with a {@link java.time.Clock} they advance.
 */
@FunctionalInterface
public interface Sleeper {

    /** Blocks for {@code duration}; a zero or negative duration returns at once. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: blocks the calling thread. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                TimeUnit.NANOSECONDS.sleep(duration.toNanos());
            }
        };
    }
}
