package io.alchemiser.examples.notify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channel that keeps what it was sent, or throws when told to. */
final class RecordingChannel implements NotificationChannel {
    final List<RunNotification> sent = new CopyOnWriteArrayList<>();
    private final String name;
    private final RuntimeException failure;

    private RecordingChannel(String name, RuntimeException failure) {
        this.name = name;
        this.failure = failure;
    }

    static RecordingChannel working(String name) {
        return new RecordingChannel(name, null);
    }

    static RecordingChannel failing(String name, RuntimeException failure) {
        return new RecordingChannel(name, failure);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(RunNotification notification) {
        if (failure != null) {
            throw failure;
        }
        sent.add(notification);
    }

    RunNotification only() {
        if (sent.size() != 1) {
            throw new AssertionError(name + " received " + sent.size() + " summaries, expected 1");
        }
        return sent.get(0);
    }
}
