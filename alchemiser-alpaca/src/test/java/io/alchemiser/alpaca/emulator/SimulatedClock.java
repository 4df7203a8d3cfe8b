package io.alchemiser.alpaca.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A clock that moves only when told: {@link #advance}, {@link #set}, or a {@link SimulatedSleeper} sleeping on it.
 * Listeners hear every move (after it happened, on the thread that moved it), which is how an
 * {@link AlpacaEmulator} on this clock fills resting orders and expires day orders as time passes. Time never moves
 * backwards. Thread-safe.
 */
public final class SimulatedClock extends Clock {
    private volatile Instant now;
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();

    public SimulatedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock forward by {@code d} (zero or more) and tells the listeners. */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: " + d);
        }
        Instant moved;
        synchronized (this) {
            now = now.plus(d);
            moved = now;
        }
        listeners.forEach(l -> l.accept(moved));
    }

    /** Moves the clock to {@code instant}, which must not be earlier than now, and tells the listeners. */
    public void set(Instant instant) {
        synchronized (this) {
            if (instant.isBefore(now)) {
                throw new IllegalArgumentException("a clock cannot go back from " + now + " to " + instant);
            }
            now = instant;
        }
        listeners.forEach(l -> l.accept(instant));
    }

    /** Hears every move of the clock. */
    public void onMove(Consumer<Instant> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
