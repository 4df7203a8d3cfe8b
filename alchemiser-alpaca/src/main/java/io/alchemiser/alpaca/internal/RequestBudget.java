package io.alchemiser.alpaca.internal;

import com.google.common.util.concurrent.RateLimiter;
import io.alchemiser.core.domain.Secret;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-side request budget of one Alpaca key id: a Guava {@link RateLimiter} every HTTP request and stream
 * connection made with that key passes through, whichever adapter or adapter instance makes it. Alpaca counts
 * requests per key (200 a minute on the standard plans), so the budget is kept per key too: {@link #forKey} hands
 * every caller with the same key id the same budget.
 *
 * <p><b>The bound.</b> Guava's limiter spaces permits evenly at {@code perMinute / 60} a second and lets at most one
 * second's worth accumulate while idle, so any rolling minute holds at most {@code perMinute + perMinute / 60 + 1}
 * requests: 194 at the default of 190, under Alpaca's 200. Time is real time (the limiter cannot run on a simulated
 * clock); it never sleeps on the adapters' injected {@code Sleeper}.
 *
 * <p><b>Figures.</b> {@link #requests()}, {@link #peakPerMinute()} (the most requests started in any rolling
 * 60 seconds, by the same real-time ticker) and {@link #throttled()} (total time callers waited) are for tests,
 * benchmarks and logs.
 *
 * <p>Thread-safe.
 */
public final class RequestBudget {

    private static final Logger LOG = LoggerFactory.getLogger(RequestBudget.class);
    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();
    private static final ConcurrentMap<Secret, RequestBudget> BY_KEY = new ConcurrentHashMap<>();

    private final RateLimiter limiter;
    private final LongSupplier ticker;
    private final ArrayDeque<Long> lastMinute = new ArrayDeque<>();
    private int perMinute;
    private long requests;
    private int peak;
    private long throttledNanos;

    RequestBudget(int perMinute, LongSupplier ticker) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a request budget needs at least one request a minute, got " + perMinute);
        }
        this.limiter = RateLimiter.create(perMinute / 60.0);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.perMinute = perMinute;
    }

    /**
     * The budget of {@code keyId}, created at {@code perMinute} on first use. When callers with the same key ask for
     * different budgets, the smallest wins (the key's allowance at Alpaca is one, so the strictest caller is right),
     * and a warning says so.
     */
    public static RequestBudget forKey(Secret keyId, int perMinute) {
        Objects.requireNonNull(keyId, "keyId");
        RequestBudget budget = BY_KEY.computeIfAbsent(keyId, k -> new RequestBudget(perMinute, System::nanoTime));
        budget.atMost(perMinute);
        return budget;
    }

    private synchronized void atMost(int requested) {
        if (requested < perMinute) {
            LOG.warn("two Alpaca configurations share a key id with different request budgets ({} and {} a minute);"
                    + " using {}", perMinute, requested, requested);
            perMinute = requested;
            limiter.setRate(requested / 60.0);
        }
    }

    /** Blocks until the budget allows one more request, then counts it. */
    public void acquire() {
        double waitedSeconds = limiter.acquire();
        long now = ticker.getAsLong();
        synchronized (this) {
            requests++;
            throttledNanos += (long) (waitedSeconds * 1e9);
            lastMinute.addLast(now);
            while (now - lastMinute.peekFirst() >= MINUTE_NANOS) {
                lastMinute.removeFirst();
            }
            peak = Math.max(peak, lastMinute.size());
        }
    }

    /** Requests a minute this budget allows. */
    public synchronized int perMinute() {
        return perMinute;
    }

    /** Requests counted since the budget was created. */
    public synchronized long requests() {
        return requests;
    }

    /** The most requests started within any 60 seconds so far. */
    public synchronized int peakPerMinute() {
        return peak;
    }

    /** Total time callers waited for the budget. */
    public synchronized Duration throttled() {
        return Duration.ofNanos(throttledNanos);
    }
}
