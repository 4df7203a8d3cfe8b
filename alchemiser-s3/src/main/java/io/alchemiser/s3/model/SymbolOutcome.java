package io.alchemiser.s3.model;

import io.alchemiser.core.domain.Symbol;
import java.util.List;
import java.util.Objects;

/**
 * What a refresh or an import did for one symbol.
 *
 * @param symbol the symbol
 * @param status fetched (the file was written), skipped (nothing to do) or failed (the file is unchanged)
 * @param bars how many bars were added (fetched), 0 otherwise
 * @param detail one sentence for people: what was written, why it was skipped, or why it failed
 * @param adjustments the re-adjustments (splits, dividends) the refresh applied to the stored history; empty unless
 *     fetched
 */
public record SymbolOutcome(Symbol symbol, Status status, int bars, String detail, List<Adjustment> adjustments) {

    /** The three outcomes a report counts. */
    public enum Status {
        /** New bars were fetched and the file was rewritten. */
        FETCHED,
        /** The file was already up to date, or the source had nothing newer; nothing was written. */
        SKIPPED,
        /** Something went wrong; the previous file, if any, is unchanged. */
        FAILED
    }

    public SymbolOutcome {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        adjustments = List.copyOf(adjustments);
        if (bars < 0 || (status != Status.FETCHED && bars != 0)) {
            throw new IllegalArgumentException(symbol + ": " + status + " with " + bars + " bars");
        }
        if (status != Status.FETCHED && !adjustments.isEmpty()) {
            throw new IllegalArgumentException(symbol + ": " + status + " with adjustments");
        }
    }

    /** An outcome without adjustments. */
    public SymbolOutcome(Symbol symbol, Status status, int bars, String detail) {
        this(symbol, status, bars, detail, List.of());
    }

    public static SymbolOutcome fetched(Symbol symbol, int bars, String detail) {
        return new SymbolOutcome(symbol, Status.FETCHED, bars, detail);
    }

    /** The file was rewritten with {@code bars} new bars and the history re-adjusted by {@code adjustments}. */
    public static SymbolOutcome fetched(Symbol symbol, int bars, String detail, List<Adjustment> adjustments) {
        return new SymbolOutcome(symbol, Status.FETCHED, bars, detail, adjustments);
    }

    public static SymbolOutcome skipped(Symbol symbol, String detail) {
        return new SymbolOutcome(symbol, Status.SKIPPED, 0, detail);
    }

    public static SymbolOutcome failed(Symbol symbol, String reason) {
        return new SymbolOutcome(symbol, Status.FAILED, 0, reason);
    }

    @Override
    public String toString() {
        return symbol + " " + status.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail;
    }
}
