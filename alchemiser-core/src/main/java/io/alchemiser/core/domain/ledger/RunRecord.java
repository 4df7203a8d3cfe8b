package io.alchemiser.core.domain.ledger;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import io.alchemiser.core.domain.portfolio.SleeveBook;
import io.alchemiser.core.domain.strategy.StrategyResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One state change of a daily run. The ledger keeps every change (append-only); the latest is the run's state.
 * {@code round} counts the executions of the run on its day (0 the first). From {@link RunStatus#PLANNED} on,
 * {@code portfolio} and {@code plan} hold what the round decided: the portfolio is the day's target, kept by every
 * later round so a rerun never re-decides the day on moved prices, and the plan is that round's trades against the
 * positions it found. {@code evaluations} keep each strategy's weights and decision path (empty before planning).
 * {@code sleeves}, when the run decided by sleeves, is what each strategy will hold once the day's trades are done;
 * the next day starts from it.
 */
public record RunRecord(RunId runId, int round, LocalDate tradingDate, RunStatus status, Instant at, String message,
        MergedPortfolio portfolio, RebalancePlan plan, List<StrategyResult> evaluations, SleeveBook sleeves) {
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        if (round < 0) {
            throw new IllegalArgumentException("round must not be negative, got " + round);
        }
        Objects.requireNonNull(tradingDate, "tradingDate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        message = message == null ? "" : message;
        evaluations = evaluations == null ? List.of() : List.copyOf(evaluations);
        if ((status == RunStatus.PLANNED || status == RunStatus.SELLS_DONE) && (plan == null || portfolio == null)) {
            throw new IllegalArgumentException(runId + ": a " + status + " record must carry the portfolio and plan");
        }
    }

    /** A record without a sleeve book. */
    public RunRecord(RunId runId, int round, LocalDate tradingDate, RunStatus status, Instant at, String message,
            MergedPortfolio portfolio, RebalancePlan plan, List<StrategyResult> evaluations) {
        this(runId, round, tradingDate, status, at, message, portfolio, plan, evaluations, null);
    }

    /** A record without a decision: a state change before planning, or after it that repeats nothing. */
    public static RunRecord status(RunId runId, int round, LocalDate tradingDate, RunStatus status, Instant at,
            String message) {
        return new RunRecord(runId, round, tradingDate, status, at, message, null, null, List.of(), null);
    }
}
