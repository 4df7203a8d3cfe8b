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

    /** Bars added over all symbols. */
    public long barsFetched() {
        return outcomes.stream().mapToLong(SymbolOutcome::bars).sum();
    }

    /** One line: counts and time, e.g. {@code 412 symbols: 398 fetched (1194 bars), 12 skipped, 2 failed in 8.1 s}. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%d symbols: %d fetched (%d bars), %d skipped, %d failed in %.1f s",
                outcomes.size(), fetched().size(), barsFetched(), skipped().size(), failed().size(),
                elapsed.toMillis() / 1000.0);
    }

    /** The summary followed by one line per failed symbol. */
    public String describe() {
        if (failed().isEmpty()) {
            return summary();
        }
        return summary() + "\n" + failed().stream().map(o -> "  " + o).collect(Collectors.joining("\n"));
    }

    private List<SymbolOutcome> having(SymbolOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).collect(Collectors.toUnmodifiableList());
    }
}
