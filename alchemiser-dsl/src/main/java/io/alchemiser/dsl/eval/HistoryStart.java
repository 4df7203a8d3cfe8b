package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.read.SourcePosition;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The first date on which every indicator of a symphony has enough history, whichever branches are taken, and what
 * sets it: a backtest can start there. The evaluation may succeed earlier when the late indicator sits in a branch
 * not taken.
 *
 * @param date        the first trading date with enough history for everything the symphony can read
 * @param symbol      the symbol whose history sets the date
 * @param requirement what needs it, e.g. {@code rsi(window 200) of SPY needs 201 bars}, followed by the allocation
 *                    history a filter or inverse-volatility weighting reads through, if any
 * @param position    where the indicator (or asset) that sets it is written
 */
public record HistoryStart(LocalDate date, Symbol symbol, String requirement, SourcePosition position) {
    public HistoryStart {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(position, "position");
    }

    @Override
    public String toString() {
        return date + ": " + requirement + " (" + position + ")";
    }
}
