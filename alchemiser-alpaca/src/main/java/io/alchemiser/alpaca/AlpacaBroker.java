package io.alchemiser.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.alpaca.internal.AlpacaCallException;
import io.alchemiser.alpaca.internal.AlpacaHttp;
import io.alchemiser.alpaca.internal.Json;
import io.alchemiser.alpaca.internal.MalformedResponseException;
import io.alchemiser.alpaca.internal.OrderJson;
import io.alchemiser.alpaca.internal.OrderTracker;
import io.alchemiser.alpaca.internal.TradeUpdatesStream;
import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.Asset;
import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.Position;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.BrokerException.Kind;
import io.alchemiser.core.port.BrokerException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Broker} over Alpaca's trading API v2: {@code /v2/account}, {@code /v2/positions}, {@code /v2/assets},
 * {@code /v2/orders}.
 *
 * <p><b>Submitting.</b> Orders are day orders, market or limit, keyed by the request's client order id. A submit is
 * never retried blindly: when Alpaca's answer is lost (timeout, broken connection, 5xx) the order is looked up by its
 * client order id first; if Alpaca has it, that order is returned; only if Alpaca answers 404 is it sent once more.
 * A 403 or 422 (insufficient buying power, asset not fractionable, market closed, ...) is a
 * {@link Kind#REJECTED} failure carrying Alpaca's message, logged as a warning and not retried; a 422 saying the client
 * order id is taken is {@link Kind#DUPLICATE}. A 429 is retried after Alpaca's {@code Retry-After}, since a throttled
 * request was not processed.
 *
 * <p><b>Waiting.</b> {@link #awaitTerminal} waits on one order tracker shared by every waiting thread: order states
 * come from Alpaca's {@code trade_updates} stream when it is enabled and listening, and otherwise from one batched
 * {@code GET /v2/orders?status=all&after=…} per poll cycle covering every awaited order, so ten threads waiting for
 * ten orders cost about one request a cycle, not ten. A failed check (outage, throttling) never ends a wait early:
 * at the timeout the latest known state is returned (not terminal), and an order never seen at all is a retryable
 * {@link Kind#UNAVAILABLE}. Every state the broker reads (a submit's answer, {@link #order}, {@link #ordersSince})
 * feeds the tracker too, and the first submit starts the stream, so updates flow before anyone waits.
 *
 * <p>Thread-safe. {@link #close()} stops the poller and the stream. Credentials never appear in messages or logs.
 */
public final class AlpacaBroker implements Broker, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);
    private static final int ORDER_PAGE = 500;

    private final AlpacaHttp http;
    private final OrderTracker tracker;

    /** A broker with its own HTTP client; see {@link AlpacaAdapters} to share one among the three adapters. */
    public AlpacaBroker(AlpacaConfig config) {
        this(new AlpacaHttp(config));
    }

    AlpacaBroker(AlpacaHttp http) {
        this.http = Objects.requireNonNull(http, "http");
        AlpacaConfig config = http.config();
        this.tracker = new OrderTracker(config.clock(), config.sleeper(), config.orderPollCycle(), this::order,
                this::ordersSince, config.streamEnabled() ? new TradeUpdatesStream(http, config.streamUrl()) : null);
    }

    @Override
    public Account account() {
        JsonNode node = read("read the account", () -> http.get(AlpacaHttp.Api.TRADING, "/v2/account", Map.of()));
        return parsed("the account", () -> new Account(Json.decimal(node, "equity", "account"),
                Json.decimal(node, "cash", "account"), Json.decimal(node, "buying_power", "account"),
                new Account.Standing(Json.optionalText(node, "status").orElse("ACTIVE"),
                        flag(node, "trading_blocked"), flag(node, "account_blocked"),
                        flag(node, "pattern_day_trader"))));
    }

    private static boolean flag(JsonNode node, String field) {
        return !Json.isAbsent(node, field) && Json.bool(node, field, "account");
    }

    /** Open positions; Alpaca's {@code qty} and {@code market_value} are decimal strings. */
    @Override
    public List<Position> positions() {
        JsonNode node = read("list positions", () -> http.get(AlpacaHttp.Api.TRADING, "/v2/positions", Map.of()));
        if (!node.isArray()) {
            throw new BrokerException(Kind.UNAVAILABLE, "Alpaca's positions answer is not a list");
        }
        List<Position> positions = new ArrayList<>();
        for (JsonNode p : node) {
            String context = "position";
            Symbol symbol = parsed("a position", () -> Symbol.of(Json.text(p, "symbol", "position")));
            BigDecimal qty = parsed("position " + symbol, () -> Json.decimal(p, "qty", context));
            String side = Json.optionalText(p, "side").orElse("long");
            if (qty.signum() < 0 || side.equalsIgnoreCase("short")) {
                throw new BrokerException(Kind.REJECTED, "the Alpaca account holds a short position in " + symbol
                        + " (qty " + qty + "); Alchemiser manages long-only accounts");
            }
            positions.add(parsed("position " + symbol, () -> new Position(symbol, qty,
                    Json.decimal(p, "market_value", context), Json.decimal(p, "current_price", context))));
        }
        return List.copyOf(positions);
    }

    @Override
    public Asset asset(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        JsonNode node = read("look up asset " + symbol, () -> http.get(AlpacaHttp.Api.TRADING,
                "/v2/assets/" + AlpacaHttp.segment(symbol.value()), Map.of()));
        String context = "asset " + symbol;
        return parsed(context, () -> new Asset(symbol, Json.bool(node, "tradable", context),
                Json.bool(node, "fractionable", context)));
    }

    @Override
    public Order submit(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        Order placed = place(request);
        tracker.observe(placed);
        tracker.connectStream();
        return placed;
    }

    private Order place(OrderRequest request) {
        JsonNode body = OrderJson.requestBody(request);
        try {
            return post(body);
        } catch (MalformedResponseException garbled) {
            // Alpaca said 2xx, so it acted on the submit; what it booked is read back, never resent.
            LOG.warn("submit of {} was answered with an unreadable body ({}); looking it up by client order id",
                    describe(request), garbled.getMessage());
            return lookUpAfterLostAnswer(request, garbled.getMessage()).orElseThrow(() -> new BrokerException(
                    Kind.UNAVAILABLE, "order " + request.clientOrderId() + ": Alpaca accepted the submit with an "
                    + "unreadable answer and does not show the order; not sent again", garbled));
        } catch (AlpacaCallException first) {
            if (!first.outcomeUnknown()) {
                throw submitFailure(first, request);
            }
            LOG.warn("submit of {} got no answer ({}); looking it up by client order id before any resend",
                    describe(request), first.getMessage());
            Optional<Order> landed = lookUpAfterLostAnswer(request, first.getMessage());
            if (landed.isPresent()) {
                LOG.info("order {} reached Alpaca despite the lost answer; not resending", request.clientOrderId());
                return landed.get();
            }
            LOG.info("order {} is not at Alpaca; sending it once more", request.clientOrderId());
            return resend(body, request);
        }
    }

    private Order resend(JsonNode body, OrderRequest request) {
        try {
            return post(body);
        } catch (MalformedResponseException garbled) {
            return lookUpAfterLostAnswer(request, garbled.getMessage()).orElseThrow(() -> new BrokerException(
                    Kind.UNAVAILABLE, "order " + request.clientOrderId() + ": Alpaca accepted the resend with an "
                    + "unreadable answer and does not show the order; not sent again", garbled));
        } catch (AlpacaCallException second) {
            if (second.isDuplicateClientOrderId() || second.outcomeUnknown()) {
                // Either the first attempt did land after all, or this one may have: Alpaca is the judge.
                Optional<Order> landed = lookUpAfterLostAnswer(request, second.getMessage());
                if (landed.isPresent()) {
                    return landed.get();
                }
                if (second.outcomeUnknown()) {
                    throw new BrokerException(Kind.UNAVAILABLE, "order " + request.clientOrderId()
                            + ": no answer from Alpaca to two submits and Alpaca does not hold the order; not sent "
                            + "again (" + second.getMessage() + ")", second);
                }
            }
            throw submitFailure(second, request);
        }
    }

    /** @throws MalformedResponseException if Alpaca's 2xx answer cannot be read as an order */
    private Order post(JsonNode body) {
        JsonNode answer = http.post(AlpacaHttp.Api.TRADING, "/v2/orders", body);
        try {
            return OrderJson.toOrder(answer);
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("the submitted order: " + e.getMessage(), e);
        }
    }

    /** After a lost answer: the order as Alpaca has it, or empty on 404; checks it is the order we meant. */
    private Optional<Order> lookUpAfterLostAnswer(OrderRequest request, String lost) {
        Optional<Order> found;
        try {
            found = orderByClientId(request.clientOrderId());
        } catch (BrokerException lookupFailed) {
            throw new BrokerException(Kind.UNAVAILABLE, "order " + request.clientOrderId()
                    + ": the submit's outcome is unknown (" + lost + ") and looking it up failed ("
                    + lookupFailed.getMessage() + "); not resent, look it up again before retrying", lookupFailed);
        }
        found.ifPresent(order -> {
            if (!order.symbol().equals(request.symbol()) || order.side() != request.side()) {
                throw new BrokerException(Kind.DUPLICATE, "client order id " + request.clientOrderId()
                        + " already names a different Alpaca order: " + order.side() + " " + order.symbol());
            }
        });
        return found;
    }

    @Override
    public Order order(String orderId) {
        Objects.requireNonNull(orderId, "orderId");
        JsonNode node;
        try {
            node = read("read order " + orderId, () -> http.get(AlpacaHttp.Api.TRADING,
                    "/v2/orders/" + AlpacaHttp.segment(orderId), Map.of()));
        } catch (BrokerException wrapped) {
            if (!(wrapped.getCause() instanceof AlpacaCallException)) {
                throw wrapped;
            }
            AlpacaCallException e = (AlpacaCallException) wrapped.getCause();
            if (e.isStatus(404) || e.isStatus(422)) {
                // Alpaca answers 422 for an id that is not a well-formed order id: no such order either way.
                throw new BrokerException(Kind.NOT_FOUND, "Alpaca has no order " + orderId + " (" + e.alpacaMessage()
                        + ")", e);
            }
            throw wrapped;
        }
        Order order = parsed("order " + orderId, () -> OrderJson.toOrder(node));
        tracker.observe(order);
        return order;
    }

    @Override
    public Optional<Order> orderByClientId(ClientOrderId clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        JsonNode node;
        try {
            node = read("look up client order id " + clientOrderId, () -> http.get(AlpacaHttp.Api.TRADING,
                    "/v2/orders:by_client_order_id", Map.of("client_order_id", clientOrderId.value())));
        } catch (BrokerException e) {
            if (e.getCause() instanceof AlpacaCallException && ((AlpacaCallException) e.getCause()).isStatus(404)) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(parsed("order " + clientOrderId, () -> OrderJson.toOrder(node)));
    }

    /**
     * {@code GET /v2/orders?status=all&after=…&direction=asc}, page by page ({@value #ORDER_PAGE} a page, each next
     * page after the last order's submission time).
     */
    @Override
    public List<Order> ordersSince(Instant since) {
        Objects.requireNonNull(since, "since");
        List<Order> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        Instant after = since.minusNanos(1);
        while (true) {
            Instant from = after;
            JsonNode page = read("list orders since " + since, () -> http.get(AlpacaHttp.Api.TRADING, "/v2/orders",
                    Map.of("status", "all", "after", from.toString(), "direction", "asc",
                            "limit", String.valueOf(ORDER_PAGE))));
            if (!page.isArray()) {
                throw new BrokerException(Kind.UNAVAILABLE, "Alpaca's order list is not a list");
            }
            int fresh = 0;
            for (JsonNode node : page) {
                Order order = parsed("an order in the list", () -> OrderJson.toOrder(node));
                if (seen.add(order.id())) {
                    out.add(order);
                    fresh++;
                    after = order.submittedAt().isAfter(after) ? order.submittedAt() : after;
                }
            }
            if (page.size() < ORDER_PAGE || fresh == 0) {
                out.forEach(tracker::observe);
                return out;
            }
        }
    }

    /** Cancels; a 422 from Alpaca (no longer cancelable) is quiet when the order is terminal or already cancelling. */
    @Override
    public void cancel(String orderId) {
        Objects.requireNonNull(orderId, "orderId");
        try {
            http.delete(AlpacaHttp.Api.TRADING, "/v2/orders/" + AlpacaHttp.segment(orderId));
        } catch (AlpacaCallException e) {
            if (e.isStatus(404)) {
                throw new BrokerException(Kind.NOT_FOUND, "Alpaca has no order " + orderId + " to cancel", e);
            }
            if (!e.isStatus(422)) {
                throw translate(e, "cancel order " + orderId);
            }
            Order current = order(orderId);
            if (!current.isTerminal()) {
                LOG.info("order {} is not cancelable right now ({}); it is {} and a cancel or replace is pending",
                        orderId, e.alpacaMessage(), current.status());
            }
        }
    }

    /**
     * Waits on the shared order tracker (see the class comment) until the order is terminal or {@code timeout} has
     * passed on the configured clock; returns the latest known state, terminal or not.
     *
     * @throws BrokerException {@link Kind#NOT_FOUND} for an order Alpaca does not have; {@link Kind#UNAVAILABLE}
     *     (retryable) if no state of the order could be read before the timeout
     */
    @Override
    public Order awaitTerminal(String orderId, Duration timeout) {
        return tracker.await(orderId, timeout);
    }

    /** Batched order polls made by {@link #awaitTerminal} so far (a figure for tests and benchmarks). */
    public long orderPolls() {
        return tracker.polls();
    }

    /** Stops the order poller and closes the {@code trade_updates} stream. */
    @Override
    public void close() {
        tracker.close();
    }

    private JsonNode read(String action, Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (AlpacaCallException e) {
            throw translate(e, action);
        } catch (MalformedResponseException e) {
            throw new BrokerException(Kind.UNAVAILABLE, "Alpaca: could not " + action + ": " + e.getMessage(), e);
        }
    }

    private static <T> T parsed(String what, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (MalformedResponseException | IllegalArgumentException e) {
            throw new BrokerException(Kind.UNAVAILABLE, "Alpaca's answer for " + what + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private BrokerException submitFailure(AlpacaCallException e, OrderRequest request) {
        if (e.isDuplicateClientOrderId()) {
            return new BrokerException(Kind.DUPLICATE, "Alpaca already has an order with client order id "
                    + request.clientOrderId() + ": " + e.alpacaMessage(), e);
        }
        if (e.failure() == AlpacaCallException.Failure.STATUS && e.status() >= 400 && e.status() < 500
                && e.status() != 401 && e.status() != 404) {
            String message = "Alpaca rejected " + describe(request) + ": " + e.alpacaMessage() + " (HTTP " + e.status()
                    + (e.alpacaCode() == null ? "" : ", Alpaca code " + e.alpacaCode()) + ")";
            LOG.warn(message);
            return new BrokerException(Kind.REJECTED, message, e);
        }
        return translate(e, "submit " + describe(request));
    }

    /** Maps a failed read, lookup or cancel. A 403 on a read is an authorization problem, not a business rejection. */
    private static BrokerException translate(AlpacaCallException e, String action) {
        String message = "Alpaca: could not " + action + ": " + e.getMessage();
        switch (e.failure()) {
            case RATE_LIMITED:
                return new BrokerException(Kind.RATE_LIMITED, message, e);
            case NETWORK:
            case INTERRUPTED:
                return new BrokerException(Kind.UNAVAILABLE, message, e);
            default:
                break;
        }
        int status = e.status();
        if (status == 401 || status == 403) {
            return new BrokerException(Kind.UNAUTHORIZED, message + "; check the API key pair and paper/live mode", e);
        }
        if (status == 404) {
            return new BrokerException(Kind.NOT_FOUND, message, e);
        }
        if (status >= 500) {
            return new BrokerException(Kind.UNAVAILABLE, message, e);
        }
        return new BrokerException(Kind.REJECTED, message, e);
    }

    private static String describe(OrderRequest r) {
        return r.side() + " " + r.quantity().toPlainString() + " " + r.symbol() + " " + r.type().name().toLowerCase(
                java.util.Locale.ROOT) + (r.limitPrice() == null ? "" : " @ " + r.limitPrice().toPlainString())
                + " (client order id " + r.clientOrderId() + ")";
    }
}
