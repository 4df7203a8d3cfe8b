package io.alchemiser.core.testing;

import io.alchemiser.core.domain.event.DomainEvent;
import io.alchemiser.core.port.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An event bus that keeps every event published and delivers to subscribers synchronously. Thread-safe. */
public final class RecordingEventBus implements EventBus {
    private final List<DomainEvent> published = new CopyOnWriteArrayList<>();
    private final List<Subscription<?>> subscribers = new CopyOnWriteArrayList<>();

    private record Subscription<E extends DomainEvent>(Class<E> type, Consumer<? super E> subscriber) {
        void deliver(DomainEvent e) {
            if (type.isInstance(e)) {
                subscriber.accept(type.cast(e));
            }
        }
    }

    @Override
    public void publish(DomainEvent event) {
        published.add(event);
        subscribers.forEach(s -> s.deliver(event));
    }

    @Override
    public <E extends DomainEvent> AutoCloseable subscribe(Class<E> type, Consumer<? super E> subscriber) {
        Subscription<E> s = new Subscription<>(type, subscriber);
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    public List<DomainEvent> published() {
        return new ArrayList<>(published);
    }

    /** The events of one type, in order. */
    public <E extends DomainEvent> List<E> of(Class<E> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
