package io.alchemiser.examples.liveday;

import io.alchemiser.alpaca.emulator.SimulatedClock;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves a {@link SimulatedClock} in step with real time, so an emulator on it lives through the same seconds as an
 * app that can only wait on real time (the app has no simulated clock against Alpaca), while a test can still jump
 * it forward ({@link #jump}) across time nobody needs to sit through, such as the rest of an outage after the app
 * has given up. Every move settles the emulator's book (fills, expiries) as the clock's listeners hear it.
 */
final class RealTimeClock implements AutoCloseable {
    private static final long TICK_MILLIS = 20;

    private final SimulatedClock clock;
    private final Thread driver;
    private volatile boolean running = true;

    RealTimeClock(Instant start) {
        this.clock = new SimulatedClock(start);
        this.driver = new Thread(this::drive, "emulator-real-time");
        driver.setDaemon(true);
    }

    SimulatedClock clock() {
        return clock;
    }

    /** Starts following real time. */
    RealTimeClock start() {
        driver.start();
        return this;
    }

    /** Moves the emulator's time forward by {@code d} at once, on top of real time. */
    void jump(Duration d) {
        clock.advance(d);
    }

    private void drive() {
        long last = System.nanoTime();
        while (running) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            clock.advance(Duration.ofNanos(now - last));
            last = now;
        }
    }

    @Override
    public void close() {
        running = false;
        driver.interrupt();
    }
}
