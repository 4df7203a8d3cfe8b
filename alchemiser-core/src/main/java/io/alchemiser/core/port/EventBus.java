package io.alchemiser.core.port;

import io.alchemiser.core.domain.event.DomainEvent;
import java.util.function.Consumer;

/**
 * Publish/subscribe of domain events.
 *
 * <p><b>Threading:</b> {@link #publish} may be called from several threads; each subscriber sees the events
 * published by one thread in order. <b>Guarding:</b> a subscriber that throws or is slow never breaks the
 * publisher or another subscriber; implementations log the failure and go on. <b>Delivery:</b> at most once,
 * in process; durable history is the ledger's job, not the bus's.
 */
public interface EventBus {

    void publish(DomainEvent event);

    /** Subscribes to events of {@code type} (use {@code DomainEvent.class} for all); close to unsubscribe. */
    <E extends DomainEvent> AutoCloseable subscribe(Class<E> type, Consumer<? super E> subscriber);
}
