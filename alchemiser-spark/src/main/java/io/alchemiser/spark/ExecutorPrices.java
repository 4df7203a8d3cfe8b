package io.alchemiser.spark;

import io.alchemiser.examples.research.PriceSource;
import io.alchemiser.examples.research.ResearchJob;
import io.alchemiser.examples.research.SharedPrices;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The price table of the job an executor is working on, loaded once per executor process (JVM) by the first task
 * that needs it and shared read-only by every task after it, concurrent ones included. One table is kept: a task of
 * another job (other prices, symbols or last day) replaces it.
 */
final class ExecutorPrices {
    private static final Object LOCK = new Object();
    private static final AtomicInteger LOADS = new AtomicInteger();
    private static Key current;
    private static SharedPrices prices;

    private ExecutorPrices() {
    }

    /** What identifies a price table. */
    private record Key(PriceSource source, LocalDate through, Set<String> symbols) {
    }

    /** The job's price table, loaded now if this process has not loaded it yet. */
    static SharedPrices of(ResearchJob job) {
        Key key = new Key(job.prices(), job.settings().to(), job.symbols());
        synchronized (LOCK) {
            if (!key.equals(current)) {
                prices = SharedPrices.of(job);
                current = key;
                LOADS.incrementAndGet();
            }
            return Objects.requireNonNull(prices);
        }
    }

    /** How many tables this process has loaded (for the tests). */
    static int loads() {
        return LOADS.get();
    }
}
