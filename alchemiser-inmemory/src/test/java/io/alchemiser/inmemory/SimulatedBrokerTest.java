package io.alchemiser.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.BrokerException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SimulatedBrokerTest {
    /** Monday 2024-03-04, 10:00 New York time. */
    private static final Instant T0 = Instant.parse("2024-03-04T15:00:00Z");
    private static final Symbol SPY = Symbol.of("SPY");
    private static final BigDecimal CASH = new BigDecimal("100000.00");
    private static final Duration STEP = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock(T0);
    private int ids;

    /** SPY at $100 with a 20 bps spread: bid 99.90, ask 100.10. */
    private SimulatedBroker.Builder spyAt100() {
        return SimulatedBroker.builder(clock).cash(CASH).price(SPY, new BigDecimal("100.00")).spreadBps(20).seed(7);
    }

    // ---------------------------------------------------------------- the book and fills

    @Test
    void marketOrdersFillCompletelyAtTheTouch() {
        SimulatedBroker broker = spyAt100().build();

        Order buy = broker.submit(market(Side.BUY, "10"));
        Order sell = broker.submit(market(Side.SELL, "4"));

        assertThat(buy.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(buy.averageFillPrice()).isEqualByComparingTo("100.10");
        assertThat(sell.averageFillPrice()).isEqualByComparingTo("99.90");
        assertThat(broker.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("6");
            assertThat(p.currentPrice()).isEqualByComparingTo("100.00");
            assertThat(p.marketValue()).isEqualByComparingTo("600.00");
        });
        assertThat(broker.account().cash()).isEqualByComparingTo("99398.60"); // 100000 − 1001.00 + 399.60
    }

    @Test
    void aTwoSidedQuoteFromMarketDataIsTheBookAndItsLastPriceValuesThePosition() {
        InMemoryMarketData data = new InMemoryMarketData().putQuote(new Quote(SPY, new BigDecimal("150.00"),
                new BigDecimal("152.00"), new BigDecimal("151.00"), T0));
        SimulatedBroker broker = SimulatedBroker.builder(clock).cash(CASH).quotes(data).build();

        Order market = broker.submit(market(Side.BUY, "1"));
        Order marketable = broker.submit(limit(Side.BUY, "1", "155.00"));

        assertThat(market.averageFillPrice()).isEqualByComparingTo("152.00");
        assertThat(marketable.averageFillPrice()).as("a marketable limit fills at the ask, not its limit")
                .isEqualByComparingTo("152.00");
        assertThat(broker.positions().get(0).marketValue()).isEqualByComparingTo("302.00");
        assertThat(broker.account().equity()).isEqualByComparingTo("99998.00"); // 100000 − 304 + 302
    }

    @Test
    void aRestingLimitFillsAtItsLimitAndTheWaitEndsAtTheFill() {
        SimulatedBroker broker = spyAt100().build();
        Order placed = broker.submit(limit(Side.BUY, "10", "100.05")); // 75% of the way from bid to ask

        Order done = broker.awaitTerminal(placed.id(), Duration.ofHours(1));

        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.averageFillPrice()).isEqualByComparingTo("100.05");
        assertThat(done.updatedAt()).isAfter(T0);
        assertThat(clock.instant()).as("time stops at the fill, not at the timeout").isEqualTo(done.updatedAt());
    }

    @Test
    void theShareOfLimitsFillingWithinAStepFollowsTheCurve() {
        double at75 = fillRateWithinOneStep(1500, "100.05");
        double at95 = fillRateWithinOneStep(1500, "100.09");

        assertThat(at75).isCloseTo(0.5625, within(0.04));
        assertThat(at95).isCloseTo(0.9025, within(0.03));
    }

    @Test
    void aLimitAtTheNearSideNeverFillsAndOneThroughTheTouchFillsAtOnce() {
        SimulatedBroker broker = spyAt100().position(SPY, BigDecimal.ONE).build();

        Order atBid = broker.submit(limit(Side.BUY, "1", "99.90"));
        Order through = broker.submit(limit(Side.SELL, "1", "99.00"));

        assertThat(broker.awaitTerminal(atBid.id(), Duration.ofDays(1)).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(through.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(through.averageFillPrice()).isEqualByComparingTo("99.90");
    }

    @Test
    void aPartialFillRestsUntilCancelledAndReleasesTheRestOfItsBuyingPower() {
        FillModel model = FillModel.defaults().withProbability(x -> 1.0).withPartialFills(1.0, 0.4);
        SimulatedBroker broker = spyAt100().fillModel(model).build();
        Order placed = broker.submit(limit(Side.BUY, "10", "100.00"));

        Order waited = broker.awaitTerminal(placed.id(), Duration.ofMinutes(1));
        assertThat(waited.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(waited.filledQuantity()).isEqualByComparingTo("4");
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(broker.account().buyingPower()).isEqualByComparingTo("99000.00"); // 400 paid, 600 reserved

        broker.cancel(placed.id());

        Order cancelled = broker.order(placed.id());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(cancelled.filledQuantity()).isEqualByComparingTo("4");
        assertThat(broker.account().buyingPower()).isEqualByComparingTo("99600.00");
        assertThat(broker.positions().get(0).quantity()).isEqualByComparingTo("4");
    }

    @Test
    void partialFillsRoundToTheOrdersUnitAndNeverTouchMarketOrders() {
        FillModel model = FillModel.defaults().withProbability(x -> 1.0).withPartialFills(1.0, 0.4);
        SimulatedBroker broker = spyAt100().fillModel(model).build();

        assertThat(broker.submit(limit(Side.BUY, "2.5", "100.00")).filledQuantity()).isEqualByComparingTo("1");
        assertThat(broker.submit(limit(Side.BUY, "1", "100.00")).status()).as("0.4 of one share rounds to nothing")
                .isEqualTo(OrderStatus.FILLED);
        assertThat(broker.submit(market(Side.BUY, "10")).filledQuantity()).isEqualByComparingTo("10");
    }

    // ---------------------------------------------------------------- rejections

    @Test
    void aSymbolToldToRejectIsRefusedWithTheReasonAndNothingIsRecorded() {
        SimulatedBroker broker = spyAt100().rejectOrders(SPY, "trading halted").build();
        OrderRequest request = market(Side.BUY, "1");

        assertRejected(() -> broker.submit(request), "trading halted");

        assertThat(broker.orderByClientId(request.clientOrderId())).isEmpty();
        assertThat(broker.submissions()).singleElement().satisfies(s -> {
            assertThat(s.accepted()).isFalse();
            assertThat(s.refusal()).contains("trading halted");
        });
        broker.acceptOrders(SPY);
        assertThat(broker.submit(request).status()).as("a refused client order id may be sent again")
                .isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void untradableAndNonFractionableAssetsAreRefused() {
        Symbol brk = Symbol.of("BRK.B");
        Symbol otc = Symbol.of("OTCX");
        SimulatedBroker broker = spyAt100().price(brk, new BigDecimal("400.00")).asset(brk, true, false)
                .price(otc, new BigDecimal("5.00")).asset(otc, false, true).build();

        assertRejected(() -> broker.submit(OrderRequest.market(nextId(), otc, Side.BUY, BigDecimal.ONE)),
                "not tradable");
        assertRejected(() -> broker.submit(OrderRequest.market(nextId(), brk, Side.BUY, new BigDecimal("1.5"))),
                "not fractionable");
        assertThat(broker.submit(OrderRequest.market(nextId(), brk, Side.BUY, new BigDecimal("2.000"))).status())
                .isEqualTo(OrderStatus.FILLED);
        assertThat(broker.asset(brk).fractionable()).isFalse();
        assertThat(broker.asset(SPY).fractionable()).as("undeclared assets with a price").isTrue();
    }

    @Test
    void anUnknownSymbolIsNotFound() {
        SimulatedBroker broker = spyAt100().build();

        assertThatThrownBy(() -> broker.submit(OrderRequest.market(nextId(), Symbol.of("ZZZZ"), Side.BUY,
                BigDecimal.ONE))).isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_FOUND));
    }

    @Test
    void ordersAreRefusedWhileTheMarketIsClosed() {
        clock.set(Instant.parse("2024-03-02T15:00:00Z")); // a Saturday
        SimulatedBroker broker = spyAt100().marketHours(ManualScheduler.nyse()).build();

        assertRejected(() -> broker.submit(market(Side.BUY, "1")), "market is closed");
        clock.set(Instant.parse("2024-03-04T14:29:59Z")); // Monday 09:29:59 New York
        assertRejected(() -> broker.submit(market(Side.BUY, "1")), "market is closed");
        clock.set(Instant.parse("2024-03-04T14:30:00Z"));
        assertThat(broker.submit(market(Side.BUY, "1")).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void aBuyBeyondTheBuyingPowerIsRefusedCountingWhatOpenBuysReserve() {
        SimulatedBroker broker = spyAt100().build();

        assertRejected(() -> broker.submit(market(Side.BUY, "1000")), "insufficient buying power"); // 100,100 > 100,000
        broker.submit(limit(Side.BUY, "600", "99.90")); // rests, reserving 59,940.00 of 100,000.00
        assertRejected(() -> broker.submit(limit(Side.BUY, "402", "99.90")), "insufficient buying power");
        assertThat(broker.submit(limit(Side.BUY, "400", "99.90")).status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void sellingMoreThanIsHeldAndNotAlreadyBeingSoldIsRefused() {
        SimulatedBroker broker = spyAt100().position(SPY, BigDecimal.TEN).build();

        assertRejected(() -> broker.submit(market(Side.SELL, "11")), "insufficient qty");
        broker.submit(limit(Side.SELL, "6", "100.10")); // rests at the ask
        assertRejected(() -> broker.submit(market(Side.SELL, "5")), "available: 4");
        assertThat(broker.submit(market(Side.SELL, "4")).status()).isEqualTo(OrderStatus.FILLED);
    }

    // ---------------------------------------------------------------- time

    @Test
    void saleProceedsBecomeBuyingPowerOnlyAfterTheSettlementDelay() {
        SimulatedBroker broker = SimulatedBroker.builder(clock).price(SPY, new BigDecimal("100.00")).spreadBps(20)
                .position(SPY, new BigDecimal("100")).settlementDelay(Duration.ofDays(1)).build();

        broker.submit(market(Side.SELL, "100"));

        Account justSold = broker.account();
        assertThat(justSold.equity()).isEqualByComparingTo("9990.00");
        assertThat(justSold.cash()).as("settled cash").isEqualByComparingTo("0.00");
        assertThat(justSold.buyingPower()).isEqualByComparingTo("0.00");
        assertRejected(() -> broker.submit(market(Side.BUY, "1")), "insufficient buying power");
        clock.advance(Duration.ofDays(1));
        assertThat(broker.account().cash()).isEqualByComparingTo("9990.00");
        assertThat(broker.account().buyingPower()).isEqualByComparingTo("9990.00");
        assertThat(broker.submit(market(Side.BUY, "1")).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void anOrderReachesTheBrokerAfterTheLatencyAndTheWaitAdvancesTimeByJustThat() {
        SimulatedBroker broker = spyAt100().latency(Duration.ofMillis(250)).build();

        Order placed = broker.submit(market(Side.BUY, "1"));
        assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
        assertThat(broker.positions()).isEmpty();

        Order done = broker.awaitTerminal(placed.id(), Duration.ofSeconds(5));
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.updatedAt()).isEqualTo(T0.plusMillis(250));
        assertThat(clock.instant()).isEqualTo(T0.plusMillis(250));
    }

    @Test
    void awaitingPassesSimulatedTimeWithoutSleeping() {
        SimulatedBroker broker = spyAt100().build();
        Order resting = broker.submit(limit(Side.BUY, "1", "99.90"));
        // A hang guard, not a speed target: six simulated hours that slept for real would take six hours.
        Order after = assertTimeoutPreemptively(Duration.ofMinutes(1),
                () -> broker.awaitTerminal(resting.id(), Duration.ofHours(6)));

        assertThat(after.isTerminal()).isFalse();
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(6)));
    }

    @Test
    void waitsThatOverlapInSimulatedTimeDoNotAddUp() {
        SimulatedBroker broker = spyAt100().build();
        Order a = broker.submit(limit(Side.BUY, "1", "99.90"));
        Order b = broker.submit(limit(Side.BUY, "1", "99.90"));
        Instant start = clock.instant();

        broker.awaitTerminal(a.id(), STEP);
        clock.set(start); // the second waiter started waiting at the same simulated moment
        broker.awaitTerminal(b.id(), STEP);

        assertThat(clock.instant()).isEqualTo(T0.plus(STEP));
    }

    @Test
    void withAnOrdinaryClockTheBrokerKeepsItsOwnVirtualTime() {
        SimulatedBroker broker = SimulatedBroker.builder(Clock.fixed(T0, ZoneOffset.UTC)).cash(CASH)
                .price(SPY, new BigDecimal("100.00")).build();
        Order resting = broker.submit(limit(Side.BUY, "1", "90.00"));

        broker.awaitTerminal(resting.id(), STEP);

        assertThat(broker.now()).isEqualTo(T0.plus(STEP));
    }

    @Test
    void dayOrdersExpireAtTheCloseAndFreeTheirBuyingPower() {
        clock.set(Instant.parse("2024-03-04T20:59:00Z")); // 15:59 New York
        SimulatedBroker broker = spyAt100().marketHours(ManualScheduler.nyse()).build();
        Order resting = broker.submit(limit(Side.BUY, "100", "99.90"));

        Order done = broker.awaitTerminal(resting.id(), Duration.ofMinutes(10));

        assertThat(done.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(done.updatedAt()).isEqualTo(Instant.parse("2024-03-04T21:00:00Z"));
        assertThat(clock.instant()).isEqualTo(done.updatedAt());
        assertThat(broker.account().buyingPower()).isEqualByComparingTo(CASH);
    }

    // ---------------------------------------------------------------- determinism

    @Test
    void theSameSeedGivesTheSameActivityAndAnotherSeedDoesNot() {
        List<SimulatedBroker.Activity> first = walkSomeOrders(11);
        List<SimulatedBroker.Activity> again = walkSomeOrders(11);
        List<SimulatedBroker.Activity> other = walkSomeOrders(12);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void outcomesDoNotDependOnWhichThreadSubmittedFirst() throws Exception {
        List<OrderRequest> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            requests.add(limit(Side.BUY, "1", i % 2 == 0 ? "100.05" : "100.07"));
        }

        SimulatedBroker sequential = spyAt100().build();
        List<OrderRequest> reversed = new ArrayList<>(requests);
        Collections.reverse(reversed);
        reversed.forEach(sequential::submit);
        clock.advance(STEP);
        Map<String, String> expected = outcomes(sequential);

        clock.set(T0);
        SimulatedBroker parallel = spyAt100().build();
        List<Callable<Order>> tasks = new ArrayList<>();
        requests.forEach(r -> tasks.add(() -> parallel.submit(r)));
        runAll(tasks);
        clock.advance(STEP);

        assertThat(outcomes(parallel)).isEqualTo(expected);
        assertThat(expected.values()).anyMatch(s -> s.startsWith("FILLED")).anyMatch(s -> s.startsWith("ACCEPTED"));
    }

    // ---------------------------------------------------------------- faults and idempotency

    @Test
    void aSubmitThatTimesOutAfterReachingTheBrokerLeavesTheOrderToBeFound() {
        SimulatedBroker broker = spyAt100().build();
        OrderRequest request = market(Side.BUY, "3");
        broker.failSubmitAfterRecording(1);

        assertThatThrownBy(() -> broker.submit(request)).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.kind()).isEqualTo(BrokerException.Kind.UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
        });

        assertThat(broker.orderByClientId(request.clientOrderId())).get().extracting(Order::status)
                .isEqualTo(OrderStatus.FILLED);
        assertThatThrownBy(() -> broker.submit(request)).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.DUPLICATE));
        assertThat(broker.positions().get(0).quantity()).isEqualByComparingTo("3");
    }

    @Test
    void aCrashBeforeSubmitLeavesNoTraceAtTheBroker() {
        SimulatedBroker broker = spyAt100().build();
        broker.crashBeforeSubmit(2);
        broker.submit(market(Side.BUY, "1"));
        OrderRequest second = market(Side.BUY, "2");

        assertThatThrownBy(() -> broker.submit(second)).isInstanceOf(SimulatedCrash.class);

        assertThat(broker.orderByClientId(second.clientOrderId())).isEmpty();
        assertThat(broker.submissions()).hasSize(1);
        assertThat(broker.submitCalls()).isEqualTo(2);
        assertThat(broker.submit(second).status()).as("after the restart the same order goes through")
                .isEqualTo(OrderStatus.FILLED);
    }

    // ---------------------------------------------------------------- observation and concurrency

    @Test
    void theCountersShowWhetherEveryBuyFollowedEveryFinishedSell() throws Exception {
        Symbol qqq = Symbol.of("QQQ");
        SimulatedBroker broker = spyAt100().price(qqq, new BigDecimal("400.00")).position(qqq, BigDecimal.TEN)
                .position(SPY, BigDecimal.TEN).build();
        List<Callable<Order>> sells = new ArrayList<>();
        for (Symbol s : List.of(SPY, qqq)) {
            OrderRequest r = OrderRequest.limit(nextId(), s, Side.SELL, BigDecimal.TEN,
                    s.equals(SPY) ? new BigDecimal("99.95") : new BigDecimal("399.70"));
            sells.add(() -> broker.awaitTerminal(broker.submit(r).id(), Duration.ofMinutes(10)));
        }
        runAll(sells);
        broker.submit(market(Side.BUY, "5"));
        assertThat(everyBuyFollowsEveryFinishedSell(broker)).isTrue();

        broker.submit(OrderRequest.limit(nextId(), qqq, Side.BUY, BigDecimal.ONE, new BigDecimal("300.00")));
        broker.submit(market(Side.SELL, "1"));
        broker.submit(market(Side.BUY, "1"));
        assertThat(everyBuyFollowsEveryFinishedSell(broker)).as("a buy submitted after a later sell breaks the rule")
                .isFalse();
    }

    @Test
    void tenThreadsTradingAtOnceKeepCashAndPositionsInBalance() throws Exception {
        SimulatedBroker broker = spyAt100().build();
        List<Callable<Void>> traders = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            int trader = t;
            traders.add(() -> {
                for (int round = 0; round < 20; round++) {
                    String limit = (round + trader) % 3 == 0 ? "100.09" : "100.04";
                    Order buy = broker.awaitTerminal(broker.submit(limit(Side.BUY, "2", limit)).id(), STEP);
                    if (!buy.isTerminal()) {
                        broker.cancel(buy.id());
                        buy = broker.order(buy.id());
                    }
                    if (buy.filledQuantity().signum() > 0) {
                        broker.submit(OrderRequest.market(nextId(), SPY, Side.SELL, buy.filledQuantity()));
                    }
                }
                return null;
            });
        }
        runAll(traders);

        BigDecimal cash = CASH;
        BigDecimal shares = BigDecimal.ZERO;
        for (SimulatedBroker.Activity a : broker.activity()) {
            if (a.kind() == SimulatedBroker.Activity.Kind.FILLED
                    || a.kind() == SimulatedBroker.Activity.Kind.PARTIALLY_FILLED) {
                BigDecimal notional = a.quantity().multiply(a.price()).setScale(2, java.math.RoundingMode.HALF_EVEN);
                cash = a.side() == Side.BUY ? cash.subtract(notional) : cash.add(notional);
                shares = a.side() == Side.BUY ? shares.add(a.quantity()) : shares.subtract(a.quantity());
            }
        }
        assertThat(broker.account().cash()).isEqualByComparingTo(cash);
        assertThat(shares).isZero();
        assertThat(broker.positions()).isEmpty();
        assertThat(broker.orders()).allMatch(Order::isTerminal);
        assertThat(broker.submissions()).hasSizeGreaterThanOrEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    private double fillRateWithinOneStep(int orders, String limitPrice) {
        clock.set(T0);
        SimulatedBroker broker = spyAt100().cash(new BigDecimal("1000000")).build();
        int filled = 0;
        for (int i = 0; i < orders; i++) {
            Order o = broker.awaitTerminal(broker.submit(limit(Side.BUY, "1", limitPrice)).id(), STEP);
            if (o.status() == OrderStatus.FILLED) {
                filled++;
            } else {
                broker.cancel(o.id());
            }
        }
        return (double) filled / orders;
    }

    private List<SimulatedBroker.Activity> walkSomeOrders(long seed) {
        clock.set(T0);
        ids = 0;
        SimulatedBroker broker = spyAt100().seed(seed).fillModel(FillModel.defaults().withPartialFills(0.3, 0.5))
                .build();
        for (int i = 0; i < 30; i++) {
            Order o = broker.awaitTerminal(broker.submit(limit(Side.BUY, "10", "100.06")).id(), STEP);
            if (!o.isTerminal()) {
                broker.cancel(o.id());
            }
        }
        return broker.activity();
    }

    private static Map<String, String> outcomes(SimulatedBroker broker) {
        Map<String, String> out = new TreeMap<>();
        for (Order o : broker.orders()) {
            out.put(o.clientOrderId().value(), o.status() + "@" + o.updatedAt());
        }
        return out;
    }

    /** Whether every buy was submitted after every sell had finished, by the broker's shared sequence numbers. */
    private static boolean everyBuyFollowsEveryFinishedSell(SimulatedBroker broker) {
        boolean sellStillOpen = broker.orders().stream().anyMatch(o -> o.side() == Side.SELL && !o.isTerminal());
        long lastSellEnd = broker.activity().stream().filter(a -> a.side() == Side.SELL && a.kind().endsOrder())
                .mapToLong(SimulatedBroker.Activity::sequence).max().orElse(Long.MIN_VALUE);
        long firstBuy = broker.submissions().stream().filter(s -> s.request().side() == Side.BUY)
                .mapToLong(SimulatedBroker.Submission::sequence).min().orElse(Long.MAX_VALUE);
        return !sellStillOpen && lastSellEnd < firstBuy;
    }

    private static void assertRejected(ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains(reason);
        });
    }

    private synchronized ClientOrderId nextId() {
        return new ClientOrderId("t-" + (++ids));
    }

    private OrderRequest market(Side side, String qty) {
        return OrderRequest.market(nextId(), SPY, side, new BigDecimal(qty));
    }

    private OrderRequest limit(Side side, String qty, String price) {
        return OrderRequest.limit(nextId(), SPY, side, new BigDecimal(qty), new BigDecimal(price));
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
