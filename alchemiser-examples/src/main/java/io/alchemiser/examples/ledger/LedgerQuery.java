package io.alchemiser.examples.ledger;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.port.Ledger;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Which trades a {@link LedgerReport} shows: those of one run, of one symbol, since a trading date, or all.
 * Immutable.
 */
public final class LedgerQuery {
    /** Every trade this product can have recorded: Alpaca's history starts long after this date. */
    private static final LocalDate BEGINNING = LocalDate.of(1970, 1, 1);

    private enum Kind { ALL, RUN, SYMBOL, SINCE }

    private final Kind kind;
    private final RunId run;
    private final Symbol symbol;
    private final LocalDate since;

    private LedgerQuery(Kind kind, RunId run, Symbol symbol, LocalDate since) {
        this.kind = kind;
        this.run = run;
        this.symbol = symbol;
        this.since = since;
    }

    /** Every trade, oldest trading date first. */
    public static LedgerQuery all() {
        return new LedgerQuery(Kind.ALL, null, null, null);
    }

    /** The trades of one run, in the order they were recorded. */
    public static LedgerQuery run(RunId runId) {
        return new LedgerQuery(Kind.RUN, Objects.requireNonNull(runId, "runId"), null, null);
    }

    /** The trades of one symbol across runs, oldest first. */
    public static LedgerQuery symbol(Symbol symbol) {
        return new LedgerQuery(Kind.SYMBOL, null, Objects.requireNonNull(symbol, "symbol"), null);
    }

    /** The trades with a trading date on or after {@code date}, oldest first. */
    public static LedgerQuery since(LocalDate date) {
        return new LedgerQuery(Kind.SINCE, null, null, Objects.requireNonNull(date, "date"));
    }

    /** The trades this query selects from {@code ledger}. */
    public List<TradeRecord> select(Ledger ledger) {
        switch (kind) {
            case RUN:
                return ledger.trades(run);
            case SYMBOL:
                return ledger.tradesForSymbol(symbol);
            case SINCE:
                return ledger.tradesSince(since);
            default:
                return ledger.tradesSince(BEGINNING);
        }
    }

    /** Whether this is {@link #all()}. */
    boolean isAll() {
        return kind == Kind.ALL;
    }

    /** What the query selects, in words: "run run-2026-07-31", "symbol SPY", "since 2026-07-01", "all trades". */
    public String describe() {
        switch (kind) {
            case RUN:
                return "run " + run;
            case SYMBOL:
                return "symbol " + symbol;
            case SINCE:
                return "since " + since;
            default:
                return "all trades";
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerQuery q && kind == q.kind && Objects.equals(run, q.run)
                && Objects.equals(symbol, q.symbol) && Objects.equals(since, q.since);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, run, symbol, since);
    }

    @Override
    public String toString() {
        return "LedgerQuery[" + describe() + "]";
    }
}
