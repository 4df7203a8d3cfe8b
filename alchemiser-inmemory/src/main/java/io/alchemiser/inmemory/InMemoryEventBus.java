package io.alchemiser.inmemory;

import io.alchemiser.core.domain.event.DomainEvent;
import io.alchemiser.core.port.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process {@link EventBus} that also remembers every event it was given ({@link #published()}), so tests can
 * assert on what a run announced. The memory grows with every event: meant for tests, demos and short-lived apps.
 *
 * <p><b>Delivery:</b> synchronous by default: {@link #publish} returns after every matching subscriber has seen the
 * event, on the publisher's thread. {@link #asynchronous(Executor)} hands each subscriber's events to the executor
 * instead, one at a time and in publication order per subscriber, so a slow subscriber delays only itself.
 * <b>Guarding:</b> a subscriber that throws is logged (SLF4J, at WARN, with the event and its correlation id) and
 * counted ({@link #failureCount()}); the publisher and the other subscribers carry on. Errors that mean the JVM is
 * failing ({@link VirtualMachineError}) are not swallowed.
 * <b>Subscriptions:</b> by type ({@code DomainEvent.class} for all); closing the returned handle unsubscribes, and
 * closing twice does nothing. A subscriber added during a publish may or may not see that event.
 * <b>Threading:</b> every method is safe from several threads.
 */
public final class InMemoryEventBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger(InMemoryEventBus.class);

    private final Executor executor;
    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();
    private final List<DomainEvent> published = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();

    /** A synchronous bus. */
    public InMemoryEventBus() {
        this.executor = null;
    }

    private InMemoryEventBus(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** A bus that delivers on {@code executor}, serially and in order for each subscriber. */
    public static InMemoryEventBus asynchronous(Executor executor) {
        return new InMemoryEventBus(executor);
    }

    @Override
    public void publish(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (published) {
            published.add(event);
        }
        for (Subscription<?> s : subscriptions) {
            s.offer(event);
        }
    }

    @Override
    public <E extends DomainEvent> AutoCloseable subscribe(Class<E> type, Consumer<? super E> subscriber) {
        Subscription<E> s = new Subscription<>(Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(subscriber, "subscriber"));
        subscriptions.add(s);
        return s;
    }

    /** Every event published so far, in the order {@link #publish} was called. */
    public List<DomainEvent> published() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    /** The published events of {@code type}, in order. */
    public <E extends DomainEvent> List<E> published(Class<E> type) {
        return published().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** How many deliveries threw. */
    public long failureCount() {
        return failures.get();
    }

    /** How many subscriptions are open. */
    public int subscriberCount() {
        return subscriptions.size();
    }

    private final class Subscription<E extends DomainEvent> implements AutoCloseable {
        private final Class<E> type;
        private final Consumer<? super E> consumer;
        private final Queue<E> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile boolean closed;

        Subscription(Class<E> type, Consumer<? super E> consumer) {
            this.type = type;
            this.consumer = consumer;
        }

        void offer(DomainEvent event) {
            if (closed || !type.isInstance(event)) {
                return;
            }
            E typed = type.cast(event);
            if (executor == null) {
                deliver(typed);
                return;
            }
            queue.add(typed);
            schedule();
        }

        private void schedule() {
            if (draining.compareAndSet(false, true)) {
                try {
                    executor.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    draining.set(false);
                    log.warn("event executor refused delivery to {}; {} events left undelivered: {}", consumer,
                            queue.size(), e.getMessage());
                }
            }
        }

        private void drain() {
            E next;
            while ((next = queue.poll()) != null) {
                deliver(next);
            }
            draining.set(false);
            if (!queue.isEmpty()) {
                schedule();
            }
        }

        private void deliver(E event) {
            if (closed) {
                return;
            }
            try {
                consumer.accept(event);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                failures.incrementAndGet();
                log.warn("event subscriber {} failed on {} {} (correlation {}); other subscribers are unaffected",
                        consumer, event.getClass().getSimpleName(), event.eventId(), event.correlationId(), t);
            }
        }

        @Override
        public void close() {
            closed = true;
            subscriptions.remove(this);
        }
    }
}
