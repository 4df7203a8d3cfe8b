package io.alchemiser.alpaca;

import java.time.Duration;
import java.util.Objects;

/**
 * What one Alpaca key id has spent of its client-side request budget in this process, across every adapter using
 * the key: requests made (HTTP attempts and stream connections), the most made within any rolling 60 seconds, the
 * budget, and how long callers waited for it. Figures for tests, benchmarks and logs.
 */
public record RequestStats(long requests, int peakPerMinute, int budgetPerMinute, Duration throttled) {
    public RequestStats {
        Objects.requireNonNull(throttled, "throttled");
    }
}
