package io.alchemiser.core.domain.event;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a run: what it targeted, what its latest round planned, every trade of every round of the day, the
 * equity before the first round and after the last, and notes for people (reconciliation after an interruption,
 * account warnings, dust left unsent).
 */
public record RunSummary(RunId runId, LocalDate tradingDate, boolean dryRun, MergedPortfolio portfolio,
        RebalancePlan plan, List<TradeRecord> trades, BigDecimal equityBefore, BigDecimal equityAfter,
        List<String> notes) {
    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(tradingDate, "tradingDate");
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(plan, "plan");
        trades = List.copyOf(trades);
        notes = List.copyOf(notes);
    }

    /** A summary without notes. */
    public RunSummary(RunId runId, LocalDate tradingDate, boolean dryRun, MergedPortfolio portfolio,
            RebalancePlan plan, List<TradeRecord> trades, BigDecimal equityBefore, BigDecimal equityAfter) {
        this(runId, tradingDate, dryRun, portfolio, plan, trades, equityBefore, equityAfter, List.of());
    }

    /** Trades the broker rejected (or that could not be placed for good). */
    public long failedCount() {
        return trades.stream().filter(t -> t.status() == TradeStatus.FAILED).count();
    }
}
