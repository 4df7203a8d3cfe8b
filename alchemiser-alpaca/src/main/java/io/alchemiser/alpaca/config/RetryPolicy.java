package io.alchemiser.alpaca.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the adapters retry a call to Alpaca.
 *
 * <ul>
 *   <li>{@code maxAttempts}: attempts in total, the first included (1 means never retry), 1 to 20.</li>
 *   <li>{@code initialBackoff}, {@code maxBackoff}: exponential backoff after a server error (5xx), a timeout or a
 *       network failure: the n-th retry waits a random time between half and all of
 *       {@code min(maxBackoff, initialBackoff * 2^(n-1))} ("equal jitter"), so parallel callers spread out. These
 *       retries apply to idempotent calls only (GET, DELETE); an order submit is reconciled instead.</li>
 *   <li>{@code maxRetryAfter}: the longest wait honoured for an HTTP 429; Alpaca's {@code Retry-After} header, or
 *       else its {@code X-RateLimit-Reset} epoch second, says how long. A 429 means the request was not processed,
 *       so it is retried for every method, submits included. A wait longer than this fails at once as rate-limited
 *       rather than stalling the run.</li>
 * </ul>
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** The longest backoff accepted. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** The longest rate-limit wait accepted. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("retry maxAttempts must be 1..20, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0
                || maxBackoff.compareTo(MAX_BACKOFF) > 0) {
            throw new IllegalArgumentException("retry backoff must satisfy 0 <= initial <= max <= " + MAX_BACKOFF
                    + ", got " + initialBackoff + " and " + maxBackoff);
        }
        if (maxRetryAfter.isNegative() || maxRetryAfter.compareTo(MAX_RETRY_AFTER) > 0) {
            throw new IllegalArgumentException("retry maxRetryAfter must be 0 to " + MAX_RETRY_AFTER + ", got "
                    + maxRetryAfter);
        }
    }

    /** Four attempts, 250 ms doubling to at most 5 s, and rate-limit waits of up to 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /** One attempt and no waiting: every failure surfaces at once. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The upper bound of the wait before retry number {@code retry} (1-based); the actual wait is jittered
     * between half of it and all of it.
     */
    public Duration backoffCeiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        long initial = initialBackoff.toNanos();
        long ceiling = maxBackoff.toNanos();
        long wait = initial;
        for (int i = 1; i < retry && wait < ceiling; i++) {
            wait = wait > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : wait * 2;
        }
        return Duration.ofNanos(Math.min(wait, ceiling));
    }
}
