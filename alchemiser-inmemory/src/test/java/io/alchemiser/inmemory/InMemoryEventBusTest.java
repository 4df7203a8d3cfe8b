package io.alchemiser.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.event.RunFailed;
import io.alchemiser.core.domain.event.RunStarted;
import io.alchemiser.core.port.EventBus;
import io.alchemiser.core.port.contract.EventBusContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEventBusTest extends EventBusContract {

    @Override
    protected EventBus newBus() {
        return new InMemoryEventBus();
    }

    @Test
    void publishedRemembersEveryEventInOrderAndFiltersByType() {
        InMemoryEventBus bus = new InMemoryEventBus();

        bus.publish(started("corr-1", 0));
        bus.publish(failed("corr-1", 1));
        bus.publish(failed("corr-1", 2));

        assertThat(bus.published()).extracting(e -> e.eventId()).containsExactly("e0", "e1", "e2");
        assertThat(bus.published(RunFailed.class)).extracting(RunFailed::reason).containsExactly("reason 1", "reason 2");
        assertThat(bus.published(RunStarted.class)).hasSize(1);
    }

    @Test
    void deliveryIsSynchronousOnThePublishersThread() {
        InMemoryEventBus bus = new InMemoryEventBus();
        List<Thread> threads = new ArrayList<>();
        bus.subscribe(RunFailed.class, e -> threads.add(Thread.currentThread()));

        bus.publish(failed("corr-1", 0));

        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void failuresAreCountedAndSubscriptionsCanBeCounted() throws Exception {
        InMemoryEventBus bus = new InMemoryEventBus();
        AutoCloseable bad = bus.subscribe(RunFailed.class, e -> {
            throw new IllegalStateException("boom");
        });
        bus.subscribe(RunStarted.class, e -> { });

        bus.publish(failed("corr-1", 0));
        bus.publish(started("corr-1", 1));
        assertThat(bus.failureCount()).isEqualTo(1);
        assertThat(bus.subscriberCount()).isEqualTo(2);

        bad.close();
        bus.publish(failed("corr-1", 2));
        assertThat(bus.failureCount()).isEqualTo(1);
        assertThat(bus.subscriberCount()).isEqualTo(1);
    }
}
