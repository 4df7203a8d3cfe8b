package io.alchemiser.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.event.DomainEvent;
import io.alchemiser.core.domain.event.RunFailed;
import io.alchemiser.core.domain.event.RunStarted;
import io.alchemiser.core.port.EventBus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link EventBus}: typed subscriptions, a throwing subscriber that breaks neither the publisher nor
 * another subscriber, unsubscribing by closing, and per-publisher order under concurrent publishing.
 *
 * <p>Extend it and supply {@link #newBus()}. Delivery may be asynchronous: assertions wait up to
 * {@link #deliveryTimeout()} for events to arrive (a synchronous bus passes at once).
 */
public abstract class EventBusContract {
    private static final Instant AT = Instant.parse("2024-03-04T20:45:00Z");

    /** A new bus with no subscribers. */
    protected abstract EventBus newBus();

    /** How long an asynchronous bus may take to deliver. */
    protected Duration deliveryTimeout() {
        return Duration.ofSeconds(5);
    }

    @Test
    void aSubscriberSeesTheEventsOfItsTypeOnly() throws Exception {
        EventBus bus = newBus();
        List<RunFailed> failed = new CopyOnWriteArrayList<>();
        bus.subscribe(RunFailed.class, failed::add);

        bus.publish(started("corr-1", 0));
        bus.publish(failed("corr-1", 1));

        eventually(() -> assertThat(failed).extracting(RunFailed::eventId).containsExactly("e1"));
    }

    @Test
    void aSubscriberToDomainEventSeesEverything() throws Exception {
        EventBus bus = newBus();
        List<DomainEvent> all = new CopyOnWriteArrayList<>();
        bus.subscribe(DomainEvent.class, all::add);

        bus.publish(started("corr-1", 0));
        bus.publish(failed("corr-1", 1));

        eventually(() -> assertThat(all).extracting(DomainEvent::eventId).containsExactly("e0", "e1"));
    }

    @Test
    void aThrowingSubscriberBreaksNeitherThePublisherNorOtherSubscribers() throws Exception {
        EventBus bus = newBus();
        List<DomainEvent> before = new CopyOnWriteArrayList<>();
        List<DomainEvent> after = new CopyOnWriteArrayList<>();
        bus.subscribe(DomainEvent.class, before::add);
        bus.subscribe(DomainEvent.class, e -> {
            throw new IllegalStateException("subscriber bug");
        });
        bus.subscribe(DomainEvent.class, e -> {
            throw new AssertionError("subscriber assertion");
        });
        bus.subscribe(DomainEvent.class, after::add);

        bus.publish(started("corr-1", 0));
        bus.publish(failed("corr-1", 1));

        eventually(() -> {
            assertThat(before).hasSize(2);
            assertThat(after).extracting(DomainEvent::eventId).containsExactly("e0", "e1");
        });
    }

    @Test
    void closingASubscriptionStopsDeliveryAndClosingTwiceIsHarmless() throws Exception {
        EventBus bus = newBus();
        List<DomainEvent> closed = new CopyOnWriteArrayList<>();
        List<DomainEvent> open = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = bus.subscribe(DomainEvent.class, closed::add);
        bus.subscribe(DomainEvent.class, open::add);

        bus.publish(started("corr-1", 0));
        eventually(() -> assertThat(closed).hasSize(1));
        subscription.close();
        subscription.close();
        bus.publish(failed("corr-1", 1));

        eventually(() -> assertThat(open).hasSize(2));
        assertThat(closed).extracting(DomainEvent::eventId).containsExactly("e0");
    }

    @Test
    void eventsOfOnePublisherArriveInOrder() throws Exception {
        EventBus bus = newBus();
        List<DomainEvent> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(DomainEvent.class, seen::add);

        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            bus.publish(failed("corr-1", i));
            sent.add("e" + i);
        }

        eventually(() -> assertThat(seen).extracting(DomainEvent::eventId).containsExactlyElementsOf(sent));
    }

    @Test
    void concurrentPublishersEachKeepTheirOrderAndNothingIsLost() throws Exception {
        EventBus bus = newBus();
        Map<String, List<Integer>> byPublisher = new ConcurrentHashMap<>();
        bus.subscribe(RunFailed.class, e -> byPublisher
                .computeIfAbsent(e.correlationId(), k -> Collections.synchronizedList(new ArrayList<>()))
                .add(Integer.parseInt(e.eventId().substring(1))));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String corr = "publisher-" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        bus.publish(failed(corr, i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        eventually(() -> {
            assertThat(byPublisher).hasSize(8);
            byPublisher.values().forEach(seq -> {
                synchronized (seq) {
                    assertThat(seq).hasSize(200).isSorted();
                }
            });
        });
    }

    // ---------------------------------------------------------------- fixtures

    protected static RunStarted started(String correlationId, int n) {
        return new RunStarted("e" + n, correlationId, "e0", AT.plusSeconds(n), LocalDate.of(2024, 3, 4), false,
                List.of("alpha"));
    }

    protected static RunFailed failed(String correlationId, int n) {
        return new RunFailed("e" + n, correlationId, "e0", AT.plusSeconds(n), "reason " + n);
    }

    /** Retries {@code assertion} until it passes or the delivery timeout ends (then its last failure is thrown). */
    protected void eventually(Runnable assertion) throws InterruptedException {
        long deadline = System.nanoTime() + deliveryTimeout().toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }
}
