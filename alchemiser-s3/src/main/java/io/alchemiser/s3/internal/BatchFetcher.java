package io.alchemiser.s3.internal;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches bars for many symbols with the source's batched call ({@link PriceHistory#dailyBars(java.util.Collection,
 * LocalDate, LocalDate)}), and isolates the symbols that make a batch fail.
 *
 * <p>A batched call fails as a whole when any symbol fails. The batch is then split in halves and each half asked
 * again, down to single symbols, so one unknown symbol among 100 costs about {@code 2·log2(100) ≈ 14} extra
 * requests and the others still get their bars. When both halves fail with the very message the whole batch
 * failed with, the source is failing whatever it is asked (down, rate-limited, refusing the credentials): every
 * symbol of the batch gets that failure at once instead of one request each.
 */
public final class BatchFetcher {
    /** Points (bars) per batch above which a batch is split: ten pages of Alpaca's 10,000-point limit. */
    public static final int MAX_POINTS_PER_BATCH = 100_000;

    private final PriceHistory source;

    public BatchFetcher(PriceHistory source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * {@code symbols} cut into batches of at most {@code maxSymbols} symbols and, for a long range, at most about
     * {@link #MAX_POINTS_PER_BATCH} bars (at 5 trading days a week), so a batch's answer stays a few pages.
     */
    public static List<List<Symbol>> batches(List<Symbol> symbols, LocalDate from, LocalDate to, int maxSymbols) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        long pointsPerSymbol = Math.max(1, days * 5 / 7);
        int size = (int) Math.max(1, Math.min(maxSymbols, MAX_POINTS_PER_BATCH / pointsPerSymbol));
        List<List<Symbol>> out = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i += size) {
            out.add(List.copyOf(symbols.subList(i, Math.min(symbols.size(), i + size))));
        }
        return out;
    }

    /**
     * The bars of each symbol from {@code from} to {@code to}, or the exception that explains why a symbol has
     * none; every symbol of {@code batch} is a key of the result, and each value is a {@link BarSeries} or a
     * {@link RuntimeException}.
     */
    public Map<Symbol, Object> fetch(List<Symbol> batch, LocalDate from, LocalDate to) {
        Map<Symbol, Object> out = new java.util.LinkedHashMap<>();
        RuntimeException failure = attempt(batch, from, to, out);
        if (failure != null) {
            isolate(batch, failure, from, to, out);
        }
        return out;
    }

    /** Asks for the whole batch; fills {@code out} and returns null, or returns the failure and fills nothing. */
    private RuntimeException attempt(List<Symbol> batch, LocalDate from, LocalDate to, Map<Symbol, Object> out) {
        Map<Symbol, BarSeries> got;
        try {
            got = source.dailyBars(batch, from, to);
        } catch (RuntimeException e) {
            return e;
        }
        for (Symbol s : batch) {
            BarSeries series = got.get(s);
            out.put(s, series != null ? series
                    : new MarketDataException(s + ": the source's batched answer has no series for it"));
        }
        return null;
    }

    private void isolate(List<Symbol> batch, RuntimeException failure, LocalDate from, LocalDate to,
            Map<Symbol, Object> out) {
        if (batch.size() == 1) {
            out.put(batch.get(0), failure);
            return;
        }
        List<Symbol> first = batch.subList(0, batch.size() / 2);
        List<Symbol> second = batch.subList(batch.size() / 2, batch.size());
        RuntimeException firstFailure = attempt(first, from, to, out);
        RuntimeException secondFailure = attempt(second, from, to, out);
        if (firstFailure != null && secondFailure != null && sameMessage(firstFailure, failure)
                && sameMessage(secondFailure, failure)) {
            for (Symbol s : batch) {
                out.put(s, failure);
            }
            return;
        }
        if (firstFailure != null) {
            isolate(first, firstFailure, from, to, out);
        }
        if (secondFailure != null) {
            isolate(second, secondFailure, from, to, out);
        }
    }

    private static boolean sameMessage(RuntimeException a, RuntimeException b) {
        return a.getClass() == b.getClass() && Objects.equals(a.getMessage(), b.getMessage());
    }
}
