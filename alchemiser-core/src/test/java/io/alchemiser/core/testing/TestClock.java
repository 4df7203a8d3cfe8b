package io.alchemiser.core.testing;

import io.alchemiser.core.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when told, and is its own {@link Sleeper}: sleeping advances it at once, so tests of
 * services that wait (walk steps, buying power) pass simulated time instantly. Thread-safe.
 */
public final class TestClock extends Clock implements Sleeper {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** {@code date} at {@code hour:minute} New York time. */
    public static TestClock newYork(LocalDate date, int hour, int minute) {
        return new TestClock(date.atTime(LocalTime.of(hour, minute)).atZone(NEW_YORK).toInstant());
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    public synchronized void advance(Duration d) {
        if (!d.isNegative()) {
            now = now.plus(d);
        }
    }

    @Override
    public void sleep(Duration duration) {
        advance(duration);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
