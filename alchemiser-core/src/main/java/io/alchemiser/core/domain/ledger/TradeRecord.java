package io.alchemiser.core.domain.ledger;

import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ledger's record of one planned trade, written once when its walk ends. {@code runId} is the run's
 * correlation id; {@code round} counts the executions of that run on its day (0 the first, 1 the first rerun,
 * ...), since a rerun plans and trades only what the earlier rounds left. {@code bid}/{@code ask} are the quote when the first order was priced ({@code null} if the
 * quote had no such side); {@code averageFillPrice} is {@code null} when nothing filled. {@code attribution}
 * maps strategy name to its share of the portfolio in this symbol; {@code decisionPath} holds the decision
 * steps of the contributing strategies, as text.
 */
public record TradeRecord(RunId runId, int round, LocalDate tradingDate, Symbol symbol, Side side, TradeStatus status,
        BigDecimal plannedQuantity, BigDecimal filledQuantity, BigDecimal averageFillPrice, BigDecimal bid,
        BigDecimal ask, ClientOrderId lastClientOrderId, int attempts, Map<String, Double> attribution,
        List<String> decisionPath, String reason, Instant recordedAt) {
    public TradeRecord {
        Objects.requireNonNull(runId, "runId");
        if (round < 0) {
            throw new IllegalArgumentException("round must not be negative, got " + round);
        }
        Objects.requireNonNull(tradingDate, "tradingDate");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(plannedQuantity, "plannedQuantity");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(lastClientOrderId, "lastClientOrderId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        attribution = Collections.unmodifiableMap(new LinkedHashMap<>(attribution));
        decisionPath = List.copyOf(decisionPath);
        if (filledQuantity.signum() > 0 && averageFillPrice == null) {
            throw new IllegalArgumentException(symbol + ": filled quantity without a fill price");
        }
        if ((status == TradeStatus.FAILED || status == TradeStatus.UNKNOWN) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException(symbol + ": a " + status + " trade needs a reason");
        }
    }

    /** Key of the trade within its run: one record per (run, round, symbol, side). */
    public String key() {
        return key(runId, round, symbol, side);
    }

    /** The key of a trade of (run, round, symbol, side). */
    public static String key(RunId runId, int round, Symbol symbol, Side side) {
        return runId.value() + "/" + round + "/" + symbol.value() + "/" + side.name();
    }
}
