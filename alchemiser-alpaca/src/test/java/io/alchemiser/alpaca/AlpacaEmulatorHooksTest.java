package io.alchemiser.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alchemiser.alpaca.config.RetryPolicy;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The emulator's hooks and faults, as a test driving a whole day would use them. */
class AlpacaEmulatorHooksTest {
    private static final Symbol SPY = Symbol.of("SPY");

    @AutoClose
    private AlpacaAdapters adapters;
    @AutoClose
    private EmulatedAlpaca alpaca;


    private static OrderRequest restingBuy(String id) {
        return OrderRequest.limit(new ClientOrderId(id), SPY, Side.BUY, BigDecimal.ONE, new BigDecimal("500.00"));
    }

    @Test
    void aCallbackRunsOnceRightAfterTheNthSubmitIsBookedAndTheRequestLogIsOnTheEmulatorClock() {
        alpaca = new EmulatedAlpaca(b -> b);
        adapters = AlpacaAdapters.create(alpaca.config().stream(false).build());
        List<List<Order>> seen = new ArrayList<>();
        alpaca.emulator.onSubmit(3, () -> seen.add(alpaca.emulator.openOrders()));

        for (int i = 0; i < 5; i++) {
            adapters.broker().submit(restingBuy("hook-SPY-B" + i));
            alpaca.clock.advance(Duration.ofSeconds(1));
        }

        assertThat(seen).singleElement().satisfies(open -> assertThat(open).extracting(o -> o.clientOrderId().value())
                .containsExactly("hook-SPY-B0", "hook-SPY-B1", "hook-SPY-B2"));
        assertThat(alpaca.emulator.orderByClientId("hook-SPY-B4")).get().extracting(Order::status)
                .isEqualTo(OrderStatus.NEW);
        assertThat(alpaca.emulator.requests()).extracting(AlpacaEmulator.LoggedRequest::at)
                .containsExactly(EmulatedAlpaca.TUESDAY_10AM, EmulatedAlpaca.TUESDAY_10AM.plusSeconds(1),
                        EmulatedAlpaca.TUESDAY_10AM.plusSeconds(2), EmulatedAlpaca.TUESDAY_10AM.plusSeconds(3),
                        EmulatedAlpaca.TUESDAY_10AM.plusSeconds(4));
        assertThat(alpaca.emulator.requestCount("POST", "/v2/orders")).isEqualTo(5);
    }

    @Test
    void anOutageAnswering503IsUnavailableAndRetryableThenServiceResumes() {
        alpaca = new EmulatedAlpaca(b -> b);
        adapters = AlpacaAdapters.create(alpaca.config().stream(false)
                .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(60)))
                .build());
        alpaca.emulator.outage(Duration.ofSeconds(10), AlpacaEmulator.Outage.UNAVAILABLE);

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> adapters.broker().positions());
        alpaca.clock.advance(Duration.ofSeconds(10));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("503").contains("service unavailable");
        assertThat(adapters.broker().positions()).isEmpty();
        assertThat(alpaca.emulator.requests()).extracting(AlpacaEmulator.LoggedRequest::status)
                .containsExactly(503, 503, 503, 200);
    }

    @Test
    void anOutageOfResetConnectionsGivesNoAnswerAtAllNotAnEmptyOne() throws Exception {
        alpaca = new EmulatedAlpaca(b -> b);
        alpaca.emulator.outage(Duration.ofSeconds(10), AlpacaEmulator.Outage.RESET);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest account = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(alpaca.emulator.tradingUrl() + "/v2/account"))
                .header("APCA-API-KEY-ID", alpaca.emulator.keyId())
                .header("APCA-API-SECRET-KEY", alpaca.emulator.secretKey()).build();

        java.io.IOException reset = catchThrowableOfType(java.io.IOException.class,
                () -> client.send(account, java.net.http.HttpResponse.BodyHandlers.ofString()));
        alpaca.clock.advance(Duration.ofSeconds(10));

        assertThat(reset).as("the connection closed before any answer").isNotNull();
        assertThat(client.send(account, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(alpaca.emulator.requests()).extracting(AlpacaEmulator.LoggedRequest::status).startsWith(0)
                .endsWith(200);
    }

    @Test
    void addedLatencyBeyondTheRequestTimeoutIsAnUnavailableBroker() {
        alpaca = new EmulatedAlpaca(b -> b);
        adapters = AlpacaAdapters.create(alpaca.config().stream(false).requestTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.none()).build());
        alpaca.emulator.latency(Duration.ofSeconds(2));

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> adapters.broker().account());

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("no response from Alpaca");
    }

    @Test
    void textFramesAsOnTheLiveHostCarryTradeUpdatesToo() throws Exception {
        alpaca = new EmulatedAlpaca(EmulatedAlpaca.TUESDAY_10AM,
                b -> b.textFrames().fillModel(FillModel.restingAtMidAfter(Duration.ofSeconds(10))), 50);
        adapters = AlpacaAdapters.create(alpaca.config().build());
        Order placed = adapters.broker().submit(OrderRequest.limit(new ClientOrderId("text-SPY-B0"), SPY, Side.BUY,
                BigDecimal.ONE, new BigDecimal("600.00")));
        alpaca.untilTheStreamListens();

        Order done = adapters.broker().awaitTerminal(placed.id(), Duration.ofSeconds(60));

        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        // Polling alone would list five times in the 10 s the order rests; the stream leaves the first list and at
        // most a catch-up list (if the listen acknowledgement was still in flight when the wait began).
        assertThat(alpaca.emulator.requestCount("GET", "/v2/orders")).isLessThanOrEqualTo(2);
    }

    @Test
    void aStreamThatRefusesTheKeysLeavesPollingToDoTheWork() {
        alpaca = new EmulatedAlpaca(b -> b.fillModel(FillModel.restingAtMidAfter(Duration.ofSeconds(10))));
        alpaca.emulator.refuseStreamAuthentication(true);
        adapters = AlpacaAdapters.create(alpaca.config().build());
        Order placed = adapters.broker().submit(OrderRequest.limit(new ClientOrderId("auth-SPY-B0"), SPY,
                Side.BUY, BigDecimal.ONE, new BigDecimal("600.00")));

        Order done = adapters.broker().awaitTerminal(placed.id(), Duration.ofSeconds(60));

        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(alpaca.emulator.streamListeners()).isZero();
        assertThat(alpaca.emulator.requestCount("GET", "/v2/orders")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aStreamThatCannotBeOpenedLeavesPollingToDoTheWork() {
        alpaca = new EmulatedAlpaca(b -> b.fillModel(FillModel.restingAtMidAfter(Duration.ofSeconds(10))));
        alpaca.emulator.refuseStreams(true);
        adapters = AlpacaAdapters.create(alpaca.config().build());
        Order placed = adapters.broker().submit(OrderRequest.limit(new ClientOrderId("open-SPY-B0"), SPY,
                Side.BUY, BigDecimal.ONE, new BigDecimal("600.00")));

        Order done = adapters.broker().awaitTerminal(placed.id(), Duration.ofSeconds(60));

        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(alpaca.emulator.requests()).filteredOn(r -> r.path().equals("/stream"))
                .extracting(AlpacaEmulator.LoggedRequest::status).isNotEmpty().containsOnly(503);
        assertThat(alpaca.emulator.requestCount("GET", "/v2/orders")).isGreaterThanOrEqualTo(5);
    }

}
