package io.alchemiser.examples.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While open, turns SIGTERM and SIGINT into a polite stop: the first signal calls {@code onStop} (the daily run stops
 * placing orders, cancels its resting ones and records where it stood) and lets the command finish and exit with its
 * own code and resume hint; a second signal exits at once (130). Closing restores the previous handlers.
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported, present in every JDK since 1.2), because a JVM shutdown
 * hook cannot let the command choose its exit code. Where the platform refuses a handler, the default behaviour
 * stays.
 */
public final class StopOnSignal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StopOnSignal.class);
    private static final int FORCED_EXIT = 130;

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopOnSignal(Consumer<String> onStop) {
        AtomicInteger received = new AtomicInteger();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler old = Signal.handle(signal, s -> {
                    if (received.incrementAndGet() > 1) {
                        log.warn("second signal SIG{}: exiting now; run again to reconcile", s.getName());
                        Runtime.getRuntime().halt(FORCED_EXIT);
                    }
                    log.warn("SIG{}: stopping — no new orders; cancelling resting ones and recording the run", s.getName());
                    onStop.accept("SIG" + s.getName());
                });
                signals.add(signal);
                previous.add(old);
            } catch (IllegalArgumentException e) {
                log.debug("cannot handle SIG{} here: {}", name, e.getMessage());
            }
        }
    }

    /** Handles SIGTERM and SIGINT by calling {@code onStop} with the signal's name, until closed. */
    public static StopOnSignal install(Consumer<String> onStop) {
        return new StopOnSignal(onStop);
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
