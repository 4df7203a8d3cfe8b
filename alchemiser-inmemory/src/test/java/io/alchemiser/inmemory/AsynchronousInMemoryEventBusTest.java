package io.alchemiser.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.event.RunFailed;
import io.alchemiser.core.port.EventBus;
import io.alchemiser.core.port.contract.EventBusContract;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsynchronousInMemoryEventBusTest extends EventBusContract {
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Override
    protected EventBus newBus() {
        return InMemoryEventBus.asynchronous(executor);
    }

    @Test
    void aBlockedSubscriberHoldsUpNeitherThePublisherNorAnotherSubscriber() throws Exception {
        InMemoryEventBus bus = InMemoryEventBus.asynchronous(executor);
        CountDownLatch release = new CountDownLatch(1);
        List<RunFailed> fast = new CopyOnWriteArrayList<>();
        bus.subscribe(RunFailed.class, e -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        bus.subscribe(RunFailed.class, fast::add);

        for (int i = 0; i < 50; i++) {
            bus.publish(failed("corr-1", i));
        }

        eventually(() -> assertThat(fast).hasSize(50));
        assertThat(release.getCount()).isEqualTo(1);
        release.countDown();
    }
}
