package io.alchemiser.s3.internal;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one piece of work per symbol on a bounded pool that lives for the job, reports each outcome to a
 * {@link ProgressListener} (calls serialised), and collects a {@link RefreshReport} in the symbols' order. Work that
 * throws a {@link RuntimeException} becomes a failed outcome for its symbol; the other symbols go on.
 */
public final class SymbolJob {
    private SymbolJob() {
    }

    public static RefreshReport run(String task, List<Symbol> symbols, Function<Symbol, SymbolOutcome> work,
            int parallelism, ProgressListener progress) {
        long start = System.nanoTime();
        Object lock = new Object();
        int[] done = {0};
        int total = symbols.size();
        synchronized (lock) {
            progress.started(task, total);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, total)),
                SeriesCache.daemonThreads("alchemiser-" + task));
        List<Future<SymbolOutcome>> futures = new ArrayList<>(total);
        try {
            for (Symbol symbol : symbols) {
                futures.add(pool.submit(() -> {
                    SymbolOutcome outcome = attempt(symbol, work);
                    synchronized (lock) {
                        done[0]++;
                        progress.advanced(outcome, done[0], total);
                    }
                    return outcome;
                }));
            }
            List<SymbolOutcome> outcomes = new ArrayList<>(total);
            for (Future<SymbolOutcome> f : futures) {
                outcomes.add(f.get());
            }
            RefreshReport report = new RefreshReport(outcomes, Duration.ofNanos(System.nanoTime() - start));
            synchronized (lock) {
                progress.finished(report);
            }
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(task + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(task + " failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static SymbolOutcome attempt(Symbol symbol, Function<Symbol, SymbolOutcome> work) {
        try {
            return work.apply(symbol);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return SymbolOutcome.failed(symbol, message);
        }
    }
}
