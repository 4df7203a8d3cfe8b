package io.alchemiser.core.application.execution;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How orders are worked.
 *
 * @param steps            walk-the-book limit steps as fractions of the way from the near to the far side of the
 *                         book (default 0.75, 0.85, 0.95); strictly increasing, each in [0, 1]
 * @param stepWait         how long each limit step rests before it is cancelled and re-priced (default 30 s)
 * @param concurrency      orders worked at once within a phase (default 10)
 * @param maxSpread        widest spread, as a fraction of the mid, that is walked as quoted (default 0.02)
 * @param buyingPowerWait  how long to wait after the sells for the account's buying power to reflect them
 */
public record ExecutionSettings(List<Double> steps, Duration stepWait, int concurrency, double maxSpread,
        Duration buyingPowerWait) {
    public ExecutionSettings {
        steps = List.copyOf(steps);
        Objects.requireNonNull(stepWait, "stepWait");
        Objects.requireNonNull(buyingPowerWait, "buyingPowerWait");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("walk-the-book needs at least one limit step");
        }
        double previous = -1;
        for (double f : steps) {
            if (!(f >= 0 && f <= 1) || f <= previous) {
                throw new IllegalArgumentException("walk-the-book steps must be strictly increasing fractions in [0, 1], got " + steps);
            }
            previous = f;
        }
        if (stepWait.isNegative() || stepWait.isZero()) {
            throw new IllegalArgumentException("step wait must be positive, got " + stepWait);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency must be in [1, 64], got " + concurrency);
        }
        if (!(maxSpread > 0 && maxSpread < 1)) {
            throw new IllegalArgumentException("max spread must be a fraction in (0, 1), got " + maxSpread);
        }
    }

    public static ExecutionSettings defaults() {
        return new ExecutionSettings(List.of(0.75, 0.85, 0.95), Duration.ofSeconds(30), 10, 0.02, Duration.ofSeconds(60));
    }

    /** Limit steps plus the final step. */
    public int attempts() {
        return steps.size() + 1;
    }
}
