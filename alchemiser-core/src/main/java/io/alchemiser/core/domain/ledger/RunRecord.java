package io.alchemiser.core.domain.ledger;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import io.alchemiser.core.domain.strategy.StrategyResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One state change of a daily run. The ledger keeps every change (append-only); the latest is the run's state.
 * From {@link RunStatus#PLANNED} on, {@code portfolio} and {@code plan} hold what the run decided, so an
 * interrupted run resumes with the same plan instead of re-planning against half-traded positions, and
 * {@code evaluations} keep each strategy's weights and decision path (empty before the run planned).
 */
public record RunRecord(RunId runId, LocalDate tradingDate, RunStatus status, Instant at, String message,
        MergedPortfolio portfolio, RebalancePlan plan, List<StrategyResult> evaluations) {
    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(tradingDate, "tradingDate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        message = message == null ? "" : message;
        evaluations = evaluations == null ? List.of() : List.copyOf(evaluations);
        if ((status == RunStatus.PLANNED || status == RunStatus.SELLS_DONE) && plan == null) {
            throw new IllegalArgumentException(runId + ": a " + status + " record must carry the plan");
        }
    }

    /** A record without strategy evaluations. */
    public RunRecord(RunId runId, LocalDate tradingDate, RunStatus status, Instant at, String message,
            MergedPortfolio portfolio, RebalancePlan plan) {
        this(runId, tradingDate, status, at, message, portfolio, plan, List.of());
    }
}
