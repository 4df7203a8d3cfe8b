package io.alchemiser.alpaca.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The emulator's account and order book: Alpaca's submit rules (client order id uniqueness, sub-penny prices,
 * fractionability, $1 minimum for fractional orders, held shares, buying power with market buys checked at the ask
 * plus 2%), day orders that work while the market is open and expire at its close, fills by a {@link FillModel},
 * cash and positions kept consistent, and sale proceeds that count as buying power only after the settlement delay.
 * Every change is queued as a {@code trade_updates} event. All methods are called under the emulator's lock.
 */
final class Exchange {
    /** Alpaca checks a market buy against buying power at the ask plus this collar. */
    static final BigDecimal MARKET_BUY_COLLAR = new BigDecimal("1.02");

    /** One {@code trade_updates} event. */
    record Event(String event, ObjectNode order, BigDecimal price, BigDecimal qty, BigDecimal positionQty,
            Instant at) {
    }

    /** An answer: a status and a JSON body. */
    record Answer(int status, JsonNode body) {
        static Answer ok(JsonNode body) {
            return new Answer(200, body);
        }

        static Answer error(int status, long code, String message) {
            return new Answer(status, EmulatorJson.error(code, message));
        }
    }

    /** What a test may set about an asset. */
    record AssetRules(boolean tradable, boolean fractionable) {
    }

    private final Prices prices;
    private final MarketCalendar calendar;
    private final FillModel fillModel;
    private final Duration settlementDelay;
    private final Map<Symbol, AssetRules> assets = new HashMap<>();
    private final Set<Symbol> rejecting = new HashSet<>();
    private final Map<String, EmulatedOrder> orders = new LinkedHashMap<>();
    private final Map<String, EmulatedOrder> byClientId = new HashMap<>();
    private final Map<Symbol, BigDecimal[]> positions = new LinkedHashMap<>(); // qty, cost basis
    private final List<BigDecimal[]> unsettled = new ArrayList<>(); // amount, settles-at epoch second
    private final List<Event> events = new ArrayList<>();
    private BigDecimal settledCash;
    private String status = "ACTIVE";
    private boolean tradingBlocked;
    private boolean accountBlocked;
    private boolean patternDayTrader;

    Exchange(Prices prices, MarketCalendar calendar, FillModel fillModel, Duration settlementDelay, BigDecimal cash) {
        this.prices = prices;
        this.calendar = calendar;
        this.fillModel = fillModel;
        this.settlementDelay = settlementDelay;
        this.settledCash = cash;
    }

    // ------------------------------------------------------------------ setup

    void asset(Symbol symbol, AssetRules rules) {
        assets.put(symbol, rules);
    }

    void rejectOrdersOf(Symbol symbol) {
        rejecting.add(symbol);
    }

    void standing(String status, boolean tradingBlocked, boolean accountBlocked, boolean patternDayTrader) {
        this.status = status;
        this.tradingBlocked = tradingBlocked;
        this.accountBlocked = accountBlocked;
        this.patternDayTrader = patternDayTrader;
    }

    void position(Symbol symbol, BigDecimal qty, BigDecimal averagePrice) {
        positions.put(symbol, new BigDecimal[] {qty, qty.multiply(averagePrice)});
    }

    Optional<AssetRules> assetRules(Symbol symbol) {
        AssetRules set = assets.get(symbol);
        if (set != null) {
            return Optional.of(set);
        }
        return prices.knows(symbol) ? Optional.of(new AssetRules(true, true)) : Optional.empty();
    }

    // ------------------------------------------------------------------ orders

    Answer submit(JsonNode body, Instant now) {
        if (accountBlocked || tradingBlocked || !"ACTIVE".equals(status)) {
            return Answer.error(403, 40310000, "account is not authorized to trade");
        }
        String type = body.path("type").asText("");
        String sideText = body.path("side").asText("");
        if (!body.path("symbol").isTextual() || !(sideText.equals("buy") || sideText.equals("sell"))
                || !(type.equals("market") || type.equals("limit"))) {
            return Answer.error(422, 40010000, "symbol, side (buy|sell) and type (market|limit) are required");
        }
        if (body.hasNonNull("notional")) {
            return Answer.error(422, 40010000, "notional orders are not supported by this emulator");
        }
        if (!"day".equals(body.path("time_in_force").asText(""))) {
            return Answer.error(422, 40010000, "time_in_force must be day in this emulator");
        }
        BigDecimal qty = decimal(body.path("qty"));
        if (qty == null || qty.signum() <= 0) {
            return Answer.error(422, 40010000, "qty must be > 0");
        }
        if (qty.stripTrailingZeros().scale() > 9) {
            return Answer.error(422, 40010000, "qty must be given to at most 9 decimal places");
        }
        boolean market = type.equals("market");
        BigDecimal limit = decimal(body.path("limit_price"));
        if (!market && (limit == null || limit.signum() <= 0)) {
            return Answer.error(422, 40010000, "limit_price is required and must be > 0 for a limit order");
        }
        String clientId = body.path("client_order_id").asText(java.util.UUID.randomUUID().toString());
        if (clientId.length() > 128) {
            return Answer.error(422, 40010000, "client_order_id must be at most 128 characters");
        }
        if (byClientId.containsKey(clientId)) {
            return Answer.error(422, 40010001, "client_order_id must be unique");
        }
        Symbol symbol = Symbol.of(body.get("symbol").asText());
        Optional<AssetRules> rules = assetRules(symbol);
        if (rules.isEmpty()) {
            return Answer.error(422, 40010001, "asset " + symbol + " not found");
        }
        if (!rules.get().tradable()) {
            return Answer.error(422, 40310000, "asset " + symbol + " is not tradable");
        }
        boolean whole = qty.stripTrailingZeros().scale() <= 0;
        if (!whole && !rules.get().fractionable()) {
            return Answer.error(422, 40310000, "asset \"" + symbol + "\" is not fractionable");
        }
        if (limit != null && !market && limit.stripTrailingZeros().scale() > Book.tick(limit).scale()) {
            return Answer.error(422, 42210000, "invalid limit_price " + limit.toPlainString()
                    + ". sub-penny increment does not fulfill minimum pricing criteria");
        }
        Book book = prices.book(symbol, now).orElse(new Book(null, null, null));
        Side side = sideText.equals("buy") ? Side.BUY : Side.SELL;
        BigDecimal reference = market ? (side == Side.BUY ? book.buyPrice() : book.sellPrice()) : limit;
        if (reference == null) {
            return Answer.error(422, 40010000, "no price for " + symbol + " to check the order against");
        }
        if (!whole && qty.multiply(reference).compareTo(BigDecimal.ONE) < 0) {
            return Answer.error(403, 40310000, "cost basis must be >= 1");
        }
        BigDecimal reservedPerShare = null;
        if (side == Side.SELL) {
            BigDecimal held = heldForSells(symbol);
            BigDecimal owned = positionQty(symbol);
            if (qty.compareTo(owned.subtract(held)) > 0) {
                ObjectNode e = EmulatorJson.error(40310000, "insufficient qty available for order (requested: "
                        + qty.toPlainString() + ", available: " + owned.subtract(held).toPlainString() + ")");
                e.put("available", owned.subtract(held).toPlainString());
                e.put("existing_qty", owned.toPlainString());
                e.put("held_for_orders", held.toPlainString());
                e.put("symbol", symbol.value());
                return new Answer(403, e);
            }
        } else {
            reservedPerShare = market ? reference.multiply(MARKET_BUY_COLLAR) : limit;
            BigDecimal cost = qty.multiply(reservedPerShare).setScale(2, RoundingMode.UP);
            BigDecimal power = buyingPower();
            if (cost.compareTo(power) > 0) {
                ObjectNode e = EmulatorJson.error(40310000, "insufficient buying power");
                e.put("buying_power", power.toPlainString());
                e.put("cost_basis", cost.toPlainString());
                return new Answer(403, e);
            }
        }
        MarketCalendar.Session session = calendar.currentOrNext(now);
        EmulatedOrder order = new EmulatedOrder(clientId, symbol, side, market, qty, market ? null : limit, now,
                session.date(), reservedPerShare);
        orders.put(order.id, order);
        byClientId.put(clientId, order);
        if (session.contains(now) && !rejecting.contains(symbol)) {
            startWorking(order, now);
        }
        return Answer.ok(order.json());
    }

    Answer cancel(String id, Instant now) {
        EmulatedOrder order = orders.get(id);
        if (order == null) {
            return Answer.error(404, 40410000, "order not found");
        }
        if (!order.isOpen()) {
            return Answer.error(422, 42210000, "order is not cancelable");
        }
        order.end("canceled", now);
        events.add(new Event("canceled", order.json(), null, null, null, now));
        return new Answer(204, null);
    }

    /** Time has come to {@code now}: settle proceeds, open queued orders, fill, reject and expire. */
    void settle(Instant now) {
        for (Iterator<BigDecimal[]> it = unsettled.iterator(); it.hasNext(); ) {
            BigDecimal[] u = it.next();
            if (u[1].longValue() <= now.getEpochSecond()) {
                settledCash = settledCash.add(u[0]);
                it.remove();
            }
        }
        for (EmulatedOrder order : new ArrayList<>(orders.values())) {
            if (!order.isOpen()) {
                continue;
            }
            MarketCalendar.Session session = calendar.session(order.sessionDate).orElseThrow();
            if (!now.isBefore(session.close())) {
                order.end("expired", session.close());
                events.add(new Event("expired", order.json(), null, null, null, session.close()));
                continue;
            }
            if (now.isBefore(session.open())) {
                continue;
            }
            if (rejecting.contains(order.symbol)) {
                order.end("rejected", now);
                events.add(new Event("rejected", order.json(), null, null, null, now));
                continue;
            }
            if (order.status.equals("accepted")) {
                startWorking(order, now);
            }
            match(order, now);
        }
    }

    private void startWorking(EmulatedOrder order, Instant now) {
        order.status = "new";
        order.workingSince = now;
        order.updatedAt = now;
        events.add(new Event("new", order.json(), null, null, null, now));
    }

    private void match(EmulatedOrder order, Instant now) {
        Optional<Book> book = prices.book(order.symbol, now);
        if (book.isEmpty()) {
            return;
        }
        Optional<FillModel.Fill> fill = fillModel.fill(order.working(), book.get(), now);
        if (fill.isEmpty()) {
            return;
        }
        BigDecimal shares = fill.get().quantity().min(order.remaining());
        BigDecimal price = fill.get().price();
        BigDecimal amount = shares.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal[] position = positions.computeIfAbsent(order.symbol, s -> new BigDecimal[] {BigDecimal.ZERO,
                BigDecimal.ZERO});
        if (order.side == Side.BUY) {
            settledCash = settledCash.subtract(amount);
            position[0] = position[0].add(shares);
            position[1] = position[1].add(amount);
        } else {
            BigDecimal averageCost = position[1].divide(position[0], 10, RoundingMode.HALF_EVEN);
            position[0] = position[0].subtract(shares);
            position[1] = position[0].signum() == 0 ? BigDecimal.ZERO : position[1].subtract(averageCost.multiply(shares));
            if (settlementDelay.isZero()) {
                settledCash = settledCash.add(amount);
            } else {
                unsettled.add(new BigDecimal[] {amount, BigDecimal.valueOf(now.plus(settlementDelay).getEpochSecond())});
            }
        }
        if (position[0].signum() == 0) {
            positions.remove(order.symbol);
        }
        order.fill(shares, price, now);
        events.add(new Event(order.status.equals("filled") ? "fill" : "partial_fill", order.json(), price, shares,
                positionQty(order.symbol), now));
    }

    /** Events queued since the last call, oldest first. */
    List<Event> drainEvents() {
        List<Event> out = new ArrayList<>(events);
        events.clear();
        return out;
    }

    // ------------------------------------------------------------------ reads

    Optional<EmulatedOrder> order(String id) {
        return Optional.ofNullable(orders.get(id));
    }

    Optional<EmulatedOrder> orderByClientId(String clientId) {
        return Optional.ofNullable(byClientId.get(clientId));
    }

    List<EmulatedOrder> orders() {
        return new ArrayList<>(orders.values());
    }

    Map<Symbol, BigDecimal> positionQuantities() {
        Map<Symbol, BigDecimal> out = new LinkedHashMap<>();
        positions.forEach((s, p) -> out.put(s, p[0]));
        return out;
    }

    BigDecimal positionQty(Symbol symbol) {
        BigDecimal[] p = positions.get(symbol);
        return p == null ? BigDecimal.ZERO : p[0];
    }

    private BigDecimal heldForSells(Symbol symbol) {
        BigDecimal held = BigDecimal.ZERO;
        for (EmulatedOrder o : orders.values()) {
            if (o.isOpen() && o.side == Side.SELL && o.symbol.equals(symbol)) {
                held = held.add(o.remaining());
            }
        }
        return held;
    }

    /** Settled cash less what working buys hold. */
    BigDecimal buyingPower() {
        BigDecimal held = BigDecimal.ZERO;
        for (EmulatedOrder o : orders.values()) {
            if (o.isOpen() && o.side == Side.BUY) {
                held = held.add(o.remaining().multiply(o.reservedPerShare));
            }
        }
        return settledCash.subtract(held).max(BigDecimal.ZERO).setScale(2, RoundingMode.DOWN);
    }

    /** Settled cash plus proceeds still settling. */
    BigDecimal cash() {
        BigDecimal total = settledCash;
        for (BigDecimal[] u : unsettled) {
            total = total.add(u[0]);
        }
        return total;
    }

    ObjectNode accountJson(Instant now) {
        BigDecimal longValue = BigDecimal.ZERO;
        for (Map.Entry<Symbol, BigDecimal[]> p : positions.entrySet()) {
            longValue = longValue.add(p.getValue()[0].multiply(lastPrice(p.getKey(), now)));
        }
        longValue = longValue.setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal equity = cash().add(longValue);
        ObjectNode a = EmulatorJson.object();
        a.put("id", "e6fe16f3-64a4-4921-8928-cadf02f92f98");
        a.put("account_number", "PA3EMULATOR");
        a.put("status", status);
        a.put("currency", "USD");
        a.put("cash", cash().toPlainString());
        a.put("buying_power", buyingPower().toPlainString());
        a.put("regt_buying_power", buyingPower().toPlainString());
        a.put("daytrading_buying_power", "0");
        a.put("non_marginable_buying_power", buyingPower().toPlainString());
        a.put("equity", equity.toPlainString());
        a.put("last_equity", equity.toPlainString());
        a.put("portfolio_value", equity.toPlainString());
        a.put("long_market_value", longValue.toPlainString());
        a.put("short_market_value", "0");
        a.put("initial_margin", "0");
        a.put("maintenance_margin", "0");
        a.put("sma", "0");
        a.put("multiplier", "1");
        a.put("daytrade_count", 0);
        a.put("pattern_day_trader", patternDayTrader);
        a.put("trading_blocked", tradingBlocked);
        a.put("transfers_blocked", false);
        a.put("account_blocked", accountBlocked);
        a.put("trade_suspended_by_user", false);
        a.put("shorting_enabled", false);
        a.put("created_at", "2024-01-02T15:00:00Z");
        return a;
    }

    List<ObjectNode> positionsJson(Instant now) {
        List<ObjectNode> out = new ArrayList<>();
        for (Map.Entry<Symbol, BigDecimal[]> e : positions.entrySet()) {
            Symbol s = e.getKey();
            BigDecimal qty = e.getValue()[0];
            BigDecimal cost = e.getValue()[1].setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal price = lastPrice(s, now);
            BigDecimal value = qty.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
            ObjectNode p = EmulatorJson.object();
            p.put("asset_id", EmulatorJson.assetId(s));
            p.put("symbol", s.value());
            p.put("exchange", "NYSE");
            p.put("asset_class", "us_equity");
            p.put("avg_entry_price", e.getValue()[1].divide(qty, 4, RoundingMode.HALF_EVEN).toPlainString());
            p.put("qty", qty.toPlainString());
            p.put("qty_available", qty.subtract(heldForSells(s)).toPlainString());
            p.put("side", "long");
            p.put("market_value", value.toPlainString());
            p.put("cost_basis", cost.toPlainString());
            p.put("unrealized_pl", value.subtract(cost).toPlainString());
            p.put("unrealized_plpc", cost.signum() == 0 ? "0"
                    : value.subtract(cost).divide(cost, 6, RoundingMode.HALF_EVEN).toPlainString());
            p.put("current_price", price.toPlainString());
            p.put("lastday_price", price.toPlainString());
            p.put("change_today", "0");
            out.add(p);
        }
        return out;
    }

    private BigDecimal lastPrice(Symbol symbol, Instant now) {
        return prices.book(symbol, now).map(Book::last).orElse(BigDecimal.ZERO);
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return new BigDecimal(node.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
