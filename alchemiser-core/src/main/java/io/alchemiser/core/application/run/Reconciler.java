package io.alchemiser.core.application.run;

import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.BrokerException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a rerun places anything, makes the broker and the ledger agree on what earlier rounds of the day did. The
 * broker is the source of truth: every order of the run still open there is cancelled and its final state awaited;
 * every order of an earlier round the ledger has no trade record for (the process died mid-walk) gets one, built
 * from the broker's orders; a trade recorded {@link TradeStatus#UNKNOWN} has its broker answer noted. The rerun then
 * plans only the residual from the positions the broker reports.
 */
final class Reconciler {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Broker broker;
    private final Clock clock;
    private final Duration cancelWait;

    Reconciler(Broker broker, Clock clock, Duration cancelWait) {
        this.broker = broker;
        this.clock = clock;
        this.cancelWait = cancelWait;
    }

    /** What reconciling found: trade records to append for orders the ledger did not know, and notes for people. */
    record Outcome(List<TradeRecord> adopted, List<String> notes) {
    }

    /**
     * @throws BrokerException if the broker cannot be reached, or an order of the run will not end after its cancel
     */
    Outcome reconcile(RunId runId, LocalDate tradingDate, RunJournal.History history, MergedPortfolio target) {
        List<Order> ours = new ArrayList<>();
        for (Order o : broker.ordersSince(tradingDate.atStartOfDay(MarketClock.MARKET_ZONE).toInstant())) {
            if (o.clientOrderId().partsFor(runId).isPresent()) {
                ours.add(o);
            }
        }
        List<String> notes = new ArrayList<>();
        List<Order> settled = new ArrayList<>();
        for (Order o : ours) {
            settled.add(o.isTerminal() ? o : cancel(o, runId, notes));
        }
        Map<String, TradeRecord> recorded = new LinkedHashMap<>();
        history.trades().forEach(t -> recorded.put(t.key(), t));
        Map<String, List<Order>> byTrade = new TreeMap<>();
        for (Order o : settled) {
            ClientOrderId.Parts p = o.clientOrderId().partsFor(runId).orElseThrow();
            byTrade.computeIfAbsent(TradeRecord.key(runId, p.round(), p.symbol(), p.side()), k -> new ArrayList<>()).add(o);
        }
        List<TradeRecord> adopted = new ArrayList<>();
        for (Map.Entry<String, List<Order>> e : byTrade.entrySet()) {
            TradeRecord known = recorded.get(e.getKey());
            Fills fills = Fills.of(e.getValue());
            if (known == null) {
                ClientOrderId.Parts p = e.getValue().get(0).clientOrderId().partsFor(runId).orElseThrow();
                adopted.add(adopt(runId, p, tradingDate, e.getValue(), fills, target));
                notes.add("adopted " + p.side() + " " + p.symbol() + " of round " + p.round() + " from the broker: "
                        + fills.filled.toPlainString() + " filled in " + e.getValue().size() + " order(s)");
            } else if (known.status() == TradeStatus.UNKNOWN) {
                notes.add(known.side() + " " + known.symbol() + " of round " + known.round() + " was unknown; the broker "
                        + "says " + fills.filled.toPlainString() + " filled" + (fills.filled.compareTo(known.filledQuantity()) == 0
                        ? "" : " (the ledger knew of " + known.filledQuantity().toPlainString() + ")"));
            }
        }
        notes.forEach(n -> log.info("reconcile: {}", n));
        return new Outcome(adopted, notes);
    }

    /** Cancels an open order and waits for it to end; an order that will not end stops the rerun. */
    private Order cancel(Order open, RunId runId, List<String> notes) {
        log.info("{}: order {} ({} {}) is still open at the broker; cancelling it before planning", runId,
                open.clientOrderId(), open.side(), open.symbol());
        broker.cancel(open.id());
        Order latest = open;
        Duration waited = Duration.ZERO;
        while (!latest.isTerminal() && waited.compareTo(cancelWait) < 0) {
            latest = broker.awaitTerminal(open.id(), POLL);
            waited = waited.plus(POLL);
        }
        if (!latest.isTerminal()) {
            throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "order " + open.clientOrderId()
                    + " was asked to cancel but is still " + latest.status() + " after " + cancelWait.toSeconds()
                    + " s; nothing is placed while it may still fill");
        }
        notes.add("cancelled " + open.clientOrderId() + " left open by an earlier round (" + latest.status() + ", "
                + latest.filledQuantity().toPlainString() + " filled)");
        return latest;
    }

    /** The fills of a trade's orders. */
    private record Fills(BigDecimal filled, BigDecimal notional, boolean rejected, String reason) {
        static Fills of(List<Order> orders) {
            BigDecimal filled = BigDecimal.ZERO;
            BigDecimal notional = BigDecimal.ZERO;
            boolean rejected = false;
            String reason = null;
            for (Order o : orders) {
                if (o.filledQuantity().signum() > 0) {
                    filled = filled.add(o.filledQuantity());
                    notional = notional.add(o.filledQuantity().multiply(o.averageFillPrice()));
                }
                if (o.status() == OrderStatus.REJECTED) {
                    rejected = true;
                    reason = o.reason();
                }
            }
            return new Fills(filled, notional, rejected, reason);
        }
    }

    private TradeRecord adopt(RunId runId, ClientOrderId.Parts p, LocalDate date, List<Order> orders, Fills fills,
            MergedPortfolio target) {
        BigDecimal planned = orders.get(0).quantity();
        BigDecimal avg = fills.filled.signum() > 0
                ? fills.notional.divide(fills.filled, Money.MATH).setScale(4, RoundingMode.HALF_EVEN) : null;
        TradeStatus status = fills.filled.compareTo(planned) >= 0 ? TradeStatus.FILLED
                : fills.filled.signum() > 0 ? TradeStatus.PARTIALLY_FILLED
                : fills.rejected ? TradeStatus.FAILED : TradeStatus.UNFILLED;
        String reason = "recorded from the broker's orders after an interruption"
                + (fills.rejected ? ": rejected: " + (fills.reason == null ? "no reason given" : fills.reason) : "");
        ClientOrderId last = orders.stream().map(Order::clientOrderId)
                .max((a, b) -> Integer.compare(a.partsFor(runId).orElseThrow().step(), b.partsFor(runId).orElseThrow().step()))
                .orElseThrow();
        return new TradeRecord(runId, p.round(), date, p.symbol(), p.side(), status, planned, fills.filled, avg, null, null,
                last, orders.size(), target == null ? Map.of() : target.contributors(p.symbol()), List.of(), reason,
                clock.instant());
    }
}
