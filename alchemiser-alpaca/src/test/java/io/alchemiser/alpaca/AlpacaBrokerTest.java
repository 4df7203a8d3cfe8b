package io.alchemiser.alpaca;

import static io.alchemiser.alpaca.AlpacaServers.json;
import static io.alchemiser.alpaca.AlpacaServers.take;
import static io.alchemiser.alpaca.Fixtures.error;
import static io.alchemiser.alpaca.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.Asset;
import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.OrderType;
import io.alchemiser.core.domain.Position;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.BrokerException.Kind;
import io.alchemiser.core.port.BrokerException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlpacaBrokerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final ClientOrderId CID = ClientOrderId.of(RunId.forDate(LocalDate.of(2024, 11, 29)), 0, AAPL,
            Side.BUY, 0);
    private static final String ID = "61e69015-8549-4bfd-b9c3-01e75843f47d";

    private AlpacaServers servers;

    @BeforeEach
    void start() throws Exception {
        servers = new AlpacaServers();
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    private AlpacaBroker broker() {
        return new AlpacaBroker(servers.config());
    }

    private static OrderRequest limitBuy() {
        return OrderRequest.limit(CID, AAPL, Side.BUY, new BigDecimal("10"), new BigDecimal("151.50"));
    }

    private static String accepted(String clientId) {
        return order(ID, clientId, "AAPL", "buy", "limit", "10", "151.5", "accepted", "0", null);
    }

    @Test
    void accountReadsAlpacasDecimalStringsWithTheKeyHeaders() throws Exception {
        servers.trading.enqueue(json(Fixtures.account("103820.56", "-23140.2", "262113.632")));

        Account account = broker().account();

        assertThat(account.equity()).isEqualByComparingTo("103820.56");
        assertThat(account.cash()).isEqualByComparingTo("-23140.2");
        assertThat(account.buyingPower()).isEqualByComparingTo("262113.632");
        RecordedRequest r = take(servers.trading);
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/account");
        assertThat(r.getHeaders().get("APCA-API-KEY-ID")).isEqualTo(AlpacaServers.KEY_ID);
        assertThat(r.getHeaders().get("APCA-API-SECRET-KEY")).isEqualTo(AlpacaServers.SECRET);
        assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(servers.data.getRequestCount()).isZero();
    }

    @Test
    void positionsReadQuantityValueAndPriceAndTrimTheSymbol() throws Exception {
        servers.trading.enqueue(json("[" + Fixtures.position("AAPL ", "5", "long", "600.0", "120.0") + ","
                + Fixtures.position("BRK.B", "0.123456789", "long", "44.49", "360.42") + "]"));

        List<Position> positions = broker().positions();

        assertThat(positions).extracting(Position::symbol).containsExactly(AAPL, Symbol.of("BRK.B"));
        assertThat(positions.get(0).quantity()).isEqualByComparingTo("5");
        assertThat(positions.get(0).marketValue()).isEqualByComparingTo("600.0");
        assertThat(positions.get(1).quantity()).isEqualByComparingTo("0.123456789");
        assertThat(positions.get(1).currentPrice()).isEqualByComparingTo("360.42");
        assertThat(take(servers.trading).getUrl().encodedPath()).isEqualTo("/v2/positions");
    }

    @Test
    void aShortPositionIsRefusedNamingTheSymbol() {
        servers.trading.enqueue(json("[" + Fixtures.position("TSLA", "-3", "short", "-537.0", "179.0") + "]"));

        assertThatThrownBy(() -> broker().positions())
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining("TSLA")
                .hasMessageContaining("short");
    }

    @Test
    void assetReportsTradableAndFractionable() throws Exception {
        servers.trading.enqueue(json(Fixtures.asset("BRK.B", true, false)));

        Asset asset = broker().asset(Symbol.of("BRK.B"));

        assertThat(asset).isEqualTo(new Asset(Symbol.of("BRK.B"), true, false));
        assertThat(take(servers.trading).getUrl().encodedPath()).isEqualTo("/v2/assets/BRK.B");
    }

    @Test
    void anUnknownAssetIsNotFound() {
        servers.trading.enqueue(json(404, error(40410000, "asset not found")));

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker().asset(Symbol.of("NOPE")));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.getMessage()).contains("NOPE").contains("asset not found");
    }

    @Test
    void aLimitOrderIsPostedAsADayOrderWithDecimalStrings() throws Exception {
        servers.trading.enqueue(json(accepted(CID.value())));

        Order placed = broker().submit(limitBuy());

        assertThat(placed.id()).isEqualTo(ID);
        assertThat(placed.clientOrderId()).isEqualTo(CID);
        assertThat(placed.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(placed.type()).isEqualTo(OrderType.LIMIT);
        assertThat(placed.limitPrice()).isEqualByComparingTo("151.50");
        assertThat(placed.submittedAt()).isEqualTo(Instant.parse("2024-11-29T17:38:24.848207033Z"));
        RecordedRequest r = take(servers.trading);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/orders");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = MAPPER.readTree(r.getBody().utf8());
        assertThat(body.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(body.get("qty").asText()).isEqualTo("10");
        assertThat(body.get("side").asText()).isEqualTo("buy");
        assertThat(body.get("type").asText()).isEqualTo("limit");
        assertThat(body.get("time_in_force").asText()).isEqualTo("day");
        assertThat(body.get("limit_price").asText()).isEqualTo("151.50");
        assertThat(body.get("client_order_id").asText()).isEqualTo("run-2024-11-29.0-AAPL-B0");
        assertThat(body.size()).isEqualTo(7);
    }

    @Test
    void aFractionalMarketSellHasNoLimitPrice() throws Exception {
        ClientOrderId cid = new ClientOrderId("run-2024-11-29-SPY-S0");
        servers.trading.enqueue(json(order(ID, cid.value(), "SPY", "sell", "market", "1.234567891", null, "filled",
                "1.234567891", "602.31")));

        Order placed = broker().submit(OrderRequest.market(cid, Symbol.of("SPY"), Side.SELL,
                new BigDecimal("1.234567891")));

        assertThat(placed.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(placed.averageFillPrice()).isEqualByComparingTo("602.31");
        assertThat(placed.filledQuantity()).isEqualByComparingTo("1.234567891");
        JsonNode body = MAPPER.readTree(take(servers.trading).getBody().utf8());
        assertThat(body.get("type").asText()).isEqualTo("market");
        assertThat(body.get("qty").asText()).isEqualTo("1.234567891");
        assertThat(body.has("limit_price")).isFalse();
    }

    @Test
    void insufficientBuyingPowerIsARejectionWithAlpacasMessageAndIsNotRetried() {
        servers.trading.enqueue(json(403, "{\"buying_power\":\"176531.28\",\"code\":40310000,"
                + "\"cost_basis\":\"48640000\",\"message\":\"insufficient buying power\"}"));

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker().submit(limitBuy()));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("insufficient buying power").contains("40310000").contains(CID.value());
        assertThat(servers.trading.getRequestCount()).isEqualTo(1);
        assertThat(servers.sleeper.waits()).isEmpty();
    }

    @Test
    void aNonFractionableAssetIsARejection() {
        servers.trading.enqueue(json(422, error(40310000, "asset \\\"BRK.A\\\" is not fractionable")));

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker().submit(OrderRequest.market(
                new ClientOrderId("run-x-BRK.A-B0"), Symbol.of("BRK.A"), Side.BUY, new BigDecimal("0.5"))));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("is not fractionable");
        assertThat(servers.trading.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aClosedMarketIsARejection() {
        servers.trading.enqueue(json(403, error(40310000, "market is closed")));

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker().submit(limitBuy()));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("market is closed");
    }

    @Test
    void aTakenClientOrderIdIsADuplicate() {
        servers.trading.enqueue(json(422, error(40010001, "client_order_id must be unique")));

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker().submit(limitBuy()));

        assertThat(e.kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(servers.trading.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSubmitThatTimesOutIsLookedUpByClientOrderIdAndNotResent() throws Exception {
        FakeOrderDesk desk = new FakeOrderDesk(FakeOrderDesk.Post.CREATE_THEN_STALL);
        servers.trading.setDispatcher(desk);
        AlpacaBroker broker = new AlpacaBroker(servers.configBuilder().requestTimeout(Duration.ofMillis(700)).build());

        Order order = broker.submit(limitBuy());

        assertThat(order.clientOrderId()).isEqualTo(CID);
        assertThat(order.symbol()).isEqualTo(AAPL);
        assertThat(desk.created()).isEqualTo(1);
        assertThat(desk.log()).containsExactly("POST", "LOOKUP found");
        RecordedRequest post = take(servers.trading);
        RecordedRequest lookup = take(servers.trading);
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(lookup.getUrl().encodedPath()).isEqualTo("/v2/orders:by_client_order_id");
        assertThat(lookup.getUrl().queryParameter("client_order_id")).isEqualTo(CID.value());
        assertThat(lookup.getHeaders().get("APCA-API-KEY-ID")).isEqualTo(AlpacaServers.KEY_ID);
    }

    @Test
    void aSubmitLostBeforeReachingAlpacaIsResentOnceAfterTheLookupFindsNothing() {
        FakeOrderDesk desk = new FakeOrderDesk(FakeOrderDesk.Post.LOSE, FakeOrderDesk.Post.CREATE);
        servers.trading.setDispatcher(desk);
        AlpacaBroker broker = new AlpacaBroker(servers.configBuilder().requestTimeout(Duration.ofMillis(700)).build());

        Order order = broker.submit(limitBuy());

        assertThat(order.clientOrderId()).isEqualTo(CID);
        assertThat(desk.created()).isEqualTo(1);
        assertThat(desk.log()).containsExactly("POST", "LOOKUP missing", "POST");
    }

    @Test
    void aServerErrorAfterTheOrderWasBookedIsReconciledNotRetried() {
        FakeOrderDesk desk = new FakeOrderDesk(FakeOrderDesk.Post.CREATE_THEN_500);
        servers.trading.setDispatcher(desk);

        Order order = broker().submit(limitBuy());

        assertThat(order.clientOrderId()).isEqualTo(CID);
        assertThat(desk.created()).isEqualTo(1);
        assertThat(desk.log()).containsExactly("POST", "LOOKUP found");
        assertThat(servers.sleeper.waits()).isEmpty();
    }

    @Test
    void aResendRefusedAsDuplicateReturnsTheOrderTheFirstAttemptBooked() {
        // The first POST lands only after the lookup said "missing": the resend meets Alpaca's uniqueness rule, and
        // the broker returns the one booked order instead of failing or booking a second.
        FakeOrderDesk desk = new FakeOrderDesk(FakeOrderDesk.Post.BOOK_LATE, FakeOrderDesk.Post.CREATE);
        servers.trading.setDispatcher(desk);
        AlpacaBroker broker = new AlpacaBroker(servers.configBuilder().requestTimeout(Duration.ofMillis(700)).build());

        Order order = broker.submit(limitBuy());

        assertThat(order.clientOrderId()).isEqualTo(CID);
        assertThat(desk.created()).isEqualTo(1);
        assertThat(desk.log()).containsExactly("POST", "LOOKUP missing", "POST", "LOOKUP found");
    }

    @Test
    void anUnreadableSuccessAnswerToASubmitIsReadBackByClientOrderIdNotResent() throws Exception {
        servers.trading.enqueue(new MockResponse.Builder().code(200).body("<html>upstream proxy page</html>").build());
        servers.trading.enqueue(json(accepted(CID.value())));

        Order order = broker().submit(limitBuy());

        assertThat(order.id()).isEqualTo(ID);
        assertThat(take(servers.trading).getMethod()).isEqualTo("POST");
        RecordedRequest lookup = take(servers.trading);
        assertThat(lookup.getMethod()).isEqualTo("GET");
        assertThat(lookup.getUrl().encodedPath()).isEqualTo("/v2/orders:by_client_order_id");
        assertThat(servers.trading.getRequestCount()).isEqualTo(2);
    }

    @Test
    void whenTheLookupAfterALostAnswerFailsNothingIsResent() {
        servers.trading.enqueue(json(503, "{\"message\":\"service unavailable\"}"));
        for (int i = 0; i < 3; i++) {
            servers.trading.enqueue(json(503, "{\"message\":\"service unavailable\"}"));
        }

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker().submit(limitBuy()));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("not resent");
        assertThat(servers.trading.getRequestCount()).isEqualTo(4);
    }

    @Test
    void anUnreadableAccountAnswerIsUnavailableNotACrash() {
        servers.trading.enqueue(new MockResponse.Builder().code(200).body("not json").build());

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker().account());

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("not JSON");
    }

    @Test
    void aRateLimitedSubmitIsRetriedAfterRetryAfterBecauseAlpacaDidNotProcessIt() throws Exception {
        servers.trading.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                .body("{\"message\":\"too many requests.\"}").build());
        servers.trading.enqueue(json(accepted(CID.value())));

        Order order = broker().submit(limitBuy());

        assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(servers.sleeper.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(take(servers.trading).getMethod()).isEqualTo("POST");
        assertThat(take(servers.trading).getMethod()).isEqualTo("POST");
    }

    @Test
    void orderByClientIdIsEmptyWhenAlpacaAnswers404() throws Exception {
        servers.trading.enqueue(json(404, error(40410000, "order not found")));

        assertThat(broker().orderByClientId(CID)).isEmpty();
        RecordedRequest r = take(servers.trading);
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/orders:by_client_order_id");
        assertThat(r.getUrl().queryParameter("client_order_id")).isEqualTo(CID.value());
    }

    @Test
    void orderByIdReadsTheOrderAndAnUnknownIdIsNotFound() throws Exception {
        servers.trading.enqueue(json(order(ID, CID.value(), "AAPL", "buy", "limit", "10", "151.5", "partially_filled",
                "4", "151.48")));
        servers.trading.enqueue(json(422, error(40010001, "order_id is missing")));

        Order order = broker().order(ID);
        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker().order("not-a-uuid"));

        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order.remainingQuantity()).isEqualByComparingTo("6");
        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(take(servers.trading).getUrl().encodedPath()).isEqualTo("/v2/orders/" + ID);
    }

    @Test
    void cancelSendsDeleteAndIsQuietForAnOrderThatAlreadyFilled() throws Exception {
        servers.trading.enqueue(new MockResponse.Builder().code(204).build());
        servers.trading.enqueue(json(422, error(42210000, "order is not cancelable")));
        servers.trading.enqueue(json(order(ID, CID.value(), "AAPL", "buy", "limit", "10", "151.5", "filled", "10",
                "151.45")));

        broker().cancel(ID);
        broker().cancel(ID);

        RecordedRequest first = take(servers.trading);
        assertThat(first.getMethod()).isEqualTo("DELETE");
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v2/orders/" + ID);
        assertThat(take(servers.trading).getMethod()).isEqualTo("DELETE");
        assertThat(take(servers.trading).getMethod()).isEqualTo("GET");
    }

    @Test
    void aCancelHitByAServerErrorIsRetriedBecauseCancellingIsIdempotent() {
        servers.trading.enqueue(json(502, "<html>bad gateway</html>"));
        servers.trading.enqueue(new MockResponse.Builder().code(204).build());

        broker().cancel(ID);

        assertThat(servers.trading.getRequestCount()).isEqualTo(2);
        assertThat(servers.sleeper.waits()).hasSize(1);
    }

    private static String list(String... orders) {
        return "[" + String.join(",", orders) + "]";
    }

    @Test
    void awaitTerminalReadsAnUnseenOrderOnceThenMakesOneBatchedListRequestPerCycleUntilFilled() throws Exception {
        servers.trading.enqueue(json(accepted(CID.value())));
        servers.trading.enqueue(json(list(order(ID, CID.value(), "AAPL", "buy", "limit", "10", "151.5",
                "partially_filled", "3", "151.5"))));
        servers.trading.enqueue(json(list(order(ID, CID.value(), "AAPL", "buy", "limit", "10", "151.5",
                "partially_filled", "7", "151.5"))));
        servers.trading.enqueue(json(list(order(ID, CID.value(), "AAPL", "buy", "limit", "10", "151.5", "filled",
                "10", "151.49"))));

        Order order;
        try (AlpacaBroker broker = broker()) {
            order = broker.awaitTerminal(ID, Duration.ofSeconds(30));
        }

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.averageFillPrice()).isEqualByComparingTo("151.49");
        assertThat(servers.sleeper.waits()).containsExactly(Duration.ofMillis(40), Duration.ofMillis(40));
        assertThat(servers.trading.getRequestCount()).isEqualTo(4);
        assertThat(take(servers.trading).getUrl().encodedPath()).isEqualTo("/v2/orders/" + ID);
        for (int poll = 0; poll < 3; poll++) {
            RecordedRequest r = take(servers.trading);
            assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/orders");
            assertThat(r.getUrl().queryParameter("status")).isEqualTo("all");
            assertThat(r.getUrl().queryParameter("direction")).isEqualTo("asc");
            // a second before the order's submission, so clock skew cannot hide it
            assertThat(r.getUrl().queryParameter("after")).isEqualTo("2024-11-29T17:38:23.848207032Z");
        }
    }

    @Test
    void awaitTerminalReturnsTheLatestStateWhenTheTimeoutPasses() {
        servers.trading.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String working = order(ID, CID.value(), "AAPL", "buy", "limit", "10", "151.5", "new", "0", null);
                return json(request.getUrl().encodedPath().equals("/v2/orders") ? list(working) : working);
            }
        });

        Order order;
        try (AlpacaBroker broker = broker()) {
            order = broker.awaitTerminal(ID, Duration.ofMillis(100));
        }

        assertThat(order.status()).isEqualTo(OrderStatus.NEW);
        assertThat(servers.sleeper.total()).isEqualTo(Duration.ofMillis(100));
        assertThat(servers.sleeper.waits()).containsExactly(Duration.ofMillis(40), Duration.ofMillis(40),
                Duration.ofMillis(20));
        assertThat(servers.trading.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aSubmittedOrderIsAwaitedWithoutReadingItAgainByItsId() throws Exception {
        servers.trading.enqueue(json(accepted(CID.value())));
        servers.trading.enqueue(json(list(order(ID, CID.value(), "AAPL", "buy", "limit", "10", "151.5", "filled",
                "10", "151.5"))));

        try (AlpacaBroker broker = broker()) {
            Order placed = broker.submit(limitBuy());
            Order done = broker.awaitTerminal(placed.id(), Duration.ofSeconds(5));

            assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(broker.orderPolls()).isEqualTo(1);
        }
        assertThat(take(servers.trading).getMethod()).isEqualTo("POST");
        assertThat(take(servers.trading).getUrl().encodedPath()).isEqualTo("/v2/orders");
        assertThat(servers.trading.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aFailedStatusCheckNeverEndsAWaitEarlyAndTheWaitEndsOnTheLastKnownState() {
        servers.trading.enqueue(json(accepted(CID.value())));
        for (int i = 0; i < 30; i++) {
            servers.trading.enqueue(json(503, "{\"message\":\"service unavailable\"}"));
        }

        Order order;
        try (AlpacaBroker broker = new AlpacaBroker(servers.configBuilder().retryPolicy(
                io.alchemiser.alpaca.config.RetryPolicy.none()).build())) {
            order = broker.awaitTerminal(ID, Duration.ofMillis(200));
        }

        assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(order.isTerminal()).isFalse();
        assertThat(servers.sleeper.total()).isEqualTo(Duration.ofMillis(200));
        assertThat(servers.trading.getRequestCount()).isEqualTo(1 + 5);
    }

    @Test
    void anOrderThatCannotBeReadAtAllIsUnknownAndRetryableNeverAGuess() {
        for (int i = 0; i < 30; i++) {
            servers.trading.enqueue(json(503, "{\"message\":\"service unavailable\"}"));
        }

        BrokerException e;
        try (AlpacaBroker broker = new AlpacaBroker(servers.configBuilder().retryPolicy(
                io.alchemiser.alpaca.config.RetryPolicy.none()).build())) {
            e = catchThrowableOfType(BrokerException.class, () -> broker.awaitTerminal(ID, Duration.ofMillis(100)));
        }

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains(ID).contains("outcome is unknown").contains("service unavailable");
    }

    @Test
    void awaitingAnOrderAlpacaDoesNotHaveIsNotFound() {
        servers.trading.enqueue(json(404, error(40410000, "order not found")));

        try (AlpacaBroker broker = broker()) {
            BrokerException e = catchThrowableOfType(BrokerException.class,
                    () -> broker.awaitTerminal(ID, Duration.ofSeconds(5)));
            assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        }
        assertThat(servers.sleeper.waits()).isEmpty();
    }

    @Test
    void accountStandingIsReadFromStatusBlocksAndPatternDayTrading() {
        servers.trading.enqueue(json(Fixtures.account("1000", "1000", "2000")));
        servers.trading.enqueue(json(Fixtures.account("1000", "1000", "2000")
                .replace("\"status\":\"ACTIVE\"", "\"status\":\"ACCOUNT_UPDATED\"")
                .replace("\"trading_blocked\":false", "\"trading_blocked\":true")
                .replace("\"account_blocked\":false", "\"account_blocked\":true")
                .replace("\"pattern_day_trader\":false", "\"pattern_day_trader\":true")));
        servers.trading.enqueue(json("{\"equity\":\"10\",\"cash\":\"10\",\"buying_power\":\"10\"}"));

        Account active = broker().account();
        Account blocked = broker().account();
        Account bare = broker().account();

        assertThat(active.standing()).isEqualTo(Account.Standing.ACTIVE);
        assertThat(active.standing().problems()).isEmpty();
        assertThat(blocked.standing()).isEqualTo(new Account.Standing("ACCOUNT_UPDATED", true, true, true));
        assertThat(blocked.standing().problems()).containsExactly(
                "the account's status is ACCOUNT_UPDATED, not ACTIVE", "the account is blocked",
                "trading is blocked on the account");
        assertThat(bare.standing()).isEqualTo(Account.Standing.ACTIVE);
    }

    @Test
    void ordersSinceListsEveryStateOldestFirstFollowingPagesBySubmissionTime() throws Exception {
        List<String> firstPage = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            firstPage.add(submittedAt(order("id-" + i, "run-x-S" + i, "SPY", "sell", "market", "1", null,
                    i % 2 == 0 ? "filled" : "canceled", i % 2 == 0 ? "1" : "0", i % 2 == 0 ? "600.1" : null),
                    Instant.parse("2024-11-29T14:30:00Z").plusSeconds(i)));
        }
        servers.trading.enqueue(json("[" + String.join(",", firstPage) + "]"));
        servers.trading.enqueue(json("[" + firstPage.get(499) + "," + submittedAt(order("id-500", "run-x-B0", "AAPL",
                "buy", "limit", "2", "150", "new", "0", null), Instant.parse("2024-11-29T14:40:00Z")) + "]"));

        List<Order> orders = broker().ordersSince(Instant.parse("2024-11-29T14:30:00Z"));

        assertThat(orders).hasSize(501);
        assertThat(orders.get(0).id()).isEqualTo("id-0");
        assertThat(orders.get(0).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(orders.get(1).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(orders.get(500).id()).isEqualTo("id-500");
        assertThat(orders.get(500).limitPrice()).isEqualByComparingTo("150");
        RecordedRequest first = take(servers.trading);
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v2/orders");
        assertThat(first.getUrl().queryParameter("status")).isEqualTo("all");
        assertThat(first.getUrl().queryParameter("direction")).isEqualTo("asc");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("500");
        assertThat(first.getUrl().queryParameter("after")).isEqualTo("2024-11-29T14:29:59.999999999Z");
        assertThat(take(servers.trading).getUrl().queryParameter("after")).isEqualTo("2024-11-29T14:38:19Z");
        assertThat(servers.trading.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anUnreadableOrderInTheListIsUnavailableNotSkipped() {
        servers.trading.enqueue(json("[{\"id\":\"x\"}]"));

        BrokerException e = catchThrowableOfType(BrokerException.class,
                () -> broker().ordersSince(Instant.parse("2024-11-29T14:30:00Z")));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("cannot be read");
    }

    /** The order with its created/submitted/updated times set to {@code at}. */
    private static String submittedAt(String order, Instant at) {
        return order.replace("2024-11-29T17:38:24.849157813Z", at.toString())
                .replace("2024-11-29T17:38:24.848207033Z", at.toString())
                .replace("2024-11-29T17:38:25.112233Z", at.toString());
    }

    @Test
    void rejectedCredentialsAreUnauthorizedAndTheMessageHoldsNoKey() {
        servers.trading.enqueue(json(401, "{\"code\":40110000,\"message\":\"request is not authorized\"}"));

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker().account());

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("not authorized")
                .doesNotContain(AlpacaServers.KEY_ID).doesNotContain(AlpacaServers.SECRET);
        assertThat(String.valueOf(e.getCause())).doesNotContain(AlpacaServers.KEY_ID)
                .doesNotContain(AlpacaServers.SECRET);
        assertThat(servers.trading.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anErrorBodyEchoingTheKeyIsRedacted() {
        servers.trading.enqueue(json(403, "{\"message\":\"key " + AlpacaServers.KEY_ID + " is not allowed\"}"));

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker().account());

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("is not allowed").doesNotContain(AlpacaServers.KEY_ID);
    }

    @Test
    void aReadThatTimesOutIsRetriedAndThenSucceeds() throws Exception {
        servers.trading.enqueue(new MockResponse.Builder().onResponseStart(mockwebserver3.SocketEffect.Stall.INSTANCE)
                .build());
        servers.trading.enqueue(json(Fixtures.account("1000", "1000", "2000")));
        AlpacaBroker broker = new AlpacaBroker(servers.configBuilder().requestTimeout(Duration.ofMillis(700)).build());

        Account account = broker.account();

        assertThat(account.equity()).isEqualByComparingTo("1000");
        assertThat(servers.trading.getRequestCount()).isEqualTo(2);
        assertThat(servers.sleeper.waits()).hasSize(1);
    }

    @Test
    void exhaustedRateLimitOnAReadIsRateLimitedAndRetryable() {
        for (int i = 0; i < 3; i++) {
            servers.trading.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                    .body("{\"message\":\"too many requests.\"}").build());
        }

        BrokerException e = catchThrowableOfType(BrokerException.class, () -> broker().positions());

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(servers.sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
