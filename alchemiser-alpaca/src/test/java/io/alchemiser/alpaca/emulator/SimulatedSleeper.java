package io.alchemiser.alpaca.emulator;

import io.alchemiser.core.port.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Sleeper} that advances a {@link SimulatedClock} instead of waiting, and records every wait. By default a
 * sleep takes no real time; {@link #realTimeDivisor(long)} makes each sleep also wait {@code d / divisor} of real time,
 * so that events arriving on real threads (a WebSocket message) can overtake a simulated wait, as they would in real
 * life, while a simulated minute still passes in well under a real second.
 */
public final class SimulatedSleeper implements Sleeper {
    private final SimulatedClock clock;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final long divisor;

    public SimulatedSleeper(SimulatedClock clock) {
        this(clock, 0);
    }

    private SimulatedSleeper(SimulatedClock clock, long divisor) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.divisor = divisor;
    }

    /** A sleeper on the same clock whose sleeps also take {@code 1/divisor} of their length in real time. */
    public SimulatedSleeper realTimeDivisor(long divisor) {
        if (divisor < 1) {
            throw new IllegalArgumentException("divisor must be at least 1, got " + divisor);
        }
        return new SimulatedSleeper(clock, divisor);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        waits.add(duration);
        if (divisor > 0) {
            long nanos = duration.toNanos() / divisor;
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } else if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while sleeping on a simulated clock");
        }
        clock.advance(duration);
    }

    /** Every wait asked for, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** The sum of the waits. */
    public Duration total() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
