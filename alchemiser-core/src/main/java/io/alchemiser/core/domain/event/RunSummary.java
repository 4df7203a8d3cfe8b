package io.alchemiser.core.domain.event;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The outcome of a run: what it targeted, planned and traded, and the equity before and after. */
public record RunSummary(RunId runId, LocalDate tradingDate, boolean dryRun, MergedPortfolio portfolio,
        RebalancePlan plan, List<TradeRecord> trades, BigDecimal equityBefore, BigDecimal equityAfter) {
    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(tradingDate, "tradingDate");
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(plan, "plan");
        trades = List.copyOf(trades);
    }

    public long failedCount() {
        return trades.stream().filter(t -> t.status() == io.alchemiser.core.domain.ledger.TradeStatus.FAILED).count();
    }
}
