package io.alchemiser.core.application.execution;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the executor needs to know about the run it works for: ids for client order ids and events, the
 * portfolio for attribution, and each strategy's decision path (as text) for the ledger.
 */
public record ExecutionContext(RunId runId, LocalDate tradingDate, String causationId, MergedPortfolio portfolio,
        Map<String, List<String>> decisionPaths) {
    public ExecutionContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(tradingDate, "tradingDate");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(portfolio, "portfolio");
        decisionPaths = Map.copyOf(decisionPaths);
    }
}
