package io.alchemiser.core.application.execution;

import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.event.Events;
import io.alchemiser.core.domain.event.OrderFailed;
import io.alchemiser.core.domain.event.OrderFilled;
import io.alchemiser.core.domain.event.OrderPlaced;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.domain.portfolio.PlannedTrade;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.BrokerException;
import io.alchemiser.core.port.EventBus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works one planned trade through walk-the-book: each step is its own broker order with the deterministic client
 * order id (run, round, symbol, side, step), and only the unfilled remainder is re-priced at the next step.
 *
 * <p>The broker is the source of truth. A step that does not fill within the step wait is cancelled, and the walk
 * waits for the cancel to land before pricing the next step, so two steps never rest at once. A status check or a
 * cancel that cannot reach the broker never ends the walk with a guess: the order is cancelled in any case (in a
 * {@code finally}), and if its final state still cannot be learned the trade is recorded {@link TradeStatus#UNKNOWN}
 * with what is known, for a rerun to reconcile. A submit whose answer is lost is looked up by its client order id
 * before anything is sent again. A remainder worth less than the minimum order is dust and is never sent; a market
 * buy is sized to what the broker will accept (buying power at the ask plus its collar). A stop signal ends the walk
 * before its next order.
 */
final class OrderWalker {
    private static final Logger log = LoggerFactory.getLogger(OrderWalker.class);
    /**
     * Market buys after the first one capped by the broker's collar: each fills what the cash allows and leaves the
     * collar's share of the rest, so a few more close the gap down to dust.
     */
    private static final int MAX_EXTRA_MARKET_STEPS = 3;
    /** Longest single wait on the broker, so a stop signal is noticed within it. */
    private static final Duration WAIT_SLICE = Duration.ofSeconds(5);

    private final Broker broker;
    /**
     * Market buys of concurrent walks read the buying power and submit one at a time, so each sees the cash the
     * previous one took: sizing them all from one snapshot of the account would over-commit it.
     */
    private final Object marketBuyGate = new Object();
    private final EventBus events;
    private final WalkTheBook pricer;
    private final ExecutionSettings settings;
    private final Clock clock;

    OrderWalker(Broker broker, EventBus events, ExecutionSettings settings, Clock clock) {
        this.broker = broker;
        this.events = events;
        this.pricer = new WalkTheBook(settings);
        this.settings = settings;
        this.clock = clock;
    }

    /** What a walk has learned so far. */
    private static final class Walk {
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        Quote firstQuote;
        ClientOrderId lastId;
        int attempts;
        boolean cappedAtMarket;
        String failure;
        String unknown;
        String note;

        void add(Order order) {
            if (order.filledQuantity().signum() > 0) {
                filled = filled.add(order.filledQuantity());
                notional = notional.add(order.filledQuantity().multiply(order.averageFillPrice()));
            }
        }
    }

    /** Works the trade to the end of its walk and returns the ledger record for it (not yet appended). */
    TradeRecord work(PlannedTrade trade, ExecutionContext ctx, QuoteBoard quotes) {
        Walk walk = new Walk();
        walk.lastId = ClientOrderId.of(ctx.runId(), ctx.round(), trade.symbol(), trade.side(), 0);
        for (int step = 0; step < pricer.attempts() + (walk.cappedAtMarket ? MAX_EXTRA_MARKET_STEPS : 0); step++) {
            BigDecimal remaining = trade.quantity().subtract(walk.filled);
            if (remaining.signum() <= 0 || (!trade.fractional() && remaining.compareTo(BigDecimal.ONE) < 0)) {
                break;
            }
            if (isDust(remaining, trade.price(), ctx)) {
                walk.note = "left " + remaining.toPlainString() + " shares ($" + Money.cash(remaining.multiply(trade.price()))
                        + ") unsent: below the minimum order of $" + Money.cash(ctx.minOrderDollars());
                break;
            }
            if (ctx.stop().isStopped()) {
                walk.note = "stopped before step " + step + ": " + ctx.stop().reason();
                break;
            }
            if (!placeStep(trade, ctx, quotes, walk, step, remaining)) {
                break;
            }
        }
        return record(trade, ctx, walk);
    }

    /** Places and settles one step; false when the walk must end. */
    private boolean placeStep(PlannedTrade trade, ExecutionContext ctx, QuoteBoard quotes, Walk walk, int step,
            BigDecimal remaining) {
        walk.lastId = ClientOrderId.of(ctx.runId(), ctx.round(), trade.symbol(), trade.side(), step);
        Quote quote = quotes.quote(trade.symbol()).orElseGet(() -> {
            log.warn("{}: no live quote; pricing from the planning price {}", trade.symbol(), trade.price());
            return new Quote(trade.symbol(), null, null, trade.price(), clock.instant());
        });
        if (walk.firstQuote == null) {
            walk.firstQuote = quote;
        }
        PricedStep priced = pricer.price(trade.side(), quote, Math.min(step, pricer.attempts() - 1));
        Placed placed;
        if (priced.isMarket() && trade.side() == Side.BUY) {
            synchronized (marketBuyGate) {
                Optional<BigDecimal> affordable = affordableAtMarket(trade, quote, remaining, walk);
                if (affordable.isEmpty()) {
                    return false;
                }
                if (affordable.get().signum() <= 0 || isDust(affordable.get(), trade.price(), ctx)) {
                    walk.note = "no market order for the last " + remaining.toPlainString() + " shares: buying power "
                            + "at the ask plus the broker's " + percent(settings.marketBuyCollar())
                            + " collar does not cover it";
                    return false;
                }
                walk.cappedAtMarket |= affordable.get().compareTo(remaining) < 0;
                placed = place(trade, ctx, walk, step, quote, priced, affordable.get());
            }
        } else {
            placed = place(trade, ctx, walk, step, quote, priced, remaining);
        }
        return placed != null && settleStep(trade, ctx, walk, placed);
    }

    /** An order the broker accepted, and the id of the event that announced it. */
    private record Placed(Order order, String eventId) {
    }

    /** Sends one step's order; null (with the walk's failure or unknown set) when it could not be placed. */
    private Placed place(PlannedTrade trade, ExecutionContext ctx, Walk walk, int step, Quote quote, PricedStep priced,
            BigDecimal quantity) {
        String corr = ctx.runId().value();
        ClientOrderId id = walk.lastId;
        OrderRequest request = priced.isMarket()
                ? OrderRequest.market(id, trade.symbol(), trade.side(), quantity)
                : OrderRequest.limit(id, trade.symbol(), trade.side(), quantity, priced.limitPrice());
        String placedEventId = Events.newId();
        events.publish(new OrderPlaced(placedEventId, corr, ctx.causationId(), clock.instant(), request, quote.bid(),
                quote.ask(), step));
        log.info("{} {} {} at {} ({})", trade.side(), quantity.toPlainString(), trade.symbol(),
                priced.isMarket() ? "market" : priced.limitPrice().toPlainString(), priced.basis());
        try {
            Order order = submit(request);
            walk.attempts++;
            return new Placed(order, placedEventId);
        } catch (BrokerException e) {
            if (e.retryable()) {
                walk.unknown = "could not learn whether " + id + " reached the broker: " + e.getMessage();
            } else {
                walk.failure = e.getMessage();
            }
            events.publish(new OrderFailed(Events.newId(), corr, placedEventId, clock.instant(), id, trade.symbol(),
                    trade.side(), e.getMessage()));
            log.warn("{} {} failed: {}", trade.side(), trade.symbol(), e.getMessage());
            return null;
        }
    }

    /** Settles a placed step and counts its fills; false when the walk must end. */
    private boolean settleStep(PlannedTrade trade, ExecutionContext ctx, Walk walk, Placed placed) {
        String corr = ctx.runId().value();
        ClientOrderId id = walk.lastId;
        Settled settled = settle(placed.order(), ctx);
        walk.add(settled.order);
        if (settled.order.filledQuantity().signum() > 0) {
            events.publish(new OrderFilled(Events.newId(), corr, placed.eventId(), clock.instant(), id, trade.symbol(),
                    trade.side(), settled.order.filledQuantity(), settled.order.averageFillPrice()));
        }
        if (settled.unknown != null) {
            walk.unknown = settled.unknown;
            events.publish(new OrderFailed(Events.newId(), corr, placed.eventId(), clock.instant(), id, trade.symbol(),
                    trade.side(), settled.unknown));
            return false;
        }
        if (settled.order.status() == OrderStatus.REJECTED) {
            walk.failure = "rejected by the broker: " + (settled.order.reason() == null ? "no reason given"
                    : settled.order.reason());
            events.publish(new OrderFailed(Events.newId(), corr, placed.eventId(), clock.instant(), id, trade.symbol(),
                    trade.side(), walk.failure));
            return false;
        }
        return true;
    }

    /** An order at the end of its step, and why its final state is unknown (null when it is known). */
    private record Settled(Order order, String unknown) {
    }

    /**
     * Waits for the step to fill; whatever happens, an order that is not terminal by the end of the wait is
     * cancelled and the cancel awaited. Never throws for a broker that cannot be reached: that is an unknown outcome.
     */
    private Settled settle(Order order, ExecutionContext ctx) {
        Order latest = order;
        BrokerException lastError = null;
        try {
            latest = await(latest, settings.stepWait(), ctx);
        } catch (BrokerException e) {
            lastError = e;
        } finally {
            if (!latest.isTerminal()) {
                try {
                    broker.cancel(latest.id());
                } catch (BrokerException e) {
                    lastError = e;
                }
                try {
                    latest = await(latest, settings.cancelWait(), null);
                } catch (BrokerException e) {
                    lastError = e;
                }
            }
        }
        if (latest.isTerminal()) {
            return new Settled(latest, null);
        }
        String why = "order " + latest.clientOrderId() + " did not reach a final state (last seen " + latest.status()
                + ", " + latest.filledQuantity().toPlainString() + " filled)"
                + (lastError == null ? "" : ": " + lastError.getMessage()) + "; a rerun reconciles it with the broker";
        log.warn(why);
        return new Settled(latest, why);
    }

    /** Waits up to {@code total} in slices, returning early once terminal or (with a context) once stopped. */
    private Order await(Order order, Duration total, ExecutionContext ctx) {
        Order latest = order;
        Duration left = total;
        while (!latest.isTerminal() && left.compareTo(Duration.ZERO) > 0) {
            Duration slice = left.compareTo(WAIT_SLICE) > 0 ? WAIT_SLICE : left;
            latest = broker.awaitTerminal(latest.id(), slice);
            left = left.minus(slice);
            if (ctx != null && ctx.stop().isStopped()) {
                break;
            }
        }
        return latest;
    }

    /**
     * Submits once. If the outcome is unknown (timeout, server error), looks the client order id up before
     * anything else: the order is adopted if it reached the broker, and sent once more only if it did not.
     */
    private Order submit(OrderRequest request) {
        try {
            return broker.submit(request);
        } catch (BrokerException e) {
            if (!e.retryable()) {
                throw e;
            }
            log.warn("submit of {} ended without an answer ({}); looking it up before any resend", request.clientOrderId(),
                    e.getMessage());
            Optional<Order> landed = broker.orderByClientId(request.clientOrderId());
            return landed.orElseGet(() -> broker.submit(request));
        }
    }

    /**
     * The most a market buy may ask for: the remainder, capped so that at the ask plus the broker's collar it fits the
     * account's spendable cash now (open orders already hold theirs). Empty when the account cannot be read.
     */
    private Optional<BigDecimal> affordableAtMarket(PlannedTrade trade, Quote quote, BigDecimal remaining, Walk walk) {
        BigDecimal ask = quote.ask() != null ? quote.ask() : quote.referencePrice();
        if (ask == null) {
            ask = trade.price();
        }
        BigDecimal spendable;
        try {
            spendable = broker.account().spendable();
        } catch (BrokerException e) {
            walk.unknown = "could not read the account before the market order: " + e.getMessage();
            return Optional.empty();
        }
        BigDecimal perShare = ask.multiply(BigDecimal.ONE.add(Money.decimal(settings.marketBuyCollar())), Money.MATH);
        BigDecimal most = Money.quantity(spendable.max(BigDecimal.ZERO).divide(perShare, Money.MATH), trade.fractional());
        return Optional.of(remaining.min(most));
    }

    private static boolean isDust(BigDecimal quantity, BigDecimal price, ExecutionContext ctx) {
        return quantity.multiply(price).compareTo(ctx.minOrderDollars()) < 0;
    }

    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction * 100).stripTrailingZeros().toPlainString() + "%";
    }

    private TradeRecord record(PlannedTrade trade, ExecutionContext ctx, Walk walk) {
        BigDecimal avg = walk.filled.signum() > 0
                ? walk.notional.divide(walk.filled, Money.MATH).setScale(4, RoundingMode.HALF_EVEN) : null;
        boolean dustLeft = walk.note != null && walk.note.startsWith("left ");
        TradeStatus status = walk.unknown != null ? TradeStatus.UNKNOWN
                : walk.filled.compareTo(trade.quantity()) >= 0 || dustLeft && walk.filled.signum() > 0 ? TradeStatus.FILLED
                : walk.filled.signum() > 0 ? TradeStatus.PARTIALLY_FILLED
                : walk.failure != null ? TradeStatus.FAILED : TradeStatus.UNFILLED;
        String reason = walk.unknown != null ? walk.unknown : walk.failure != null ? walk.failure : walk.note;
        Map<String, Double> attribution = ctx.portfolio().contributors(trade.symbol());
        List<String> path = new ArrayList<>();
        for (String strategy : attribution.keySet()) {
            for (String step : ctx.decisionPaths().getOrDefault(strategy, List.of())) {
                path.add(strategy + ": " + step);
            }
        }
        Quote q = walk.firstQuote;
        return new TradeRecord(ctx.runId(), ctx.round(), ctx.tradingDate(), trade.symbol(), trade.side(), status,
                trade.quantity(), walk.filled, avg, q == null ? null : q.bid(), q == null ? null : q.ask(), walk.lastId,
                walk.attempts, attribution, path, reason, clock.instant());
    }
}
