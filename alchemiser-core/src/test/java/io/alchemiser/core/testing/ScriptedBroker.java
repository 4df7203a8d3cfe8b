package io.alchemiser.core.testing;

import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.Asset;
import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.OrderType;
import io.alchemiser.core.domain.Position;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.BrokerException.Kind;
import io.alchemiser.core.port.BrokerException;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.Quotes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker (and its quote source) whose every behaviour a test scripts, for the services' unit tests: what each
 * symbol's orders do ({@link Fill}), outages, a "kill" that stops the old process's every later call, and hooks after
 * the Nth order. Positions, cash and buying power stay consistent, so a test can assert where a day ends.
 *
 * <p>Quotes are the set price plus and minus 0.05% (rounded outward to the tick), stamped with the clock. Buying
 * power is cash less what open buy orders hold (limit x remaining); a market buy must fit at the ask plus 2%, as
 * Alpaca checks it; an order that does not fit is rejected "insufficient buying power". Thread-safe.
 */
public final class ScriptedBroker implements Broker, Quotes {
    /** What orders of a symbol do when placed. */
    public enum Fill {
        /** Fill at once, at the limit (or the far side for a market order). */
        NOW,
        /** Limit orders rest until cancelled; market orders fill. */
        LIMITS_REST,
        /** Nothing fills, market orders included (a halted symbol): every order rests until cancelled. */
        NEVER,
        /** Fill 40% at once (whole shares when the quantity is whole), the rest rests. */
        PARTIAL,
        /** Rejected by the broker. */
        REJECT
    }

    /** Thrown by every call after {@link #kill()}: the process that made them is gone. */
    public static final class Killed extends RuntimeException {
        public Killed() {
            super("simulated kill -9: this process is gone");
        }
    }

    private final Clock clock;
    private final Map<Symbol, BigDecimal> prices = new HashMap<>();
    private final Map<Symbol, BigDecimal> held = new TreeMap<>();
    private final Map<Symbol, Fill> fills = new HashMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<ClientOrderId, String> byClientId = new HashMap<>();
    private final Map<Integer, Runnable> afterSubmit = new HashMap<>();
    private final List<OrderRequest> submitted = new ArrayList<>();
    private final Map<String, AtomicInteger> calls = new TreeMap<>();
    private BigDecimal cash = BigDecimal.ZERO;
    private Account.Standing standing = Account.Standing.ACTIVE;
    private boolean unavailable;
    private boolean killed;
    private int sequence;

    public ScriptedBroker(Clock clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------ script

    public synchronized ScriptedBroker cash(String dollars) {
        cash = new BigDecimal(dollars);
        return this;
    }

    public synchronized ScriptedBroker price(String ticker, String price) {
        prices.put(Symbol.of(ticker), new BigDecimal(price));
        return this;
    }

    public synchronized ScriptedBroker holding(String ticker, String quantity) {
        held.put(Symbol.of(ticker), new BigDecimal(quantity));
        return this;
    }

    public synchronized ScriptedBroker fills(String ticker, Fill fill) {
        fills.put(Symbol.of(ticker), fill);
        return this;
    }

    public synchronized ScriptedBroker standing(Account.Standing s) {
        standing = s;
        return this;
    }

    /** While on, every call fails as a network failure would (retryable, outcome unknown). */
    public synchronized ScriptedBroker unavailable(boolean on) {
        unavailable = on;
        return this;
    }

    /** Runs {@code hook} right after the {@code n}-th accepted order (1-based). */
    public synchronized ScriptedBroker afterSubmit(int n, Runnable hook) {
        afterSubmit.put(n, hook);
        return this;
    }

    /** From now on every call of the old process throws {@link Killed}; {@link #revive()} starts a new one. */
    public synchronized void kill() {
        killed = true;
    }

    public synchronized void revive() {
        killed = false;
    }

    // ------------------------------------------------------------------ observe

    /** Every order request accepted, in order. */
    public synchronized List<OrderRequest> submitted() {
        return List.copyOf(submitted);
    }

    /** How often {@code method} was called (also when it failed). */
    public synchronized int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    /** Orders not yet terminal. */
    public synchronized List<Order> openOrders() {
        return orders.values().stream().filter(o -> !o.isTerminal()).toList();
    }

    /** Held quantity of a ticker (zero when not held). */
    public synchronized BigDecimal held(String ticker) {
        return held.getOrDefault(Symbol.of(ticker), BigDecimal.ZERO);
    }

    public synchronized BigDecimal cash() {
        return cash;
    }

    // ------------------------------------------------------------------ Broker

    @Override
    public synchronized Account account() {
        enter("account");
        BigDecimal equity = cash;
        for (Map.Entry<Symbol, BigDecimal> e : held.entrySet()) {
            equity = equity.add(e.getValue().multiply(priceOf(e.getKey())));
        }
        return new Account(Money.cash(equity), cash, buyingPower(), standing);
    }

    @Override
    public synchronized List<Position> positions() {
        enter("positions");
        List<Position> out = new ArrayList<>();
        held.forEach((s, q) -> {
            if (q.signum() > 0) {
                out.add(new Position(s, q, Money.cash(q.multiply(priceOf(s))), priceOf(s)));
            }
        });
        return out;
    }

    @Override
    public synchronized Asset asset(Symbol symbol) {
        enter("asset");
        if (!prices.containsKey(symbol)) {
            throw new BrokerException(Kind.NOT_FOUND, "no asset " + symbol);
        }
        return new Asset(symbol, true, true);
    }

    @Override
    public synchronized Order submit(OrderRequest request) {
        enter("submit");
        if (byClientId.containsKey(request.clientOrderId())) {
            throw new BrokerException(Kind.DUPLICATE, "client order id " + request.clientOrderId() + " exists");
        }
        Instant now = clock.instant();
        Fill fill = fills.getOrDefault(request.symbol(), Fill.NOW);
        String id = "ord-" + (++sequence);
        Order order = new Order(id, request.clientOrderId(), request.symbol(), request.side(), request.type(),
                request.quantity(), request.limitPrice(), OrderStatus.NEW, BigDecimal.ZERO, null, now, now, null);
        if (fill == Fill.REJECT) {
            order = order.with(OrderStatus.REJECTED, BigDecimal.ZERO, null, now, "asset is not tradable today");
        } else if (request.side() == Side.BUY && !fits(request)) {
            order = order.with(OrderStatus.REJECTED, BigDecimal.ZERO, null, now, "insufficient buying power");
        } else if (request.side() == Side.SELL && request.quantity().compareTo(held(request.symbol())) > 0) {
            order = order.with(OrderStatus.REJECTED, BigDecimal.ZERO, null, now, "insufficient qty available");
        }
        orders.put(id, order);
        byClientId.put(request.clientOrderId(), id);
        submitted.add(request);
        if (!order.isTerminal()) {
            boolean market = request.type() == OrderType.MARKET;
            if (fill == Fill.NOW || fill == Fill.LIMITS_REST && market) {
                execute(id, request.quantity());
            } else if (fill == Fill.PARTIAL) {
                BigDecimal part = request.quantity().multiply(new BigDecimal("0.4"));
                part = part.setScale(request.quantity().stripTrailingZeros().scale() <= 0 ? 0 : 9, RoundingMode.DOWN);
                if (part.signum() > 0) {
                    execute(id, part);
                }
            }
        }
        Runnable hook = afterSubmit.remove(submitted.size());
        if (hook != null) {
            hook.run();
        }
        return orders.get(id);
    }

    @Override
    public synchronized Order order(String orderId) {
        enter("order");
        Order o = orders.get(orderId);
        if (o == null) {
            throw new BrokerException(Kind.NOT_FOUND, "no order " + orderId);
        }
        return o;
    }

    @Override
    public synchronized Optional<Order> orderByClientId(ClientOrderId clientOrderId) {
        enter("orderByClientId");
        return Optional.ofNullable(byClientId.get(clientOrderId)).map(orders::get);
    }

    @Override
    public synchronized List<Order> ordersSince(Instant since) {
        enter("ordersSince");
        return orders.values().stream().filter(o -> !o.submittedAt().isBefore(since)).toList();
    }

    @Override
    public synchronized void cancel(String orderId) {
        enter("cancel");
        Order o = orders.get(orderId);
        if (o == null) {
            throw new BrokerException(Kind.NOT_FOUND, "no order " + orderId);
        }
        if (!o.isTerminal()) {
            orders.put(orderId, o.with(OrderStatus.CANCELED, o.filledQuantity(), o.averageFillPrice(), clock.instant(),
                    null));
        }
    }

    @Override
    public synchronized Order awaitTerminal(String orderId, Duration timeout) {
        enter("awaitTerminal");
        Order o = orders.get(orderId);
        if (o == null) {
            throw new BrokerException(Kind.NOT_FOUND, "no order " + orderId);
        }
        if (!o.isTerminal() && clock instanceof TestClock t) {
            t.advance(timeout);
        }
        return o;
    }

    // ------------------------------------------------------------------ Quotes

    @Override
    public synchronized Quote latestQuote(Symbol symbol) {
        count("latestQuote");
        return quote(symbol);
    }

    @Override
    public synchronized Map<Symbol, Quote> latestQuotes(Collection<Symbol> symbols) {
        count("latestQuotes");
        Map<Symbol, Quote> out = new LinkedHashMap<>();
        for (Symbol s : symbols) {
            out.put(s, quote(s));
        }
        return out;
    }

    // ------------------------------------------------------------------ internals

    private Quote quote(Symbol symbol) {
        BigDecimal p = prices.get(symbol);
        if (p == null) {
            throw new MarketDataException("no quote for " + symbol);
        }
        BigDecimal half = p.multiply(new BigDecimal("0.0005"));
        return new Quote(symbol, Money.toTick(p.subtract(half), RoundingMode.DOWN), Money.toTick(p.add(half),
                RoundingMode.UP), p, clock.instant());
    }

    private void enter(String method) {
        count(method);
        if (killed) {
            throw new Killed();
        }
        if (unavailable) {
            throw new BrokerException(Kind.UNAVAILABLE, "connection refused (" + method + ")");
        }
    }

    private void count(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }

    private BigDecimal priceOf(Symbol s) {
        BigDecimal p = prices.get(s);
        if (p == null) {
            throw new BrokerException(Kind.NOT_FOUND, "no price for " + s);
        }
        return p;
    }

    private BigDecimal held(Symbol s) {
        return held.getOrDefault(s, BigDecimal.ZERO);
    }

    private BigDecimal buyingPower() {
        BigDecimal reserved = BigDecimal.ZERO;
        for (Order o : orders.values()) {
            if (!o.isTerminal() && o.side() == Side.BUY) {
                BigDecimal price = o.limitPrice() != null ? o.limitPrice() : quote(o.symbol()).ask();
                reserved = reserved.add(o.remainingQuantity().multiply(price));
            }
        }
        return cash.subtract(reserved);
    }

    private boolean fits(OrderRequest r) {
        BigDecimal price = r.type() == OrderType.MARKET
                ? quote(r.symbol()).ask().multiply(new BigDecimal("1.02")) : r.limitPrice();
        return r.quantity().multiply(price).compareTo(buyingPower()) <= 0;
    }

    /** Fills {@code quantity} more of an order at its limit (or the far side for a market order). */
    private void execute(String id, BigDecimal quantity) {
        Order o = orders.get(id);
        Quote q = quote(o.symbol());
        BigDecimal price = o.limitPrice() != null ? o.limitPrice() : o.side() == Side.BUY ? q.ask() : q.bid();
        BigDecimal filled = o.filledQuantity().add(quantity);
        BigDecimal notional = o.averageFillPrice() == null ? BigDecimal.ZERO
                : o.averageFillPrice().multiply(o.filledQuantity());
        BigDecimal avg = notional.add(quantity.multiply(price)).divide(filled, Money.MATH);
        OrderStatus status = filled.compareTo(o.quantity()) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        orders.put(id, o.with(status, filled, avg, clock.instant(), null));
        BigDecimal dollars = quantity.multiply(price);
        if (o.side() == Side.BUY) {
            cash = cash.subtract(dollars);
            held.merge(o.symbol(), quantity, BigDecimal::add);
        } else {
            cash = cash.add(dollars);
            held.merge(o.symbol(), quantity.negate(), BigDecimal::add);
        }
    }
}
