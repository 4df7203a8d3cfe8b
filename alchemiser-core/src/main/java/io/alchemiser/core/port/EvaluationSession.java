package io.alchemiser.core.port;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One evaluation run's view of the price history, opened by the caller (the daily run, a backtest, the
 * {@code eval} command) for bars through one date and dropped with the run. Strategies evaluate in it: each
 * symbol's bars are loaded once, from {@link #EARLIEST} (all available history, which seeds RSI) through
 * {@link #through()}, and whatever a strategy caches for the run (indicator series, memoised subtrees) lives in
 * the session's {@linkplain #attachment attachments}, so nothing is cached behind the caller's back and nothing
 * outlives the run.
 *
 * <p><b>Threading:</b> safe to share between threads. Loads of different symbols run at once; no lock is held
 * while bars are read, so strategies evaluated in parallel do not wait on each other's I/O. Two threads asking for
 * the same symbol share one load.
 */
public final class EvaluationSession {
    /** The start of every bar request: before any listing, so the whole history is loaded. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final PriceHistory history;
    private final LocalDate through;
    private final Map<Symbol, CompletableFuture<BarSeries>> bars = new ConcurrentHashMap<>();
    private final Map<Object, CompletableFuture<Object>> attachments = new ConcurrentHashMap<>();

    private EvaluationSession(PriceHistory history, LocalDate through) {
        this.history = Objects.requireNonNull(history, "history");
        this.through = Objects.requireNonNull(through, "through");
    }

    /** A session over {@code history} that can evaluate any date up to and including {@code through}. */
    public static EvaluationSession open(PriceHistory history, LocalDate through) {
        return new EvaluationSession(history, through);
    }

    public PriceHistory history() {
        return history;
    }

    /** The last date bars are loaded for, and so the last date this session can evaluate. */
    public LocalDate through() {
        return through;
    }

    /**
     * The bars of {@code symbols} from {@link #EARLIEST} through {@link #through()}, keyed in the order asked.
     * Symbols not loaded yet are read in one batched request; a symbol the source answers nothing for is an error.
     *
     * @throws MarketDataException naming the symbols that could not be loaded
     */
    public Map<Symbol, BarSeries> bars(Collection<Symbol> symbols) {
        Map<Symbol, CompletableFuture<BarSeries>> wanted = new LinkedHashMap<>();
        Map<Symbol, CompletableFuture<BarSeries>> mine = new LinkedHashMap<>();
        for (Symbol symbol : symbols) {
            CompletableFuture<BarSeries> fresh = new CompletableFuture<>();
            CompletableFuture<BarSeries> existing = bars.putIfAbsent(symbol, fresh);
            wanted.put(symbol, existing == null ? fresh : existing);
            if (existing == null) {
                mine.put(symbol, fresh);
            }
        }
        if (!mine.isEmpty()) {
            load(mine);
        }
        Map<Symbol, BarSeries> out = new LinkedHashMap<>();
        for (Map.Entry<Symbol, CompletableFuture<BarSeries>> e : wanted.entrySet()) {
            out.put(e.getKey(), join(e.getValue()));
        }
        return out;
    }

    private void load(Map<Symbol, CompletableFuture<BarSeries>> mine) {
        try {
            Map<Symbol, BarSeries> answer = history.dailyBars(List.copyOf(mine.keySet()), EARLIEST, through);
            List<Symbol> unanswered = new ArrayList<>();
            for (Map.Entry<Symbol, CompletableFuture<BarSeries>> e : mine.entrySet()) {
                BarSeries series = answer.get(e.getKey());
                if (series == null || !series.symbol().equals(e.getKey())) {
                    unanswered.add(e.getKey());
                } else {
                    e.getValue().complete(series.isEmpty() ? series : series.between(EARLIEST, through));
                }
            }
            if (!unanswered.isEmpty()) {
                throw new MarketDataException("the price history answered no bars for " + unanswered);
            }
        } catch (RuntimeException e) {
            for (Map.Entry<Symbol, CompletableFuture<BarSeries>> m : mine.entrySet()) {
                if (m.getValue().completeExceptionally(e)) {
                    bars.remove(m.getKey(), m.getValue());
                }
            }
        }
    }

    /**
     * What a strategy keeps for this session under {@code key} (compared with {@code equals}), made by
     * {@code factory} on first use. The factory runs without any lock held, so it may read bars or ask for other
     * attachments; two threads asking for the same key at once share one result.
     */
    @SuppressWarnings("unchecked")
    public <T> T attachment(Object key, Supplier<? extends T> factory) {
        Objects.requireNonNull(key, "key");
        CompletableFuture<Object> fresh = new CompletableFuture<>();
        CompletableFuture<Object> existing = attachments.putIfAbsent(key, fresh);
        if (existing != null) {
            return (T) join(existing);
        }
        try {
            fresh.complete(Objects.requireNonNull(factory.get(), "attachment"));
        } catch (RuntimeException | Error e) {
            attachments.remove(key, fresh);
            fresh.completeExceptionally(e);
            throw e;
        }
        return (T) fresh.join();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
