package io.alchemiser.core.port;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.TradeRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of runs and trades. Append-only: nothing is updated or deleted.
 *
 * <p><b>Threading:</b> safe for concurrent appends and reads.
 * <b>Idempotency:</b> a trade record is keyed by {@link TradeRecord#key()} (run, symbol, side); appending a key
 * that exists already fails with {@link LedgerException}, so a resumed run cannot record a trade twice. Run
 * records are appended as the run changes state; the latest is the run's state.
 * <b>Errors:</b> {@link LedgerException} when the store cannot be written or read. Once {@code append*}
 * returns, the record survives a crash of the process (for durable implementations).
 */
public interface Ledger {

    void appendTrade(TradeRecord trade);

    void appendRun(RunRecord run);

    /** Trades of a run, in the order recorded. */
    List<TradeRecord> trades(RunId runId);

    /** Trades of a symbol across runs, oldest first. */
    List<TradeRecord> tradesForSymbol(Symbol symbol);

    /** Trades with a trading date on or after {@code date}, oldest first. */
    List<TradeRecord> tradesSince(LocalDate date);

    /** The latest state of a run, if the ledger has it. */
    Optional<RunRecord> latestRun(RunId runId);

    /** Every state change of a run, oldest first. */
    List<RunRecord> runHistory(RunId runId);

    /** The latest state of every run, most recent trading date first. */
    List<RunRecord> runs();
}
