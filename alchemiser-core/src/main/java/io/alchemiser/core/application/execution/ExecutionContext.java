package io.alchemiser.core.application.execution;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the executor needs to know about the run it works for: ids for client order ids and events (run and
 * round), the portfolio for attribution, each strategy's decision path (as text) for the ledger, the smallest order
 * worth placing (a remainder below it is dust: left alone, never sent), and the signal that stops it.
 */
public record ExecutionContext(RunId runId, int round, LocalDate tradingDate, String causationId,
        MergedPortfolio portfolio, Map<String, List<String>> decisionPaths, BigDecimal minOrderDollars,
        StopSignal stop) {
    public ExecutionContext {
        Objects.requireNonNull(runId, "runId");
        if (round < 0) {
            throw new IllegalArgumentException("round must not be negative, got " + round);
        }
        Objects.requireNonNull(tradingDate, "tradingDate");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(portfolio, "portfolio");
        decisionPaths = Map.copyOf(decisionPaths);
        Objects.requireNonNull(minOrderDollars, "minOrderDollars");
        if (minOrderDollars.signum() < 0) {
            throw new IllegalArgumentException("the minimum order must not be negative, got " + minOrderDollars);
        }
        Objects.requireNonNull(stop, "stop");
    }

    /** A first-round context that never stops, with a $1 minimum order (the broker's own minimum notional). */
    public static ExecutionContext of(RunId runId, LocalDate tradingDate, String causationId, MergedPortfolio portfolio,
            Map<String, List<String>> decisionPaths) {
        return new ExecutionContext(runId, 0, tradingDate, causationId, portfolio, decisionPaths, BigDecimal.ONE,
                new StopSignal());
    }
}
