package io.alchemiser.examples.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While open, turns SIGTERM and SIGINT into a polite stop: the first signal calls {@code onStop} (the daily run stops
 * placing orders, cancels its resting ones and records where it stood) and lets the command finish and exit with its
 * own code and resume hint; a second signal exits at once (130). Closing restores the previous handlers.
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported, present in every JDK since 1.2) through reflection, because
 * a JVM shutdown hook cannot let the command choose its exit code. Where the platform has no such class or refuses a
 * handler, the JVM's default behaviour stays (the process ends; a rerun reconciles).
 */
final class StopOnSignal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StopOnSignal.class);
    private static final int FORCED_EXIT = 130;

    private final List<Object> signals = new ArrayList<>();
    private final List<Object> previous = new ArrayList<>();
    private Method handle;

    private StopOnSignal(Consumer<String> onStop) {
        AtomicInteger received = new AtomicInteger();
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Method name = signalClass.getMethod("getName");
            handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            String signal = "SIG" + name.invoke(args[0]);
                            if (received.incrementAndGet() > 1) {
                                log.warn("second signal {}: exiting now; run again to reconcile", signal);
                                Runtime.getRuntime().halt(FORCED_EXIT);
                            }
                            log.warn("{}: stopping — no new orders; cancelling resting ones and recording the run",
                                    signal);
                            onStop.accept(signal);
                            return null;
                        }
                        return method.getName().equals("toString") ? "StopOnSignal" : method.invoke(this, args);
                    });
            for (String signal : new String[] {"TERM", "INT"}) {
                try {
                    Object s = signalClass.getConstructor(String.class).newInstance(signal);
                    previous.add(handle.invoke(null, s, handler));
                    signals.add(s);
                } catch (ReflectiveOperationException | IllegalArgumentException e) {
                    log.debug("cannot handle SIG{} here: {}", signal, e.toString());
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            log.debug("signal handling is not available on this JVM: {}", e.toString());
        }
    }

    /** Handles SIGTERM and SIGINT by calling {@code onStop} with the signal's name, until closed. */
    static StopOnSignal install(Consumer<String> onStop) {
        return new StopOnSignal(onStop);
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                handle.invoke(null, signals.get(i), previous.get(i));
            } catch (ReflectiveOperationException e) {
                log.debug("could not restore a signal handler: {}", e.toString());
            }
        }
    }
}
