package io.alchemiser.inmemory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test (or a {@link SimulatedBroker} waiting on an order) moves it.
 *
 * <p><b>Threading:</b> every method is safe from several threads; the time is one atomic value, so concurrent
 * {@link #advance} calls add up and concurrent {@link #advanceTo} calls never move time backwards.
 * {@link #withZone} returns a view that shares this clock's time.
 */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock at {@code start}, in {@code zone}. */
    public ManualClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), zone);
    }

    /** A clock at {@code start}, in UTC. */
    public ManualClock(Instant start) {
        this(start, ZoneId.of("UTC"));
    }

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Moves time forward by {@code duration} and returns the new time. */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a manual clock only advances; use set() to go back, got " + duration);
        }
        return now.updateAndGet(t -> t.plus(duration));
    }

    /** Moves time to {@code target} if it is later than now; never moves backwards. Returns the new time. */
    public Instant advanceTo(Instant target) {
        Objects.requireNonNull(target, "target");
        return now.updateAndGet(t -> target.isAfter(t) ? target : t);
    }

    /** Sets the time, forwards or backwards. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public ManualClock withZone(ZoneId newZone) {
        return new ManualClock(now, newZone);
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + ", " + zone + "]";
    }
}
