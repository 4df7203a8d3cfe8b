package io.alchemiser.core.application.execution;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How orders are worked.
 *
 * @param steps           walk-the-book limit steps as fractions of the way from the near to the far side of the
 *                        book (default 0.75, 0.85, 0.95); strictly increasing, each in [0, 1]
 * @param stepWait        how long each limit step rests before it is cancelled and re-priced (default 30 s; at most
 *                        10 minutes)
 * @param concurrency     orders worked at once within a phase (default 10, at most 64)
 * @param maxSpread       widest spread, as a fraction of the mid, that is walked as quoted (default 0.02)
 * @param buyingPowerWait how long to wait after the sells for the account's buying power to reflect them (default
 *                        60 s; at most 10 minutes)
 * @param cancelWait      how long to wait for a cancel to land before the order's state counts as unknown (default
 *                        10 s; at most 2 minutes)
 * @param marketBuyCollar the broker's margin on a market buy: it checks buying power at the ask times (1 + collar)
 *                        (Alpaca: 0.02), so the market step of a buy is sized to fit it (default 0.02, in [0, 0.5])
 * @param quoteMaxAge     how old a phase's batched quotes may get before they are fetched again (default 5 s)
 */
public record ExecutionSettings(List<Double> steps, Duration stepWait, int concurrency, double maxSpread,
        Duration buyingPowerWait, Duration cancelWait, double marketBuyCollar, Duration quoteMaxAge) {
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    public ExecutionSettings {
        steps = List.copyOf(steps);
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
        if (steps.size() > 10) {
            throw new IllegalArgumentException("walk-the-book takes at most 10 limit steps, got " + steps.size());
        }
        within("step wait", stepWait, Duration.ofMillis(1), MAX_WAIT);
        within("buying-power wait", buyingPowerWait, Duration.ZERO, MAX_WAIT);
        within("cancel wait", cancelWait, Duration.ofMillis(1), Duration.ofMinutes(2));
        within("quote age", quoteMaxAge, Duration.ZERO, Duration.ofMinutes(1));
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency must be in [1, 64], got " + concurrency);
        }
        if (!(maxSpread > 0 && maxSpread < 1)) {
            throw new IllegalArgumentException("max spread must be a fraction in (0, 1), got " + maxSpread);
        }
        if (!(marketBuyCollar >= 0 && marketBuyCollar <= 0.5)) {
            throw new IllegalArgumentException("market buy collar must be a fraction in [0, 0.5], got " + marketBuyCollar);
        }
    }

    /** The five settings users choose; cancel wait, market-buy collar and quote age take their defaults. */
    public ExecutionSettings(List<Double> steps, Duration stepWait, int concurrency, double maxSpread,
            Duration buyingPowerWait) {
        this(steps, stepWait, concurrency, maxSpread, buyingPowerWait, Duration.ofSeconds(10), 0.02,
                Duration.ofSeconds(5));
    }

    public static ExecutionSettings defaults() {
        return new ExecutionSettings(List.of(0.75, 0.85, 0.95), Duration.ofSeconds(30), 10, 0.02, Duration.ofSeconds(60));
    }

    /** Limit steps plus the final step. */
    public int attempts() {
        return steps.size() + 1;
    }

    private static void within(String what, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, what);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
