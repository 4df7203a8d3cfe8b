package io.alchemiser.examples.research;

import io.alchemiser.core.application.backtest.BacktestProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a job's units on a fixed number of threads of this process: the price table is loaded once
 * ({@link SharedPrices}) and every thread reads it; each unit has its own evaluation session. The pool lives for
 * one {@link #run} and is shut down by it.
 */
public final class LocalExecutor implements UnitExecutor {
    private final int threads;

    /** @throws IllegalArgumentException unless {@code threads >= 1} */
    public LocalExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /** As many threads as the machine has processors. */
    public static LocalExecutor allCores() {
        return new LocalExecutor(Runtime.getRuntime().availableProcessors());
    }

    /** The number of threads. */
    public int threads() {
        return threads;
    }

    @Override
    public List<UnitResult> run(ResearchJob job, BacktestProgress progress) {
        SharedPrices prices = SharedPrices.of(job);
        List<Unit> units = job.units();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, units.size())),
                daemonThreads());
        AtomicInteger done = new AtomicInteger();
        Object oneAtATime = new Object();
        try {
            List<Future<UnitResult>> futures = new ArrayList<>(units.size());
            for (Unit unit : units) {
                futures.add(pool.submit(() -> {
                    UnitResult r = UnitRunner.run(job, unit, prices);
                    synchronized (oneAtATime) {
                        progress.day(done.incrementAndGet(), units.size());
                    }
                    return r;
                }));
            }
            List<UnitResult> results = new ArrayList<>(units.size());
            for (Future<UnitResult> f : futures) {
                results.add(await(f));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static UnitResult await(Future<UnitResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a backtest", e);
        } catch (ExecutionException e) {
            // UnitRunner turns every failure into a result; what reaches here is an Error (out of memory, ...).
            Throwable cause = e.getCause();
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a backtest thread failed: " + cause, cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger next = new AtomicInteger(1);
        return r -> {
            Thread t = new Thread(r, "alchemiser-research-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String describe() {
        return threads + (threads == 1 ? " thread" : " threads") + " on this machine";
    }
}
