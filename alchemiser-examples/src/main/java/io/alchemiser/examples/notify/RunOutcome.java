package io.alchemiser.examples.notify;

import io.alchemiser.core.domain.event.OrderFailed;
import io.alchemiser.core.domain.event.OrderFilled;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a summary says about one run, gathered by {@link RunNotifier} from the run's events (and, for a
 * failed run, the ledger). {@code tradingDate} is {@code null} when unknown; {@code summary} is present for a
 * completed run only; {@code failureReason} for a failed one; {@code tradesNote} says why the trade list may be
 * incomplete, else {@code null}.
 */
record RunOutcome(String runId, LocalDate tradingDate, boolean completed, boolean dryRun, String failureReason,
        RunSummary summary, List<TradeRecord> trades, String tradesNote, List<OrderFilled> fills,
        List<OrderFailed> orderFailures, ProfitAndLoss pnl) {
    RunOutcome {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(pnl, "pnl");
        trades = List.copyOf(trades);
        fills = List.copyOf(fills);
        orderFailures = List.copyOf(orderFailures);
        if (completed == (failureReason != null)) {
            throw new IllegalArgumentException(runId + ": a completed run has no failure reason; a failed run has one");
        }
    }

    /**
     * Trades that ended with a reason: rejected, failed to place, or stopped part-way. A filled trade is never one,
     * whatever note it carries (recorded from the broker's orders after an interruption, a remainder below the
     * minimum order left unsent).
     */
    List<TradeRecord> tradeFailures() {
        return trades.stream().filter(t -> t.status() != TradeStatus.FILLED && t.reason() != null
                && !t.reason().isBlank()).toList();
    }

    /** Failed orders whose trade is not in {@link #tradeFailures()} (e.g. a failed run whose ledger was not read). */
    List<OrderFailed> otherOrderFailures() {
        return orderFailures.stream().filter(f -> tradeFailures().stream()
                .noneMatch(t -> t.symbol().equals(f.symbol()) && t.side() == f.side())).toList();
    }

    /** Whether a person should look: the run failed or something in it did. */
    boolean needsAttention() {
        return !completed || !tradeFailures().isEmpty() || !orderFailures.isEmpty();
    }
}
