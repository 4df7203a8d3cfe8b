package io.alchemiser.inmemory;

import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.Asset;
import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.OrderType;
import io.alchemiser.core.domain.Position;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.BrokerException;
import io.alchemiser.core.port.Quotes;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.inmemory.PriceBook.Touch;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker simulated in memory, on simulated time: an account with cash and positions, a bid/ask per symbol, and a
 * {@link FillModel} that decides when limit orders fill. Built for tests and demos of the execution engine.
 *
 * <p><b>Prices.</b> A price set with {@link Builder#price}/{@link #setPrice} wins; otherwise the {@link Quotes}'
 * latest quote is used. A two-sided quote is the book as is; a single price {@code p} (a set price, or a quote with
 * one side) becomes {@code bid = p·(1 − s/20000)} rounded down and {@code ask = p·(1 + s/20000)} rounded up to the
 * tick, with {@code s} = {@link Builder#spreadBps}. Positions are valued at the quote's last price, else its
 * midpoint, else the set price. The book each order meets is the one at its submission.
 *
 * <p><b>Fills.</b> A market order fills completely at the touch (ask to buy, bid to sell) when it reaches the broker.
 * A limit order fills as {@link FillModel} describes: at the touch on arrival if marketable, else at its limit price at
 * a time drawn from the order's own {@link Random}, seeded from ({@link Builder#seed}, client order id), so outcomes
 * do not depend on which of several threads submitted first. With {@link Builder#marketHours} set, orders are day
 * orders: an order still working at that session's close expires.
 *
 * <p><b>Rejections</b> ({@link BrokerException}, thrown by {@link #submit}, nothing recorded): an existing client
 * order id ({@code DUPLICATE}); a symbol with neither an asset nor a price ({@code NOT_FOUND}); and, as
 * {@code REJECTED}: a symbol told to reject ({@link #rejectOrders}), an untradable asset, a closed market, a
 * fractional quantity of a non-fractionable asset, a sell of more shares than are held and not already being sold,
 * a buy costing more than the buying power (at its limit, or at the ask for a market order).
 *
 * <p><b>Money</b> ({@link #account()}). Sale proceeds settle {@link Builder#settlementDelay} after the fill.
 * {@code cash} is settled cash, as {@link Account} defines it; {@code buying power} is settled cash minus what open buy
 * orders reserve; {@code equity} is all cash (settling proceeds included) plus positions at market. No commissions.
 *
 * <p><b>Time.</b> Orders reach the broker {@link Builder#latency} after submission. Nothing happens in real time:
 * every call first applies all events due at the clock's current time, and {@link #awaitTerminal} moves time
 * forward itself, to the order's next event or to the end of the timeout, whichever comes first. With a
 * {@link ManualClock} it advances that clock (never backwards, so waits that overlap do not add up); with any other
 * clock it keeps its own virtual time that runs ahead of the clock ({@link #now()}).
 *
 * <p><b>Observation and faults.</b> {@link #submissions()} lists every submit that reached the broker with its
 * simulated time, {@link #activity()} every submission, fill, cancel and expiry with one sequence shared by both, so a
 * test can prove ordering even at equal times. {@link #failSubmitAfterRecording} and {@link #crashBeforeSubmit}
 * inject the two failures that matter to idempotency.
 *
 * <p><b>Threading:</b> every method is safe from several threads; the state is guarded by one lock, held briefly.
 */
public final class SimulatedBroker implements Broker {
    private static final Logger log = LoggerFactory.getLogger(SimulatedBroker.class);

    /** A submit call that reached the broker: accepted ({@code orderId} set) or refused ({@code refusal} set). */
    public record Submission(long sequence, Instant at, OrderRequest request, String orderId, String refusal) {
        public boolean accepted() {
            return orderId != null;
        }
    }

    /** Something that happened at the broker, numbered in the order it happened. */
    public record Activity(long sequence, Instant at, Kind kind, String orderId, ClientOrderId clientOrderId,
            Symbol symbol, Side side, BigDecimal quantity, BigDecimal price, String detail) {
        /** What happened. */
        public enum Kind {
            SUBMITTED(false), REFUSED(true), PARTIALLY_FILLED(false), FILLED(true), CANCELED(true), EXPIRED(true);

            private final boolean ends;

            Kind(boolean ends) {
                this.ends = ends;
            }

            /** Whether the order (or, for {@code REFUSED}, the request) is finished after this. */
            public boolean endsOrder() {
                return ends;
            }
        }
    }

    private final Object lock = new Object();
    private final Clock clock;
    private final Scheduler marketHours;
    private final FillModel fillModel;
    private final Duration latency;
    private final Duration settlementDelay;
    private final boolean unknownFractionable;
    private final long seed;

    private final SimAccount account;
    private final PriceBook book;
    private final Map<Symbol, Asset> assets;
    private final Map<Symbol, String> rejections;
    private final Map<String, SimOrder> orders = new LinkedHashMap<>();
    /** The orders not yet terminal, in submission order. */
    private final Map<String, SimOrder> working = new LinkedHashMap<>();
    private final Map<ClientOrderId, SimOrder> byClientId = new HashMap<>();
    private final List<Submission> submissions = new ArrayList<>();
    private final List<Activity> activity = new ArrayList<>();
    private final Set<Integer> crashBefore = new HashSet<>();
    private final Set<Integer> unavailableAfter = new HashSet<>();
    private Instant virtualFloor;
    private long sequence;
    private int submitCalls;

    private SimulatedBroker(Builder b) {
        this.clock = b.clock;
        this.marketHours = b.marketHours;
        this.fillModel = b.fillModel;
        this.latency = b.latency;
        this.settlementDelay = b.settlementDelay;
        this.unknownFractionable = b.unknownFractionable;
        this.seed = b.seed;
        this.account = new SimAccount(b.cash, b.positions);
        this.book = new PriceBook(b.quotes, b.spreadBps, b.prices);
        this.assets = new HashMap<>(b.assets);
        this.rejections = new HashMap<>(b.rejections);
    }

    /** A broker on {@code clock} (a {@link ManualClock} shared with the rest of the test, usually). */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    // ---------------------------------------------------------------- the port

    @Override
    public Account account() {
        synchronized (lock) {
            Instant now = catchUp();
            BigDecimal equity = account.cash();
            for (Map.Entry<Symbol, BigDecimal> p : account.positions().entrySet()) {
                equity = equity.add(p.getValue().multiply(book.mark(p.getKey())));
            }
            return new Account(Money.cash(equity), Money.cash(account.settledCash(now)), buyingPower(now));
        }
    }

    @Override
    public List<Position> positions() {
        synchronized (lock) {
            catchUp();
            List<Position> out = new ArrayList<>();
            account.positions().forEach((symbol, qty) -> {
                BigDecimal price = book.mark(symbol);
                out.add(new Position(symbol, qty, Money.cash(qty.multiply(price)), price));
            });
            return List.copyOf(out);
        }
    }

    @Override
    public Asset asset(Symbol symbol) {
        synchronized (lock) {
            return knownAsset(symbol).orElseThrow(() -> new BrokerException(BrokerException.Kind.NOT_FOUND,
                    "asset " + symbol + " not found"));
        }
    }

    @Override
    public Order submit(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (lock) {
            int call = ++submitCalls;
            if (crashBefore.remove(call)) {
                throw new SimulatedCrash("simulated crash before submit #" + call + " (" + request.clientOrderId() + ")");
            }
            Instant now = catchUp();
            Optional<Touch> touch = book.touch(request.symbol());
            BrokerException refused = validate(request, now, touch);
            if (refused != null) {
                submissions.add(new Submission(++sequence, now, request, null, refused.getMessage()));
                record(now, Activity.Kind.REFUSED, null, request, request.quantity(), request.limitPrice(),
                        refused.getMessage());
                throw refused;
            }
            SimOrder order = place(request, now, touch.orElseThrow());
            submissions.add(new Submission(++sequence, now, request, order.id(), null));
            record(now, Activity.Kind.SUBMITTED, order.id(), request, request.quantity(), request.limitPrice(), null);
            catchUp();
            if (unavailableAfter.remove(call)) {
                throw new BrokerException(BrokerException.Kind.UNAVAILABLE, "simulated timeout: submit #" + call + " ("
                        + request.clientOrderId() + ") reached the broker but its answer was lost");
            }
            return order.state();
        }
    }

    @Override
    public Order order(String orderId) {
        synchronized (lock) {
            catchUp();
            return find(orderId).state();
        }
    }

    @Override
    public Optional<Order> orderByClientId(ClientOrderId clientOrderId) {
        synchronized (lock) {
            catchUp();
            return Optional.ofNullable(byClientId.get(clientOrderId)).map(SimOrder::state);
        }
    }

    @Override
    public List<Order> ordersSince(Instant since) {
        synchronized (lock) {
            catchUp();
            return byClientId.values().stream().map(SimOrder::state).filter(o -> !o.submittedAt().isBefore(since))
                    .sorted(java.util.Comparator.comparing(Order::submittedAt).thenComparing(Order::id)).toList();
        }
    }

    /** Cancels at once what has not filled by now; a terminal order is left as it is. */
    @Override
    public void cancel(String orderId) {
        synchronized (lock) {
            Instant now = catchUp();
            SimOrder order = find(orderId);
            if (!order.isTerminal()) {
                order.cancel(now);
                working.remove(order.id());
                record(now, Activity.Kind.CANCELED, order.id(), order.request, order.state().filledQuantity(), null,
                        null);
            }
        }
    }

    /** Moves simulated time forward until the order is terminal or {@code timeout} has passed; never sleeps. */
    @Override
    public Order awaitTerminal(String orderId, Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        synchronized (lock) {
            SimOrder order = find(orderId);
            Instant deadline = catchUp().plus(timeout);
            while (!order.isTerminal() && currentTime().isBefore(deadline)) {
                Instant next = order.nextEventTime();
                advanceTo(next == null || next.isAfter(deadline) ? deadline : next);
                catchUp();
            }
            return order.state();
        }
    }

    // ---------------------------------------------------------------- test controls and observation

    /** Sets the price of {@code symbol}, overriding market data, with the configured spread around it. */
    public void setPrice(Symbol symbol, BigDecimal price) {
        if (price.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": price must be positive, got " + price);
        }
        synchronized (lock) {
            book.setPrice(symbol, price);
        }
    }

    /** Every order for {@code symbol} is refused as {@code REJECTED} with {@code reason} until {@link #acceptOrders}. */
    public void rejectOrders(Symbol symbol, String reason) {
        synchronized (lock) {
            rejections.put(symbol, Objects.requireNonNull(reason, "reason"));
        }
    }

    /** Undoes {@link #rejectOrders}. */
    public void acceptOrders(Symbol symbol) {
        synchronized (lock) {
            rejections.remove(symbol);
        }
    }

    /** Registers or replaces what the broker knows about an asset. */
    public void putAsset(Asset asset) {
        synchronized (lock) {
            assets.put(asset.symbol(), asset);
        }
    }

    /**
     * The {@code k}-th {@link #submit} call from now (1 = the next) records and places its order as usual, then throws
     * {@link BrokerException.Kind#UNAVAILABLE}: a timeout where the order did reach the broker.
     */
    public void failSubmitAfterRecording(int k) {
        synchronized (lock) {
            unavailableAfter.add(relativeCall(k));
        }
    }

    /** The {@code k}-th {@link #submit} call from now (1 = the next) throws {@link SimulatedCrash} before anything. */
    public void crashBeforeSubmit(int k) {
        synchronized (lock) {
            crashBefore.add(relativeCall(k));
        }
    }

    /** How many times {@link #submit} was called, crashed and refused calls included. */
    public int submitCalls() {
        synchronized (lock) {
            return submitCalls;
        }
    }

    /** Every submit that reached the broker (not the crashed ones), in order. */
    public List<Submission> submissions() {
        synchronized (lock) {
            return List.copyOf(submissions);
        }
    }

    /** Everything that happened, in order; shares its sequence numbers with {@link #submissions()}. */
    public List<Activity> activity() {
        synchronized (lock) {
            catchUp();
            return List.copyOf(activity);
        }
    }

    /** The latest state of every order, in submission order. */
    public List<Order> orders() {
        synchronized (lock) {
            catchUp();
            return orders.values().stream().map(SimOrder::state).toList();
        }
    }

    /** The broker's simulated time: the clock's, or later if this broker has waited ahead of a non-manual clock. */
    public Instant now() {
        synchronized (lock) {
            return currentTime();
        }
    }

    // ---------------------------------------------------------------- internals (all under the lock)

    private int relativeCall(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k counts submit calls from the next one (1), got " + k);
        }
        return submitCalls + k;
    }

    private BrokerException validate(OrderRequest request, Instant now, Optional<Touch> touch) {
        Symbol symbol = request.symbol();
        if (byClientId.containsKey(request.clientOrderId())) {
            return new BrokerException(BrokerException.Kind.DUPLICATE,
                    "client order id " + request.clientOrderId() + " already exists");
        }
        Optional<Asset> asset = Optional.ofNullable(assets.get(symbol))
                .or(() -> touch.map(t -> new Asset(symbol, true, unknownFractionable)));
        if (asset.isEmpty()) {
            return new BrokerException(BrokerException.Kind.NOT_FOUND, "asset " + symbol + " not found");
        }
        String why = rejections.get(symbol);
        if (why == null && !asset.get().tradable()) {
            why = symbol + " is not tradable";
        }
        if (why == null && marketHours != null && !isOpen(now)) {
            why = "market is closed at " + now;
        }
        BigDecimal qty = request.quantity().stripTrailingZeros();
        if (why == null && qty.scale() > 0 && !asset.get().fractionable()) {
            why = symbol + " is not fractionable; quantity " + request.quantity().toPlainString() + " is not whole";
        }
        if (why == null && qty.scale() > Money.FRACTIONAL_QTY_SCALE) {
            why = "quantity " + request.quantity().toPlainString() + " has more than 9 decimals";
        }
        if (why == null && touch.isEmpty()) {
            why = "no market for " + symbol;
        }
        if (why == null) {
            why = request.side() == Side.SELL ? checkHeld(request) : checkBuyingPower(request, touch.get(), now);
        }
        return why == null ? null : new BrokerException(BrokerException.Kind.REJECTED, why);
    }

    private String checkHeld(OrderRequest request) {
        BigDecimal held = account.held(request.symbol());
        BigDecimal selling = BigDecimal.ZERO;
        for (SimOrder o : working.values()) {
            if (o.request.side() == Side.SELL && o.request.symbol().equals(request.symbol())) {
                selling = selling.add(o.openQuantity());
            }
        }
        BigDecimal available = held.subtract(selling);
        if (request.quantity().compareTo(available) > 0) {
            return "insufficient qty available for order (requested: " + request.quantity().toPlainString()
                    + ", available: " + available.toPlainString() + ", held: " + held.toPlainString() + ")";
        }
        return null;
    }

    private String checkBuyingPower(OrderRequest request, Touch touch, Instant now) {
        BigDecimal cost = request.quantity().multiply(reservePrice(request, touch));
        BigDecimal power = buyingPower(now);
        if (cost.compareTo(power) > 0) {
            return "insufficient buying power (order costs " + Money.cash(cost).toPlainString() + ", buying power "
                    + power.toPlainString() + ")";
        }
        return null;
    }

    private static BigDecimal reservePrice(OrderRequest request, Touch touch) {
        if (request.side() == Side.SELL) {
            return BigDecimal.ZERO;
        }
        return request.type() == OrderType.MARKET ? touch.ask() : request.limitPrice();
    }

    private BigDecimal buyingPower(Instant now) {
        BigDecimal reserved = BigDecimal.ZERO;
        for (SimOrder o : working.values()) {
            reserved = reserved.add(o.openQuantity().multiply(o.reservePrice));
        }
        return Money.cash(account.settledCash(now).subtract(reserved));
    }

    /** Decides the order's fate now, from the book at submission and the order's own random draws. */
    private SimOrder place(OrderRequest request, Instant now, Touch touch) {
        Random random = new Random(orderSeed(request.clientOrderId()));
        double timeDraw = random.nextDouble();
        double partialDraw = random.nextDouble();
        Instant arrives = now.plus(latency);
        BigDecimal touchPrice = request.side() == Side.BUY ? touch.ask() : touch.bid();
        Instant fillAt;
        BigDecimal fillPrice;
        BigDecimal fillQty = request.quantity();
        if (request.type() == OrderType.MARKET) {
            fillAt = arrives;
            fillPrice = touchPrice;
        } else {
            double x = FillModel.fractionToTouch(request.side(), request.limitPrice(), touch.bid(), touch.ask());
            boolean marketable = x >= 1;
            fillPrice = marketable ? touchPrice : request.limitPrice();
            fillAt = fillModel.timeToFill(x, timeDraw).map(arrives::plus).orElse(null);
            if (fillAt != null && partialDraw < fillModel.partialProbability()) {
                fillQty = partialQuantity(request.quantity());
            }
        }
        Instant expires = marketHours == null ? null
                : marketHours.session(now.atZone(Scheduler.MARKET_ZONE).toLocalDate()).map(Scheduler.Session::close)
                        .orElse(null);
        String id = String.format("sim-%06d", orders.size() + 1);
        SimOrder order = new SimOrder(id, request, now, arrives, reservePrice(request, touch), fillAt,
                fillQty, fillPrice, expires);
        orders.put(id, order);
        working.put(id, order);
        byClientId.put(request.clientOrderId(), order);
        return order;
    }

    private BigDecimal partialQuantity(BigDecimal quantity) {
        boolean fractional = quantity.stripTrailingZeros().scale() > 0;
        BigDecimal part = Money.quantity(quantity.multiply(Money.decimal(fillModel.partialFraction())), fractional);
        return part.signum() > 0 && part.compareTo(quantity) < 0 ? part : quantity;
    }

    private long orderSeed(ClientOrderId id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.value().length(); i++) {
            hash ^= id.value().charAt(i);
            hash *= 0x100000001b3L;
        }
        return seed * 0x9E3779B97F4A7C15L ^ hash;
    }

    /** Applies every order event due at the current time, in time order (ties by submission); returns that time. */
    private Instant catchUp() {
        Instant now = currentTime();
        while (true) {
            SimOrder next = null;
            Instant at = null;
            for (SimOrder o : working.values()) {
                Instant t = o.nextEventTime();
                if (t != null && !t.isAfter(now) && (at == null || t.isBefore(at))) {
                    next = o;
                    at = t;
                }
            }
            if (next == null) {
                return now;
            }
            apply(next);
            if (next.isTerminal()) {
                working.remove(next.id());
            }
        }
    }

    private void apply(SimOrder o) {
        switch (o.nextEvent()) {
            case ARRIVE:
                o.arrive();
                break;
            case FILL:
                if (o.request.side() == Side.BUY) {
                    account.buy(o.request.symbol(), o.fillQuantity, o.fillPrice);
                } else {
                    account.sell(o.request.symbol(), o.fillQuantity, o.fillPrice, o.fillAt.plus(settlementDelay));
                }
                o.fill();
                book.traded(o.request.symbol(), o.fillPrice);
                Activity.Kind kind = o.isTerminal() ? Activity.Kind.FILLED : Activity.Kind.PARTIALLY_FILLED;
                record(o.fillAt, kind, o.id(), o.request, o.fillQuantity, o.fillPrice, null);
                log.debug("{} {} {} {} at {}", o.id(), o.request.side(), o.fillQuantity, o.request.symbol(), o.fillPrice);
                break;
            case EXPIRE:
                o.expire();
                record(o.expiresAt, Activity.Kind.EXPIRED, o.id(), o.request, o.state().filledQuantity(), null, null);
                break;
            default:
                throw new IllegalStateException("unknown order event " + o.nextEvent());
        }
    }

    private void record(Instant at, Activity.Kind kind, String orderId, OrderRequest r, BigDecimal qty, BigDecimal price,
            String detail) {
        activity.add(new Activity(++sequence, at, kind, orderId, r.clientOrderId(), r.symbol(), r.side(), qty, price,
                detail));
    }

    private SimOrder find(String orderId) {
        SimOrder order = orders.get(orderId);
        if (order == null) {
            throw new BrokerException(BrokerException.Kind.NOT_FOUND, "order " + orderId + " not found");
        }
        return order;
    }

    private Optional<Asset> knownAsset(Symbol symbol) {
        Asset known = assets.get(symbol);
        if (known != null) {
            return Optional.of(known);
        }
        return book.touch(symbol).map(t -> new Asset(symbol, true, unknownFractionable));
    }

    private boolean isOpen(Instant now) {
        LocalDate date = now.atZone(Scheduler.MARKET_ZONE).toLocalDate();
        return marketHours.session(date).map(s -> !now.isBefore(s.open()) && now.isBefore(s.close())).orElse(false);
    }

    private Instant currentTime() {
        Instant c = clock.instant();
        return virtualFloor != null && virtualFloor.isAfter(c) ? virtualFloor : c;
    }

    private void advanceTo(Instant target) {
        if (clock instanceof ManualClock) {
            ((ManualClock) clock).advanceTo(target);
        } else if (virtualFloor == null || target.isAfter(virtualFloor)) {
            virtualFloor = target;
        }
    }

    /** Configures a {@link SimulatedBroker}. Defaults: no cash, no positions, 10 bps spread, {@link FillModel#defaults()},
     * no latency, immediate settlement, always open, seed 0, assets with a price tradable and fractionable. */
    public static final class Builder {
        private final Clock clock;
        private BigDecimal cash = BigDecimal.ZERO;
        private final Map<Symbol, BigDecimal> positions = new LinkedHashMap<>();
        private final Map<Symbol, BigDecimal> prices = new HashMap<>();
        private final Map<Symbol, Asset> assets = new HashMap<>();
        private final Map<Symbol, String> rejections = new HashMap<>();
        private Quotes quotes;
        private Scheduler marketHours;
        private FillModel fillModel = FillModel.defaults();
        private double spreadBps = 10;
        private Duration latency = Duration.ZERO;
        private Duration settlementDelay = Duration.ZERO;
        private boolean unknownFractionable = true;
        private long seed;

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** Starting cash, settled. */
        public Builder cash(BigDecimal cash) {
            if (cash.signum() < 0) {
                throw new IllegalArgumentException("starting cash must not be negative, got " + cash);
            }
            this.cash = cash;
            return this;
        }

        /** A starting holding (replaces an earlier one for the symbol). */
        public Builder position(Symbol symbol, BigDecimal quantity) {
            positions.put(Objects.requireNonNull(symbol, "symbol"), Objects.requireNonNull(quantity, "quantity"));
            return this;
        }

        /** Where quotes come from for symbols without a set price. */
        public Builder quotes(Quotes quotes) {
            this.quotes = Objects.requireNonNull(quotes, "quotes");
            return this;
        }

        /** A fixed price for {@code symbol}, overriding market data; the spread is put around it. */
        public Builder price(Symbol symbol, BigDecimal price) {
            if (price.signum() <= 0) {
                throw new IllegalArgumentException(symbol + ": price must be positive, got " + price);
            }
            prices.put(Objects.requireNonNull(symbol, "symbol"), price);
            return this;
        }

        /** What the broker says about {@code symbol}; symbols not declared are tradable if they have a price. */
        public Builder asset(Symbol symbol, boolean tradable, boolean fractionable) {
            assets.put(symbol, new Asset(symbol, tradable, fractionable));
            return this;
        }

        /** Whether undeclared assets with a price are fractionable (default true). */
        public Builder undeclaredAssetsFractionable(boolean fractionable) {
            this.unknownFractionable = fractionable;
            return this;
        }

        /** Every order for {@code symbol} is refused as {@code REJECTED} with {@code reason}. */
        public Builder rejectOrders(Symbol symbol, String reason) {
            rejections.put(Objects.requireNonNull(symbol, "symbol"), Objects.requireNonNull(reason, "reason"));
            return this;
        }

        /** Spread put around a single price, in basis points of it, in [0, 10000). Default 10. */
        public Builder spreadBps(double bps) {
            if (!(bps >= 0 && bps < 10_000)) {
                throw new IllegalArgumentException("spread must be in [0, 10000) bps, got " + bps);
            }
            this.spreadBps = bps;
            return this;
        }

        public Builder fillModel(FillModel model) {
            this.fillModel = Objects.requireNonNull(model, "fillModel");
            return this;
        }

        /** How long after submission an order reaches the broker and can fill. Default zero. */
        public Builder latency(Duration latency) {
            this.latency = nonNegative(latency, "latency");
            return this;
        }

        /** How long after a sell fills its proceeds become buying power. Default zero. */
        public Builder settlementDelay(Duration delay) {
            this.settlementDelay = nonNegative(delay, "settlement delay");
            return this;
        }

        /**
         * Trading hours: orders are refused outside a session and expire at its close. Without it the market never
         * closes and orders never expire.
         */
        public Builder marketHours(Scheduler scheduler) {
            this.marketHours = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Seed of the fill draws; each order mixes it with its client order id. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public SimulatedBroker build() {
            return new SimulatedBroker(this);
        }

        private static Duration nonNegative(Duration d, String what) {
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
