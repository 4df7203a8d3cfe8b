package io.alchemiser.alpaca.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Alpaca's request budget as the emulator keeps it: at most {@code budget} requests within any rolling
 * {@code window} (200 a minute by default). A request over budget is refused (HTTP 429) and not counted. Also keeps
 * the figures a test asserts on: the most requests admitted within any window, and how many were refused.
 * Thread-safe.
 */
final class RateWindow {
    /** The verdict on one request. */
    record Verdict(boolean admitted, int limit, int remaining, long resetEpochSecond) {
    }

    private final int budget;
    private final Duration window;
    private final ArrayDeque<Instant> admitted = new ArrayDeque<>();
    private int peak;
    private int refused;
    private long total;

    RateWindow(int budget, Duration window) {
        if (budget < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate budget needs a positive count and window: " + budget + " per "
                    + window);
        }
        this.budget = budget;
        this.window = window;
    }

    synchronized Verdict admit(Instant now) {
        expire(now);
        if (admitted.size() >= budget) {
            refused++;
            return new Verdict(false, budget, 0, reset());
        }
        admitted.addLast(now);
        total++;
        peak = Math.max(peak, admitted.size());
        return new Verdict(true, budget, budget - admitted.size(), reset());
    }

    /** Counts {@code n} requests made now by some other client of the same key. */
    synchronized void spend(int n, Instant now) {
        expire(now);
        for (int i = 0; i < n; i++) {
            admitted.addLast(now);
        }
        peak = Math.max(peak, admitted.size());
    }

    synchronized int peak() {
        return peak;
    }

    synchronized int refused() {
        return refused;
    }

    synchronized long admittedTotal() {
        return total;
    }

    private void expire(Instant now) {
        while (!admitted.isEmpty() && !admitted.peekFirst().plus(window).isAfter(now)) {
            admitted.removeFirst();
        }
    }

    /** When the oldest request in the window leaves it: the epoch second a slot frees. */
    private long reset() {
        Instant oldest = admitted.isEmpty() ? Instant.EPOCH : admitted.peekFirst();
        Instant free = oldest.plus(window);
        return free.getEpochSecond() + (free.getNano() > 0 ? 1 : 0);
    }
}
