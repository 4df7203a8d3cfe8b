package io.alchemiser.s3.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The result of a refresh or an import: one {@link SymbolOutcome} per symbol, in the order the symbols were given.
 *
 * @param outcomes per symbol
 * @param elapsed wall time of the whole job
 */
public record RefreshReport(List<SymbolOutcome> outcomes, Duration elapsed) {

    public RefreshReport {
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public List<SymbolOutcome> fetched() {
        return having(SymbolOutcome.Status.FETCHED);
    }

    public List<SymbolOutcome> skipped() {
        return having(SymbolOutcome.Status.SKIPPED);
    }

    public List<SymbolOutcome> failed() {
        return having(SymbolOutcome.Status.FAILED);
    }

    /** Whether every symbol was fetched or skipped. */
    public boolean succeeded() {
        return failed().isEmpty();
    }

    /** Every re-adjustment applied (splits, dividends), in the symbols' order. */
    public List<Adjustment> adjustments() {
        return outcomes.stream().flatMap(o -> o.adjustments().stream()).collect(Collectors.toUnmodifiableList());
    }

    /** Bars added over all symbols. */
    public long barsFetched() {
        return outcomes.stream().mapToLong(SymbolOutcome::bars).sum();
    }

    /**
     * One line: counts and time, e.g. {@code 412 symbols: 398 fetched (1194 bars), 12 skipped, 2 failed in 8.1 s};
     * with {@code , 3 adjustments} before {@code in} when the refresh re-adjusted history.
     */
    public String summary() {
        int adjustments = adjustments().size();
        return String.format(java.util.Locale.ROOT, "%d symbols: %d fetched (%d bars), %d skipped, %d failed%s in %.1f s",
                outcomes.size(), fetched().size(), barsFetched(), skipped().size(), failed().size(),
                adjustments == 0 ? "" : ", " + adjustments + (adjustments == 1 ? " adjustment" : " adjustments"),
                elapsed.toMillis() / 1000.0);
    }

    /** The summary, one line per adjustment ({@link Adjustment#toString()}), then one line per failed symbol. */
    public String describe() {
        StringBuilder out = new StringBuilder(summary());
        for (Adjustment a : adjustments()) {
            out.append("\n  adjusted ").append(a);
        }
        for (SymbolOutcome o : failed()) {
            out.append("\n  ").append(o);
        }
        return out.toString();
    }

    private List<SymbolOutcome> having(SymbolOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).collect(Collectors.toUnmodifiableList());
    }
}
