package io.alchemiser.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ManualClockTest {
    private static final Instant T0 = Instant.parse("2024-03-04T20:45:00Z");

    @Test
    void timeStandsStillUntilMoved() {
        ManualClock clock = new ManualClock(T0);

        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(clock.advance(Duration.ofSeconds(30))).isEqualTo(T0.plusSeconds(30));
        assertThat(clock.millis()).isEqualTo(T0.plusSeconds(30).toEpochMilli());
        clock.set(T0.minusSeconds(60));
        assertThat(clock.instant()).isEqualTo(T0.minusSeconds(60));
    }

    @Test
    void advanceToNeverGoesBackwards() {
        ManualClock clock = new ManualClock(T0);

        clock.advanceTo(T0.plusSeconds(30));
        clock.advanceTo(T0.plusSeconds(10));

        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(30));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZonedViewSharesTheTime() {
        ManualClock clock = new ManualClock(T0);
        ManualClock newYork = clock.withZone(ZoneId.of("America/New_York"));

        clock.advance(Duration.ofMinutes(5));

        assertThat(newYork.instant()).isEqualTo(T0.plusSeconds(300));
        assertThat(newYork.getZone()).isEqualTo(ZoneId.of("America/New_York"));
        newYork.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void concurrentAdvancesAllCount() throws Exception {
        ManualClock clock = new ManualClock(T0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        clock.advance(Duration.ofMillis(1));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(clock.instant()).isEqualTo(T0.plusMillis(8000));
    }
}
