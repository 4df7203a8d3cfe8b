package io.alchemiser.s3.internal;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Loads each symbol's series at most once and keeps it for the life of the cache (one run), loading many symbols in
 * parallel on a bounded pool that exists only for the duration of one {@link #getAll} call.
 *
 * <p>Concurrent callers asking for the same symbol share one load. A failed load is not cached: the next call tries
 * again. Failures surface as {@link MarketDataException}s; {@link #getAll} reports every symbol that failed, not
 * only the first.
 */
public final class SeriesCache {
    private final Function<Symbol, BarSeries> loader;
    private final int parallelism;
    private final String threadName;
    private final ConcurrentHashMap<Symbol, FutureTask<BarSeries>> loads = new ConcurrentHashMap<>();

    /**
     * @param loader loads one symbol; may throw {@link MarketDataException}
     * @param parallelism the most loads {@link #getAll} runs at once
     * @param threadName prefix of the pool's thread names
     */
    public SeriesCache(Function<Symbol, BarSeries> loader, int parallelism, String threadName) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.loader = Objects.requireNonNull(loader, "loader");
        this.parallelism = parallelism;
        this.threadName = Objects.requireNonNull(threadName, "threadName");
    }

    /** The symbol's series, loading it on this thread if no one has. */
    public BarSeries get(Symbol symbol) {
        FutureTask<BarSeries> load = claim(symbol);
        load.run(); // no-op when another caller already ran it
        return await(symbol, load);
    }

    /**
     * The series of every symbol, in the order given, loading those not yet cached in parallel.
     *
     * @throws MarketDataException naming every symbol that could not be loaded
     */
    public Map<Symbol, BarSeries> getAll(Collection<Symbol> symbols) {
        List<Symbol> distinct = new ArrayList<>(new LinkedHashSet<>(symbols));
        Map<Symbol, FutureTask<BarSeries>> tasks = new LinkedHashMap<>();
        for (Symbol symbol : distinct) {
            tasks.put(symbol, claim(symbol));
        }
        List<FutureTask<BarSeries>> pending = new ArrayList<>();
        for (FutureTask<BarSeries> task : tasks.values()) {
            if (!task.isDone()) {
                pending.add(task);
            }
        }
        if (pending.size() > 1 && parallelism > 1) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, pending.size()),
                    daemonThreads(threadName));
            try {
                pending.forEach(pool::execute);
            } finally {
                pool.shutdown();
            }
        }
        Map<Symbol, BarSeries> out = new LinkedHashMap<>();
        List<MarketDataException> failures = new ArrayList<>();
        for (Map.Entry<Symbol, FutureTask<BarSeries>> e : tasks.entrySet()) {
            e.getValue().run(); // runs here only if no pool took it
            try {
                out.put(e.getKey(), await(e.getKey(), e.getValue()));
            } catch (MarketDataException failure) {
                failures.add(failure);
            }
        }
        if (!failures.isEmpty()) {
            throw combined(failures);
        }
        return out;
    }

    /** Drops every cached series (the next run loads afresh). */
    public void clear() {
        loads.clear();
    }

    private FutureTask<BarSeries> claim(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        return loads.computeIfAbsent(symbol, s -> new FutureTask<>(() -> loader.apply(s)));
    }

    private BarSeries await(Symbol symbol, FutureTask<BarSeries> load) {
        try {
            return load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketDataException("interrupted while loading bars for " + symbol, e);
        } catch (ExecutionException e) {
            loads.remove(symbol, load);
            Throwable cause = e.getCause();
            if (cause instanceof MarketDataException) {
                throw (MarketDataException) cause;
            }
            throw new MarketDataException("cannot load bars for " + symbol + ": " + cause, cause);
        }
    }

    private static MarketDataException combined(List<MarketDataException> failures) {
        if (failures.size() == 1) {
            return failures.get(0);
        }
        StringBuilder message = new StringBuilder("cannot load bars for " + failures.size() + " symbols:");
        for (MarketDataException f : failures) {
            message.append("\n  ").append(f.getMessage());
        }
        MarketDataException combined = new MarketDataException(message.toString(), failures.get(0));
        failures.subList(1, failures.size()).forEach(combined::addSuppressed);
        return combined;
    }

    /** Named daemon threads, so a pool left behind by a crashed caller never keeps the JVM alive. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger next = new AtomicInteger(1);
        return runnable -> {
            Thread t = new Thread(runnable, prefix + "-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
