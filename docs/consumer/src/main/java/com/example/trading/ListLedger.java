package com.example.trading;

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
import java.util.Optional;
import java.util.Set;

/**
 * The host application's own ledger: here two lists, in a real application its database. It implements the
 * {@link Ledger} port and keeps the port's promises: append-only, one trade per key, safe from several threads.
 */
public final class ListLedger implements Ledger {
    /** By trading date; a stable sort keeps the order recorded within a day. */
    private static final Comparator<TradeRecord> OLDEST_FIRST = Comparator.comparing(TradeRecord::tradingDate);

    private final List<TradeRecord> trades = new ArrayList<>();
    private final List<RunRecord> runs = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    @Override
    public synchronized void appendTrade(TradeRecord trade) {
        if (!keys.add(trade.key())) {
            throw new LedgerException("trade " + trade.key() + " is already recorded");
        }
        trades.add(trade);
    }

    @Override
    public synchronized void appendRun(RunRecord run) {
        runs.add(run);
    }

    @Override
    public synchronized List<TradeRecord> trades(RunId runId) {
        return trades.stream().filter(t -> t.runId().equals(runId)).toList();
    }

    @Override
    public synchronized List<TradeRecord> tradesForSymbol(Symbol symbol) {
        return trades.stream().filter(t -> t.symbol().equals(symbol)).sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized List<TradeRecord> tradesSince(LocalDate date) {
        return trades.stream().filter(t -> !t.tradingDate().isBefore(date)).sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized Optional<RunRecord> latestRun(RunId runId) {
        return runs.stream().filter(r -> r.runId().equals(runId)).reduce((a, b) -> b);
    }

    @Override
    public synchronized List<RunRecord> runHistory(RunId runId) {
        return runs.stream().filter(r -> r.runId().equals(runId)).toList();
    }

    @Override
    public synchronized List<RunRecord> runs() {
        Map<RunId, RunRecord> latest = new LinkedHashMap<>();
        runs.forEach(r -> latest.put(r.runId(), r));
        return latest.values().stream().sorted(Comparator.comparing(RunRecord::tradingDate).reversed()).toList();
    }
}
