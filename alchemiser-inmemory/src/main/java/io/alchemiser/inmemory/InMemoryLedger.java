package io.alchemiser.inmemory;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.port.Ledger;
import io.alchemiser.core.port.LedgerException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link Ledger} in memory: append-only lists of trade and run records, lost when the process ends.
 *
 * <p>Keeps every promise of the port: a second trade with the same {@link TradeRecord#key()} is a
 * {@link LedgerException} and leaves the ledger unchanged; queries return unmodifiable snapshots.
 *
 * <p><b>Crash injection:</b> {@link #failAfter(int)} makes every append after the next {@code n} throw (a
 * {@link LedgerException} by default, or any exception given), without recording anything, so a test can stop a run
 * at an exact point and resume it against the same ledger.
 *
 * <p><b>Threading:</b> every method is safe from several threads; appends are serialised, so the key check and the
 * append are one atomic step.
 */
public final class InMemoryLedger implements Ledger {
    private final List<TradeRecord> trades = new ArrayList<>();
    private final Set<String> tradeKeys = new HashSet<>();
    private final List<RunRecord> runRecords = new ArrayList<>();
    private int appends;
    private int failAt = Integer.MAX_VALUE;
    private Supplier<? extends RuntimeException> failure;

    @Override
    public synchronized void appendTrade(TradeRecord trade) {
        Objects.requireNonNull(trade, "trade");
        checkInjectedFailure();
        if (!tradeKeys.add(trade.key())) {
            throw new LedgerException("trade " + trade.key() + " is already recorded; the ledger is append-only");
        }
        trades.add(trade);
        appends++;
    }

    @Override
    public synchronized void appendRun(RunRecord run) {
        Objects.requireNonNull(run, "run");
        checkInjectedFailure();
        runRecords.add(run);
        appends++;
    }

    @Override
    public synchronized List<TradeRecord> trades(RunId runId) {
        return trades.stream().filter(t -> t.runId().equals(runId)).toList();
    }

    @Override
    public synchronized List<TradeRecord> tradesForSymbol(Symbol symbol) {
        return trades.stream().filter(t -> t.symbol().equals(symbol))
                .sorted(Comparator.comparing(TradeRecord::tradingDate)).toList();
    }

    @Override
    public synchronized List<TradeRecord> tradesSince(LocalDate date) {
        return trades.stream().filter(t -> !t.tradingDate().isBefore(date))
                .sorted(Comparator.comparing(TradeRecord::tradingDate)).toList();
    }

    @Override
    public synchronized Optional<RunRecord> latestRun(RunId runId) {
        for (int i = runRecords.size() - 1; i >= 0; i--) {
            if (runRecords.get(i).runId().equals(runId)) {
                return Optional.of(runRecords.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized List<RunRecord> runHistory(RunId runId) {
        return runRecords.stream().filter(r -> r.runId().equals(runId)).toList();
    }

    /** The latest record of each run, most recent trading date first; runs of one date, latest appended first. */
    @Override
    public synchronized List<RunRecord> runs() {
        Map<RunId, RunRecord> latest = new LinkedHashMap<>();
        Map<RunId, Integer> lastIndex = new LinkedHashMap<>();
        for (int i = 0; i < runRecords.size(); i++) {
            RunRecord r = runRecords.get(i);
            latest.put(r.runId(), r);
            lastIndex.put(r.runId(), i);
        }
        Comparator<RunRecord> byDate = Comparator.comparing(RunRecord::tradingDate);
        Comparator<RunRecord> byRecency = byDate.thenComparing(r -> lastIndex.get(r.runId()));
        return latest.values().stream().sorted(byRecency.reversed()).toList();
    }

    /** How many records (trades and runs) have been appended. */
    public synchronized int appendCount() {
        return appends;
    }

    /** After {@code n} more successful appends, every append throws a {@link LedgerException} and records nothing. */
    public void failAfter(int n) {
        failAfter(n, () -> new LedgerException("simulated ledger failure (injected by a test)"));
    }

    /** After {@code n} more successful appends, every append throws what {@code failure} supplies. */
    public synchronized void failAfter(int n, Supplier<? extends RuntimeException> failure) {
        if (n < 0) {
            throw new IllegalArgumentException("append count must not be negative, got " + n);
        }
        this.failAt = appends + n;
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** Undoes {@link #failAfter}: appends succeed again. */
    public synchronized void heal() {
        this.failAt = Integer.MAX_VALUE;
        this.failure = null;
    }

    private void checkInjectedFailure() {
        if (appends >= failAt) {
            throw failure.get();
        }
    }

    @Override
    public synchronized String toString() {
        return "InMemoryLedger[" + trades.size() + " trades, " + runRecords.size() + " run records]";
    }
}
