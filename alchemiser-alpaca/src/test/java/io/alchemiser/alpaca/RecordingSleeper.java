package io.alchemiser.alpaca;

import io.alchemiser.core.port.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every requested wait and moves the clock by it instead of blocking. */
final class RecordingSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        clock.advance(duration);
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }

    Duration total() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
