package io.alchemiser.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alchemiser.alpaca.emulator.AlpacaEmulator;
import io.alchemiser.alpaca.emulator.FillModel;
import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.BrokerException.Kind;
import io.alchemiser.core.port.BrokerException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Waiting for orders against the emulator through the real broker adapter: ten threads waiting for ten orders cost
 * about one request per poll cycle, the stream makes polling all but unnecessary, a dropped stream falls back to
 * polling, an outage never ends a wait with a false terminal state, and a budget eaten by another client costs a
 * 429 that is waited out. Each test prints its figures (requests per order, peak per minute, 429s).
 */
class AlpacaOrderWaitTest {
    private static final Symbol SPY = Symbol.of("SPY");
    private static final int ORDERS = 10;

    @AutoClose
    private AlpacaAdapters adapters;
    @AutoClose
    private EmulatedAlpaca alpaca;


    /** Ten buy limits at the mid, placed two simulated seconds apart; each fills after resting 20 s. */
    private List<Order> tenRestingBuys(AlpacaBroker broker) {
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            placed.add(broker.submit(OrderRequest.limit(new ClientOrderId("wait-SPY-B" + i), SPY, Side.BUY,
                    BigDecimal.ONE, new BigDecimal("600.00"))));
            alpaca.clock.advance(Duration.ofSeconds(2));
        }
        return placed;
    }

    private static List<Order> awaitAll(AlpacaBroker broker, List<Order> placed, Duration timeout) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(placed.size());
        try {
            List<Callable<Order>> waits = new ArrayList<>();
            for (Order o : placed) {
                waits.add(() -> broker.awaitTerminal(o.id(), timeout));
            }
            List<Order> out = new ArrayList<>();
            for (Future<Order> f : pool.invokeAll(waits)) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }


    private void report(String what) {
        AlpacaEmulator e = alpaca.emulator;
        long total = e.requests().size();
        System.out.printf("%s: %d orders, %d requests (%.2f per order; %d order lists, %d single-order reads), "
                        + "peak %d per rolling minute, %d answered 429, client budget %s%n", what, ORDERS, total,
                total / (double) ORDERS, e.requestCount("GET", "/v2/orders") - singleReads(), singleReads(),
                e.peakRequestsPerMinute(), e.rateLimited(), adapters.requestStats());
    }

    private long singleReads() {
        return alpaca.emulator.requests().stream().filter(r -> r.method().equals("GET")
                && r.path().startsWith("/v2/orders/")).count();
    }

    private long orderLists() {
        return alpaca.emulator.requests().stream().filter(r -> r.method().equals("GET")
                && r.path().equals("/v2/orders")).count();
    }

    @Test
    void tenThreadsWaitingForTenOrdersCostOneListRequestPerCycleAndStayUnderTheBudget() throws Exception {
        alpaca = new EmulatedAlpaca(b -> b.fillModel(FillModel.restingAtMidAfter(Duration.ofSeconds(20))));
        adapters = AlpacaAdapters.create(alpaca.config().stream(false).build());
        AlpacaBroker broker = adapters.broker();
        List<Order> placed = tenRestingBuys(broker);
        java.time.Instant waitsBegin = alpaca.clock.instant();

        List<Order> done = awaitAll(broker, placed, Duration.ofSeconds(120));

        assertThat(done).extracting(Order::status).containsOnly(OrderStatus.FILLED);
        long cycles = Duration.between(waitsBegin, alpaca.clock.instant()).dividedBy(Duration.ofSeconds(2));
        // The last order rests until 20 s after it was placed: about ten cycles of waiting, one list each.
        assertThat(cycles).isBetween(9L, 11L);
        assertThat(orderLists()).isBetween(cycles, cycles + 1);
        assertThat(broker.orderPolls()).isEqualTo(orderLists());
        assertThat(singleReads()).isZero();
        assertThat(alpaca.emulator.rateLimited()).isZero();
        assertThat(alpaca.emulator.peakRequestsPerMinute()).isLessThan(200);
        report("10 concurrent waits, polling only");
    }

    @Test
    void withTheStreamListeningFillsArriveWithoutPolling() throws Exception {
        alpaca = new EmulatedAlpaca(EmulatedAlpaca.TUESDAY_10AM,
                b -> b.fillModel(FillModel.restingAtMidAfter(Duration.ofSeconds(20))), 50);
        adapters = AlpacaAdapters.create(alpaca.config().build());
        AlpacaBroker broker = adapters.broker();
        List<Order> placed = tenRestingBuys(broker); // the first submit starts the stream
        alpaca.untilTheStreamListens();

        List<Order> done = awaitAll(broker, placed, Duration.ofSeconds(120));

        assertThat(done).extracting(Order::status).containsOnly(OrderStatus.FILLED);
        assertThat(alpaca.emulator.streamListeners()).isEqualTo(1);
        assertThat(alpaca.emulator.streamConnections()).isEqualTo(1);
        // One list when the waits begin (it also catches up on what the stream may have missed while connecting);
        // the 30 s safety net never comes due in these 20 s; a second list only if the ack was still in flight.
        assertThat(orderLists()).isBetween(1L, 2L);
        assertThat(singleReads()).isZero();
        assertThat(alpaca.emulator.rateLimited()).isZero();
        report("10 concurrent waits, trade_updates stream");
    }

    @Test
    void whenTheStreamDropsPollingFindsTheFillsAndTheStreamComesBack() throws Exception {
        alpaca = new EmulatedAlpaca(EmulatedAlpaca.TUESDAY_10AM,
                b -> b.fillModel(FillModel.restingAtMidAfter(Duration.ofSeconds(20))), 50);
        adapters = AlpacaAdapters.create(alpaca.config().build());
        AlpacaBroker broker = adapters.broker();
        Order first = broker.submit(OrderRequest.limit(new ClientOrderId("drop-SPY-B0"), SPY, Side.BUY,
                BigDecimal.ONE, new BigDecimal("599.00")));
        alpaca.untilTheStreamListens();
        alpaca.emulator.refuseStreams(true);
        alpaca.emulator.dropStreams();
        long listsBefore = orderLists();

        List<Order> done = awaitAll(broker, tenRestingBuys(broker), Duration.ofSeconds(120));

        assertThat(done).extracting(Order::status).containsOnly(OrderStatus.FILLED);
        assertThat(orderLists() - listsBefore).isGreaterThanOrEqualTo(5);
        assertThat(alpaca.emulator.streamListeners()).isZero();
        alpaca.emulator.refuseStreams(false);
        // Reconnecting backs off to at most a minute; a wait of 90 s sees the stream back.
        assertThat(broker.awaitTerminal(first.id(), Duration.ofSeconds(90)).status()).isEqualTo(OrderStatus.NEW);
        assertThat(alpaca.emulator.streamListeners()).isEqualTo(1);
        assertThat(singleReads()).isZero();
        report("stream dropped, then back");
    }

    @Test
    void anOutageNeverEndsAWaitWithAFalseTerminalStateAndTheFillIsFoundAfterIt() {
        alpaca = new EmulatedAlpaca(b -> b.fillModel(FillModel.restingAtMidAfter(Duration.ofSeconds(20))));
        adapters = AlpacaAdapters.create(alpaca.config().stream(false).retryPolicy(
                new io.alchemiser.alpaca.config.RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(60))).build());
        AlpacaBroker broker = adapters.broker();
        Order placed = broker.submit(OrderRequest.limit(new ClientOrderId("outage-SPY-B0"), SPY, Side.BUY,
                BigDecimal.ONE, new BigDecimal("600.00")));
        alpaca.emulator.outage(Duration.ofSeconds(60), AlpacaEmulator.Outage.RESET);

        Order during = broker.awaitTerminal(placed.id(), Duration.ofSeconds(40));
        BrokerException unknown = catchThrowableOfType(BrokerException.class,
                () -> broker.awaitTerminal("0b7c8a3e-0000-4000-8000-000000000000", Duration.ofSeconds(5)));
        Order after = broker.awaitTerminal(placed.id(), Duration.ofSeconds(60));

        assertThat(during.status()).isEqualTo(OrderStatus.NEW);
        assertThat(during.filledQuantity()).isZero();
        assertThat(alpaca.emulator.orderByClientId("outage-SPY-B0")).get().extracting(Order::status)
                .isEqualTo(OrderStatus.FILLED);
        assertThat(unknown.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(unknown.retryable()).isTrue();
        assertThat(after.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(alpaca.emulator.requests()).filteredOn(r -> r.status() == 0).isNotEmpty();
    }

    @Test
    void aBudgetEatenByAnotherClientCostsOne429ThatIsWaitedOut() throws Exception {
        alpaca = new EmulatedAlpaca(b -> b);
        adapters = AlpacaAdapters.create(alpaca.config().stream(false).build());
        HttpClient other = HttpClient.newHttpClient();
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> r = other.send(HttpRequest.newBuilder(URI.create(alpaca.emulator.tradingUrl()
                    + "/v2/clock")).header("APCA-API-KEY-ID", alpaca.emulator.keyId())
                    .header("APCA-API-SECRET-KEY", alpaca.emulator.secretKey()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-RateLimit-Remaining")).contains(String.valueOf(199 - i));
        }
        alpaca.clock.advance(Duration.ofSeconds(10));

        assertThat(adapters.broker().account().cash()).isEqualByComparingTo("100000.00");

        assertThat(alpaca.emulator.rateLimited()).isEqualTo(1);
        AlpacaEmulator.LoggedRequest refused = alpaca.emulator.requests().get(200);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(alpaca.sleeper.waits()).containsExactly(Duration.ofSeconds(50));
        assertThat(alpaca.emulator.peakRequestsPerMinute()).isEqualTo(200);
    }
}
