package io.alchemiser.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.alpaca.emulator.AlpacaEmulator;
import io.alchemiser.alpaca.emulator.SimulatedClock;
import io.alchemiser.alpaca.emulator.SimulatedSleeper;
import io.alchemiser.core.domain.Secret;
import io.alchemiser.core.testing.WeekdayCloses;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An {@link AlpacaEmulator} on a simulated clock, and adapter configs pointing at it that share the clock and a
 * simulated sleeper, so that the adapters' waits move the emulator's time. Each instance has its own key id, so the
 * client-side request budgets of different tests never meet.
 */
final class EmulatedAlpaca implements AutoCloseable {
    /** Tuesday 2024-11-26, 10:00 New York: the market is open. */
    static final Instant TUESDAY_10AM = Instant.parse("2024-11-26T15:00:00Z");
    /** Prices: SPY 600, QQQ 500, AAPL 230, TLT 90, on every weekday of November 2024. */
    static final WeekdayCloses PRICES = new WeekdayCloses(LocalDate.of(2024, 11, 1))
            .flat("SPY", "600.00", LocalDate.of(2024, 11, 29), 21)
            .flat("QQQ", "500.00", LocalDate.of(2024, 11, 29), 21)
            .flat("AAPL", "230.00", LocalDate.of(2024, 11, 29), 21)
            .flat("TLT", "90.00", LocalDate.of(2024, 11, 29), 21);

    private static final AtomicInteger KEYS = new AtomicInteger();

    final SimulatedClock clock;
    final SimulatedSleeper sleeper;
    final AlpacaEmulator emulator;

    EmulatedAlpaca(UnaryOperator<AlpacaEmulator.Builder> setup) {
        this(TUESDAY_10AM, setup, 0);
    }

    /**
     * @param realTimeDivisor 0 for sleeps that take no real time; otherwise each simulated sleep also waits
     *     {@code 1/divisor} of its length in real time, so stream messages can overtake it
     */
    EmulatedAlpaca(Instant start, UnaryOperator<AlpacaEmulator.Builder> setup, long realTimeDivisor) {
        this.clock = new SimulatedClock(start);
        SimulatedSleeper instant = new SimulatedSleeper(clock);
        this.sleeper = realTimeDivisor == 0 ? instant : instant.realTimeDivisor(realTimeDivisor);
        int n = KEYS.incrementAndGet();
        this.emulator = setup.apply(AlpacaEmulator.builder().clock(clock).prices(PRICES)
                .keys("PKEMULATED" + n + "KEY000000", "emulated-secret-" + n)).start();
    }

    /** A config for this emulator: its keys and URLs, the shared clock and sleeper, a 2 s poll cycle. */
    AlpacaConfig.Builder config() {
        return AlpacaConfig.builder()
                .keyId(Secret.of(emulator.keyId()))
                .secretKey(Secret.of(emulator.secretKey()))
                .tradingUrl(emulator.tradingUrl())
                .dataUrl(emulator.dataUrl())
                .requestsPerMinute(AlpacaConfig.MAX_REQUESTS_PER_MINUTE)
                .orderPollCycle(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5))
                .clock(clock)
                .sleeper(sleeper);
    }

    /** Synchronisation, not a timing assertion: gives a real-time stream connection up to 10 s to listen. */
    void untilTheStreamListens() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (emulator.streamListeners() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(emulator.streamListeners()).as("stream connections listening").isEqualTo(1);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
