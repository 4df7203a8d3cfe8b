package io.alchemiser.alpaca.emulator;

import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.PriceHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A stateful Alpaca on loopback, for tests that run whole trading days through the real adapters: the trading API
 * (account, positions, assets, orders, clock, calendar), the market data API (daily bars, snapshots, latest quotes
 * and trades) and the {@code /stream} WebSocket with {@code trade_updates}, all on one HTTP server, answering with
 * Alpaca's documented JSON and error shapes.
 *
 * <p><b>Behaviour.</b> Prices come from a core {@link PriceHistory} (a symbol's mid during a day is that day's close)
 * with a spread around it. Orders follow Alpaca's rules ({@link Exchange}): duplicate {@code client_order_id} → 422,
 * sub-penny limit → 422, insufficient buying power → 403 (a market buy checked at the ask plus 2%), insufficient
 * shares → 403. Day orders work while the market is open (an order placed while it is closed waits, "accepted", for
 * the next open) and expire at the close; a {@link FillModel} decides fills, partial fills included. Cash and
 * positions stay consistent, and sale proceeds become buying power after the settlement delay. A request budget (200
 * a minute by default) is kept across every endpoint and the stream, answering 429 with {@code X-RateLimit-Limit},
 * {@code -Remaining} and {@code -Reset}; every answer carries those headers.
 *
 * <p><b>Time.</b> Everything is on the emulator's clock: give it a {@link SimulatedClock} (shared with the adapters'
 * config and a {@link SimulatedSleeper}) and it settles orders whenever the clock moves, as well as on every request.
 *
 * <p><b>Faults.</b> {@link #outage} (connections reset, or 503) for a duration, {@link #latency}, {@link #dropStreams},
 * {@link #refuseStreams}, {@link #refuseStreamAuthentication}. <b>Hooks:</b> the request log, {@link #peakRequestsPerMinute()}, {@link #rateLimited()},
 * orders by client id, open orders, positions, cash, and callbacks on the n-th order submit or on every request.
 *
 * <p>Thread-safe. Close it when done.
 */
public final class AlpacaEmulator implements AutoCloseable {

    /** How requests fail during an outage. */
    public enum Outage {
        /** The connection is closed without an answer: the client sees a reset. */
        RESET,
        /** HTTP 503 with an error body. */
        UNAVAILABLE
    }

    /** One request as the emulator saw it: when (emulator clock), what, and the status answered (0: no answer). */
    public record LoggedRequest(Instant at, String method, String path, String query, int status) {
    }

    private final Object lock = new Object();
    private final Clock clock;
    private final Exchange exchange;
    private final Prices prices;
    private final TradingRoutes trading;
    private final DataRoutes data;
    private final StreamHub streams;
    private final RateWindow budget;
    private final String keyId;
    private final String secretKey;
    private final MockWebServer server = new MockWebServer();
    private final List<LoggedRequest> log = new CopyOnWriteArrayList<>();
    private final List<Consumer<LoggedRequest>> requestHooks = new CopyOnWriteArrayList<>();
    private final Map<Integer, Runnable> submitHooks = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger submits = new AtomicInteger();
    private volatile Instant outageUntil = Instant.MIN;
    private volatile Outage outageMode = Outage.RESET;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean refuseStreams;

    private AlpacaEmulator(Builder b) {
        this.clock = b.clock;
        this.keyId = b.keyId;
        this.secretKey = b.secretKey;
        this.prices = new Prices(b.history, b.spreadBps);
        this.exchange = new Exchange(prices, b.calendar, b.fillModel, b.settlementDelay, b.cash);
        b.assets.forEach(exchange::asset);
        b.positions.forEach((s, p) -> exchange.position(s, p[0], p[1]));
        this.trading = new TradingRoutes(exchange, b.calendar);
        this.data = new DataRoutes(prices, b.calendar, b.freePlan, b.barsPageSize);
        this.streams = new StreamHub(b.keyId, b.secretKey, b.binaryFrames);
        this.budget = new RateWindow(b.requestsPerWindow, b.window);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        if (clock instanceof SimulatedClock simulated) {
            simulated.onMove(this::settle);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server on loopback; returns this. */
    public AlpacaEmulator start() {
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Alpaca emulator", e);
        }
        return this;
    }

    /** The trading API's base URL ({@code http://127.0.0.1:port}). */
    public URI tradingUrl() {
        return base();
    }

    /** The market data API's base URL (the same server). */
    public URI dataUrl() {
        return base();
    }

    public String keyId() {
        return keyId;
    }

    public String secretKey() {
        return secretKey;
    }

    public Clock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ driving

    /** Settles the book at the clock's time now (also done on every request and, on a simulated clock, every move). */
    public void settle() {
        settle(clock.instant());
    }

    private void settle(Instant now) {
        synchronized (lock) {
            exchange.settle(now);
            exchange.drainEvents().forEach(streams::publish);
        }
    }

    /** Sets a symbol's mid price from now on (the book keeps the configured spread around it). */
    public void setPrice(Symbol symbol, BigDecimal mid) {
        prices.setMid(symbol, mid);
        settle();
    }

    /** Sets a symbol's whole book from now on; any side may be {@code null} (a one-sided or empty book). */
    public void setBook(Symbol symbol, BigDecimal bid, BigDecimal ask, BigDecimal last) {
        prices.setBook(symbol, new Book(bid, ask, last));
        settle();
    }

    /** Orders of {@code symbol} are accepted, then rejected with a {@code rejected} event. */
    public void rejectOrdersOf(Symbol symbol) {
        synchronized (lock) {
            exchange.rejectOrdersOf(symbol);
        }
    }

    /** The account's standing, as {@code GET /v2/account} reports it; a blocked account cannot submit. */
    public void setStanding(String status, boolean tradingBlocked, boolean accountBlocked, boolean patternDayTrader) {
        synchronized (lock) {
            exchange.standing(status, tradingBlocked, accountBlocked, patternDayTrader);
        }
    }

    /** Counts {@code n} requests made now by another client of the same key, eating into the budget. */
    public void spendBudget(int n) {
        budget.spend(n, clock.instant());
    }

    // ------------------------------------------------------------------ faults

    /** From now for {@code length} (emulator clock), every request fails as {@code mode} says and streams drop. */
    public void outage(Duration length, Outage mode) {
        outageMode = Objects.requireNonNull(mode, "mode");
        outageUntil = clock.instant().plus(length);
        streams.dropAll();
    }

    /** Ends any outage now. */
    public void endOutage() {
        outageUntil = Instant.MIN;
    }

    /** Real-time delay before every answer's headers. */
    public void latency(Duration delay) {
        latency = Objects.requireNonNull(delay, "delay");
    }

    /** Cuts every stream connection, as a network failure would. */
    public void dropStreams() {
        streams.dropAll();
    }

    /** Whether new stream connections are refused (HTTP 503 on the upgrade). */
    public void refuseStreams(boolean refuse) {
        refuseStreams = refuse;
    }

    /** Whether the stream answers every authentication "unauthorized" (then closes), whatever the keys. */
    public void refuseStreamAuthentication(boolean refuse) {
        streams.refuseAuthentication(refuse);
    }

    // ------------------------------------------------------------------ hooks

    /** Runs {@code action} right after the {@code n}-th order submit (1-based) is booked, before it is answered. */
    public void onSubmit(int n, Runnable action) {
        submitHooks.put(n, Objects.requireNonNull(action, "action"));
    }

    /** Hears every request after it is answered. */
    public void onRequest(Consumer<LoggedRequest> hook) {
        requestHooks.add(Objects.requireNonNull(hook, "hook"));
    }

    /** Every request so far, in arrival order. */
    public List<LoggedRequest> requests() {
        return List.copyOf(log);
    }

    /** Requests so far with this method whose path starts with {@code pathPrefix}. */
    public long requestCount(String method, String pathPrefix) {
        return log.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).count();
    }

    /** The most requests admitted within any rolling budget window (60 s by default). */
    public int peakRequestsPerMinute() {
        return budget.peak();
    }

    /** Requests answered 429. */
    public int rateLimited() {
        return budget.refused();
    }

    /** Stream connections listening to {@code trade_updates} now. */
    public int streamListeners() {
        return streams.listeners();
    }

    /** Stream connections opened so far. */
    public int streamConnections() {
        return streams.connectionsOpened();
    }

    /** Every order, oldest first, as the core sees orders. */
    public List<Order> orders() {
        synchronized (lock) {
            return exchange.orders().stream().map(EmulatedOrder::toOrder).collect(Collectors.toList());
        }
    }

    /** Orders still working (accepted, new, partially filled). */
    public List<Order> openOrders() {
        synchronized (lock) {
            return exchange.orders().stream().filter(EmulatedOrder::isOpen).map(EmulatedOrder::toOrder)
                    .collect(Collectors.toList());
        }
    }

    public Optional<Order> orderByClientId(String clientOrderId) {
        synchronized (lock) {
            return exchange.orderByClientId(clientOrderId).map(EmulatedOrder::toOrder);
        }
    }

    /** Shares held per symbol. */
    public Map<Symbol, BigDecimal> positions() {
        synchronized (lock) {
            return exchange.positionQuantities();
        }
    }

    /** Cash, settled or not. */
    public BigDecimal cash() {
        synchronized (lock) {
            return exchange.cash();
        }
    }

    public BigDecimal buyingPower() {
        synchronized (lock) {
            return exchange.buyingPower();
        }
    }

    @Override
    public void close() {
        streams.dropAll();
        server.close();
    }

    // ------------------------------------------------------------------ serving

    private MockResponse handle(RecordedRequest request) {
        Instant now = clock.instant();
        String method = request.getMethod();
        String path = request.getUrl().encodedPath();
        String query = request.getUrl().encodedQuery();
        if (now.isBefore(outageUntil)) {
            MockResponse failed = outageMode == Outage.RESET
                    ? new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build()
                    : json(503, EmulatorJson.write(EmulatorJson.error(50300000, "service unavailable")));
            return logged(now, method, path, query, outageMode == Outage.RESET ? 0 : 503, failed);
        }
        boolean stream = path.equals("/stream");
        if (!stream && !(keyId.equals(request.getHeaders().get("APCA-API-KEY-ID"))
                && secretKey.equals(request.getHeaders().get("APCA-API-SECRET-KEY")))) {
            return logged(now, method, path, query, 401,
                    json(401, EmulatorJson.write(EmulatorJson.error(40110000, "request is not authorized"))));
        }
        RateWindow.Verdict verdict = budget.admit(now);
        if (!verdict.admitted()) {
            return logged(now, method, path, query, 429, limits(new MockResponse.Builder().code(429)
                    .addHeader("Content-Type", "application/json").body("{\"message\":\"too many requests.\"}"),
                    verdict).build());
        }
        if (stream) {
            if (refuseStreams) {
                return logged(now, method, path, query, 503, json(503, "{\"message\":\"stream unavailable\"}"));
            }
            return logged(now, method, path, query, 101,
                    new MockResponse.Builder().webSocketUpgrade(streams.newSession()).build());
        }
        Exchange.Answer answer;
        synchronized (lock) {
            exchange.settle(now);
            answer = trading.route(method, path, request.getUrl(), request.getBody() == null ? ""
                    : request.getBody().utf8(), now)
                    .or(() -> data.route(method, path, request.getUrl(), now))
                    .orElse(Exchange.Answer.error(404, 40410000, "endpoint not found"));
            exchange.drainEvents().forEach(streams::publish);
        }
        if (method.equals("POST") && path.equals("/v2/orders") && answer.status() == 200) {
            Runnable hook = submitHooks.remove(submits.incrementAndGet());
            if (hook != null) {
                hook.run();
            }
            settle(now);
        }
        MockResponse.Builder response = new MockResponse.Builder().code(answer.status());
        if (answer.body() != null) {
            response.addHeader("Content-Type", "application/json").body(EmulatorJson.write(answer.body()));
        }
        if (!latency.isZero()) {
            response.headersDelay(latency.toMillis(), TimeUnit.MILLISECONDS);
        }
        return logged(now, method, path, query, answer.status(), limits(response, verdict).build());
    }

    private MockResponse logged(Instant at, String method, String path, String query, int status, MockResponse r) {
        LoggedRequest entry = new LoggedRequest(at, method, path, query, status);
        log.add(entry);
        requestHooks.forEach(h -> h.accept(entry));
        return r;
    }

    private static MockResponse.Builder limits(MockResponse.Builder r, RateWindow.Verdict v) {
        return r.addHeader("X-RateLimit-Limit", String.valueOf(v.limit()))
                .addHeader("X-RateLimit-Remaining", String.valueOf(v.remaining()))
                .addHeader("X-RateLimit-Reset", String.valueOf(v.resetEpochSecond()));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private URI base() {
        String url = server.url("/").toString();
        return URI.create(url.substring(0, url.length() - 1));
    }

    /** Configures an {@link AlpacaEmulator}; everything has a default but the prices. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private PriceHistory history;
        private int spreadBps = 10;
        private BigDecimal cash = new BigDecimal("100000.00");
        private MarketCalendar calendar = MarketCalendar.weekdays();
        private FillModel fillModel = FillModel.marketable();
        private Duration settlementDelay = Duration.ZERO;
        private int requestsPerWindow = 200;
        private Duration window = Duration.ofMinutes(1);
        private boolean freePlan;
        private boolean binaryFrames = true;
        private int barsPageSize = 10_000;
        private String keyId = "PKEMULATOR00000000000";
        private String secretKey = "emulator-secret-0000000000000000000000";
        private final Map<Symbol, Exchange.AssetRules> assets = new java.util.LinkedHashMap<>();
        private final Map<Symbol, BigDecimal[]> positions = new java.util.LinkedHashMap<>();

        private Builder() {
        }

        /** The emulator's clock; a {@link SimulatedClock} also drives fills as it moves. Default: system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where bars and quotes come from; a symbol it knows is a tradable, fractionable asset. */
        public Builder prices(PriceHistory history) {
            this.history = Objects.requireNonNull(history, "history");
            return this;
        }

        /** The quoted spread in basis points of the mid; default 10. */
        public Builder spreadBps(int bps) {
            if (bps < 0 || bps > 10_000) {
                throw new IllegalArgumentException("spread must be 0..10000 bps, got " + bps);
            }
            this.spreadBps = bps;
            return this;
        }

        /** Starting cash, settled; default 100,000. */
        public Builder cash(BigDecimal cash) {
            this.cash = Objects.requireNonNull(cash, "cash");
            return this;
        }

        /** A starting position at an average price. */
        public Builder position(Symbol symbol, BigDecimal qty, BigDecimal averagePrice) {
            positions.put(symbol, new BigDecimal[] {qty, averagePrice});
            return this;
        }

        /** Overrides an asset's flags (an asset the prices do not know can be declared this way). */
        public Builder asset(Symbol symbol, boolean tradable, boolean fractionable) {
            assets.put(symbol, new Exchange.AssetRules(tradable, fractionable));
            return this;
        }

        public Builder calendar(MarketCalendar calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        public Builder fillModel(FillModel model) {
            this.fillModel = Objects.requireNonNull(model, "model");
            return this;
        }

        /** How long sale proceeds take to count as buying power; default zero. */
        public Builder settlementDelay(Duration delay) {
            this.settlementDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** The request budget: {@code requests} within any rolling {@code window}; default 200 a minute. */
        public Builder rateLimit(int requests, Duration window) {
            this.requestsPerWindow = requests;
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Alpaca's free plan: SIP data newer than 15 minutes (latest quotes, recent bars) is refused with 403. */
        public Builder freePlan(boolean free) {
            this.freePlan = free;
            return this;
        }

        /** Text frames on the stream, as Alpaca's live host sends (default binary, as the paper host). */
        public Builder textFrames() {
            this.binaryFrames = false;
            return this;
        }

        /** Bars per page at most (also capped by the request's {@code limit}); default 10,000. */
        public Builder barsPageSize(int size) {
            this.barsPageSize = size;
            return this;
        }

        /** The only key pair accepted. */
        public Builder keys(String keyId, String secretKey) {
            this.keyId = Objects.requireNonNull(keyId, "keyId");
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /** Builds and starts the emulator. */
        public AlpacaEmulator start() {
            return new AlpacaEmulator(this).start();
        }
    }
}
