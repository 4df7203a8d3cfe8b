package io.alchemiser.core.application.execution;

import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.Quote;
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
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.Quotes;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works one planned trade through walk-the-book: each step is its own broker order with the deterministic
 * client order id (run, symbol, side, step). Before placing a step it asks the broker whether that id exists
 * already (a restarted run adopts it and counts its fills instead of placing it again). A step that does not
 * fill within the step wait is cancelled and only the unfilled remainder is re-priced at the next step.
 */
final class OrderWalker {
    private static final Logger log = LoggerFactory.getLogger(OrderWalker.class);

    private final Broker broker;
    private final Quotes quotes;
    private final EventBus events;
    private final WalkTheBook pricer;
    private final ExecutionSettings settings;
    private final Clock clock;

    OrderWalker(Broker broker, Quotes quotes, EventBus events, ExecutionSettings settings, Clock clock) {
        this.broker = broker;
        this.quotes = quotes;
        this.events = events;
        this.pricer = new WalkTheBook(settings);
        this.settings = settings;
        this.clock = clock;
    }

    /** Works the trade to the end of its walk and returns the ledger record for it (not yet appended). */
    TradeRecord work(PlannedTrade trade, ExecutionContext ctx) {
        String corr = ctx.runId().value();
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal filledNotional = BigDecimal.ZERO;
        Quote firstQuote = null;
        ClientOrderId lastId = ClientOrderId.of(ctx.runId(), trade.symbol(), trade.side(), 0);
        int attempts = 0;
        String failure = null;
        for (int step = 0; step < pricer.attempts(); step++) {
            BigDecimal remaining = trade.quantity().subtract(filled);
            if (remaining.signum() <= 0 || (!trade.fractional() && remaining.compareTo(BigDecimal.ONE) < 0)) {
                break;
            }
            ClientOrderId id = ClientOrderId.of(ctx.runId(), trade.symbol(), trade.side(), step);
            lastId = id;
            String placedEventId = ctx.causationId();
            Order order;
            try {
                Optional<Order> existing = broker.orderByClientId(id);
                if (existing.isPresent()) {
                    order = existing.get();
                    log.info("{} {}: step {} already at the broker as {} ({}), adopting it", trade.side(), trade.symbol(),
                            step, id, order.status());
                } else {
                    Quote quote = quote(trade);
                    if (firstQuote == null) {
                        firstQuote = quote;
                    }
                    PricedStep priced = pricer.price(trade.side(), quote, step);
                    OrderRequest request = priced.isMarket()
                            ? OrderRequest.market(id, trade.symbol(), trade.side(), remaining)
                            : OrderRequest.limit(id, trade.symbol(), trade.side(), remaining, priced.limitPrice());
                    placedEventId = Events.newId();
                    events.publish(new OrderPlaced(placedEventId, corr, ctx.causationId(), clock.instant(), request,
                            quote.bid(), quote.ask(), step));
                    log.info("{} {} {} at {} ({})", trade.side(), remaining.toPlainString(), trade.symbol(),
                            priced.isMarket() ? "market" : priced.limitPrice().toPlainString(), priced.basis());
                    order = submit(request);
                }
                attempts++;
                order = settle(order);
            } catch (BrokerException e) {
                failure = e.getMessage();
                events.publish(new OrderFailed(Events.newId(), corr, placedEventId, clock.instant(), id, trade.symbol(),
                        trade.side(), failure));
                log.warn("{} {} failed: {}", trade.side(), trade.symbol(), failure);
                break;
            }
            if (order.filledQuantity().signum() > 0) {
                filled = filled.add(order.filledQuantity());
                filledNotional = filledNotional.add(order.filledQuantity().multiply(order.averageFillPrice()));
                events.publish(new OrderFilled(Events.newId(), corr, placedEventId, clock.instant(), id, trade.symbol(),
                        trade.side(), order.filledQuantity(), order.averageFillPrice()));
            }
            if (order.status() == OrderStatus.REJECTED) {
                failure = "rejected by the broker: " + (order.reason() == null ? "no reason given" : order.reason());
                events.publish(new OrderFailed(Events.newId(), corr, placedEventId, clock.instant(), id, trade.symbol(),
                        trade.side(), failure));
                break;
            }
            if (!order.isTerminal()) {
                failure = "order " + id + " did not reach a final state after cancel; stopped the walk to avoid a double fill";
                events.publish(new OrderFailed(Events.newId(), corr, placedEventId, clock.instant(), id, trade.symbol(),
                        trade.side(), failure));
                break;
            }
        }
        return record(trade, ctx, filled, filledNotional, firstQuote, lastId, attempts, failure);
    }

    /** Waits for the step to fill; if it does not, cancels it and waits for the cancel to land. */
    private Order settle(Order order) {
        if (!order.isTerminal()) {
            order = broker.awaitTerminal(order.id(), settings.stepWait());
        }
        if (!order.isTerminal()) {
            broker.cancel(order.id());
            order = broker.awaitTerminal(order.id(), settings.stepWait());
        }
        return order;
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

    private Quote quote(PlannedTrade trade) {
        try {
            return quotes.latestQuote(trade.symbol());
        } catch (MarketDataException e) {
            log.warn("{}: no live quote ({}); pricing from the planning price {}", trade.symbol(), e.getMessage(),
                    trade.price());
            return new Quote(trade.symbol(), null, null, trade.price(), clock.instant());
        }
    }

    private TradeRecord record(PlannedTrade trade, ExecutionContext ctx, BigDecimal filled, BigDecimal notional,
            Quote quote, ClientOrderId lastId, int attempts, String failure) {
        BigDecimal avg = filled.signum() > 0 ? notional.divide(filled, Money.MATH).setScale(4, java.math.RoundingMode.HALF_EVEN)
                : null;
        TradeStatus status = filled.compareTo(trade.quantity()) >= 0 ? TradeStatus.FILLED
                : filled.signum() > 0 ? TradeStatus.PARTIALLY_FILLED
                : failure != null ? TradeStatus.FAILED : TradeStatus.UNFILLED;
        Map<String, Double> attribution = ctx.portfolio().contributors(trade.symbol());
        List<String> path = new ArrayList<>();
        for (String strategy : attribution.keySet()) {
            for (String step : ctx.decisionPaths().getOrDefault(strategy, List.of())) {
                path.add(strategy + ": " + step);
            }
        }
        return new TradeRecord(ctx.runId(), ctx.tradingDate(), trade.symbol(), trade.side(), status, trade.quantity(),
                filled, avg, quote == null ? null : quote.bid(), quote == null ? null : quote.ask(), lastId, attempts,
                attribution, path, failure, clock.instant());
    }
}
