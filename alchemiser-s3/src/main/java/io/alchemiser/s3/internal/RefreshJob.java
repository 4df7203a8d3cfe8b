package io.alchemiser.s3.internal;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A job over many symbols in stages: per-symbol work on a pool of {@code parallelism} threads for storage, batch
 * work on another pool of as many threads for the source (so a batch can wait for its symbols' storage work without
 * starving it). Each symbol's outcome is reported once to the {@link ProgressListener} (calls serialised) as soon as
 * it is known; work that throws a {@link RuntimeException} becomes a failed outcome for its symbol. The report lists
 * the outcomes in the symbols' order.
 */
public final class RefreshJob implements AutoCloseable {
    private final String task;
    private final List<Symbol> symbols;
    private final ProgressListener progress;
    private final ExecutorService storagePool;
    private final ExecutorService batchPool;
    private final Map<Symbol, SymbolOutcome> outcomes = new ConcurrentHashMap<>();
    private final long start = System.nanoTime();
    private final Object lock = new Object();
    private int done;

    /** What one stage made of a symbol: a value for the next stage, or its final outcome. */
    public record Step<T>(T value, SymbolOutcome outcome) {
        public static <T> Step<T> next(T value) {
            return new Step<>(value, null);
        }

        public static <T> Step<T> done(SymbolOutcome outcome) {
            return new Step<>(null, outcome);
        }
    }

    public RefreshJob(String task, List<Symbol> symbols, int parallelism, ProgressListener progress) {
        this.task = task;
        this.symbols = List.copyOf(symbols);
        this.progress = progress;
        int threads = Math.max(1, Math.min(parallelism, this.symbols.size()));
        this.storagePool = Executors.newFixedThreadPool(threads, SeriesCache.daemonThreads("alchemiser-" + task));
        this.batchPool = Executors.newFixedThreadPool(threads, SeriesCache.daemonThreads("alchemiser-" + task
                + "-batch"));
        synchronized (lock) {
            progress.started(task, this.symbols.size());
        }
    }

    /**
     * Runs {@code work} for each symbol in parallel and waits; returns, in order, the values passed on (empty where
     * the symbol's outcome is now known: reported, or failed because the work threw).
     */
    public <T> List<Optional<T>> eachSymbol(List<Symbol> batch, Function<Symbol, Step<T>> work) {
        List<Future<Optional<T>>> futures = new ArrayList<>(batch.size());
        for (Symbol symbol : batch) {
            futures.add(storagePool.submit(() -> {
                try {
                    Step<T> step = work.apply(symbol);
                    if (step.outcome() != null) {
                        finish(step.outcome());
                        return Optional.<T>empty();
                    }
                    return Optional.of(step.value());
                } catch (RuntimeException e) {
                    finish(failure(symbol, e));
                    return Optional.<T>empty();
                }
            }));
        }
        return await(futures);
    }

    /** Runs the final stage for each symbol in parallel and waits. */
    public void finishEach(List<Symbol> batch, Function<Symbol, SymbolOutcome> work) {
        eachSymbol(batch, s -> Step.<Void>done(work.apply(s)));
    }

    /** Runs the batches in parallel on the batch pool and waits for all of them. */
    public void eachBatch(List<Runnable> batches) {
        List<Future<Object>> futures = new ArrayList<>();
        for (Runnable batch : batches) {
            futures.add(batchPool.submit((Callable<Object>) () -> {
                batch.run();
                return null;
            }));
        }
        await(futures);
    }

    /**
     * The report, once every symbol has its outcome; tells the listener the job is over.
     *
     * @throws IllegalStateException if a symbol was left without an outcome (a bug in the caller's stages)
     */
    public RefreshReport report() {
        List<SymbolOutcome> ordered = new ArrayList<>(symbols.size());
        for (Symbol s : symbols) {
            SymbolOutcome o = outcomes.get(s);
            if (o == null) {
                throw new IllegalStateException(task + ": no outcome for " + s);
            }
            ordered.add(o);
        }
        RefreshReport report = new RefreshReport(ordered, Duration.ofNanos(System.nanoTime() - start));
        synchronized (lock) {
            progress.finished(report);
        }
        return report;
    }

    @Override
    public void close() {
        batchPool.shutdownNow();
        storagePool.shutdownNow();
    }

    private void finish(SymbolOutcome outcome) {
        synchronized (lock) {
            if (outcomes.putIfAbsent(outcome.symbol(), outcome) != null) {
                throw new IllegalStateException(task + ": two outcomes for " + outcome.symbol());
            }
            done++;
            progress.advanced(outcome, done, symbols.size());
        }
    }

    private static SymbolOutcome failure(Symbol symbol, RuntimeException e) {
        return SymbolOutcome.failed(symbol, e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private <T> List<T> await(List<Future<T>> futures) {
        List<T> out = new ArrayList<>(futures.size());
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(task + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(task + " failed: " + cause, cause);
        }
    }
}
