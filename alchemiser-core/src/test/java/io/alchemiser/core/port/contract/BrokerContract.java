package io.alchemiser.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.Position;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.BrokerException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link Broker}: one order per client order id (a second submit is {@code DUPLICATE}, even when
 * racing), orders found by id and client id, idempotent cancel, {@code awaitTerminal}, rejections that are not
 * retryable, and safe use from ten threads at once.
 *
 * <p>Extend it and supply {@link #brokerWithCash}: a fresh account holding {@code cash} and no positions, in which
 * {@code tradable} is a tradable, fractionable asset quoted around {@code price}, the market is open, and a market
 * order fills completely within {@link #awaitTimeout()} while a buy limit at half the price does not fill.
 * Override {@link #awaitTimeout()} (real or simulated time, the broker's own) and {@link #unknownSymbol()} if needed.
 */
public abstract class BrokerContract {
    protected static final Symbol TRADABLE = Symbol.of("SPY");
    protected static final BigDecimal PRICE = new BigDecimal("100.00");
    protected static final BigDecimal CASH = new BigDecimal("10000.00");

    private Broker broker;
    private int ids;

    /** A fresh broker as described in the class comment. */
    protected abstract Broker brokerWithCash(BigDecimal cash, Symbol tradable, BigDecimal price);

    /** How long {@code awaitTerminal} may wait for a market order to fill; also the wait a far limit survives. */
    protected Duration awaitTimeout() {
        return Duration.ofSeconds(2);
    }

    /** A symbol the broker does not know. */
    protected Symbol unknownSymbol() {
        return Symbol.of("NOSUCHASSET");
    }

    @BeforeEach
    void newBroker() {
        broker = brokerWithCash(CASH, TRADABLE, PRICE);
    }

    /** The broker under test, for subclasses' own tests. */
    protected Broker broker() {
        return broker;
    }

    @Test
    void theAccountHoldsTheCashItWasGiven() {
        Account account = broker.account();

        assertThat(account.cash()).isEqualByComparingTo(CASH);
        assertThat(account.equity()).isEqualByComparingTo(CASH);
        assertThat(account.buyingPower()).isPositive();
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void aTradableAssetSaysSoAndAnUnknownOneIsNotFound() {
        assertThat(broker.asset(TRADABLE).tradable()).isTrue();
        assertThatThrownBy(() -> broker.asset(unknownSymbol())).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_FOUND));
    }

    @Test
    void aSubmittedOrderIsFoundByIdAndByClientOrderId() {
        OrderRequest request = farLimitBuy(nextId());
        Order placed = broker.submit(request);

        assertThat(placed.clientOrderId()).isEqualTo(request.clientOrderId());
        assertThat(placed.symbol()).isEqualTo(TRADABLE);
        assertThat(placed.side()).isEqualTo(Side.BUY);
        assertThat(placed.quantity()).isEqualByComparingTo(request.quantity());
        assertThat(broker.order(placed.id()).clientOrderId()).isEqualTo(request.clientOrderId());
        assertThat(broker.orderByClientId(request.clientOrderId())).get().extracting(Order::id)
                .isEqualTo(placed.id());
    }

    @Test
    void unknownIdsAreNotFoundOrEmpty() {
        assertThat(broker.orderByClientId(new ClientOrderId("never-sent-1"))).isEmpty();
        assertThatThrownBy(() -> broker.order("no-such-order-id")).isInstanceOfSatisfying(BrokerException.class,
                e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.NOT_FOUND));
    }

    @Test
    void aSecondSubmitWithTheSameClientOrderIdIsADuplicateAndTheFirstOrderStands() {
        ClientOrderId id = nextId();
        Order first = broker.submit(farLimitBuy(id));

        assertThatThrownBy(() -> broker.submit(OrderRequest.market(id, TRADABLE, Side.BUY, BigDecimal.ONE)))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.DUPLICATE);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(broker.orderByClientId(id)).get().satisfies(o -> {
            assertThat(o.id()).isEqualTo(first.id());
            assertThat(o.limitPrice()).isEqualByComparingTo(first.limitPrice());
        });
    }

    @Test
    void aMarketBuyFillsCompletelyAndBecomesAPosition() {
        Order placed = broker.submit(OrderRequest.market(nextId(), TRADABLE, Side.BUY, new BigDecimal("5")));
        Order done = broker.awaitTerminal(placed.id(), awaitTimeout());

        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.filledQuantity()).isEqualByComparingTo("5");
        assertThat(done.averageFillPrice()).isPositive();
        assertThat(broker.positions()).singleElement().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo(TRADABLE);
            assertThat(p.quantity()).isEqualByComparingTo("5");
        });
        BigDecimal paid = done.averageFillPrice().multiply(new BigDecimal("5")).setScale(2, RoundingMode.HALF_EVEN);
        assertThat(broker.account().cash()).isEqualByComparingTo(CASH.subtract(paid));
    }

    @Test
    void aFarLimitOutlivesTheWaitAndCancellingEndsIt() {
        Order placed = broker.submit(farLimitBuy(nextId()));

        Order waited = broker.awaitTerminal(placed.id(), awaitTimeout());
        assertThat(waited.isTerminal()).isFalse();
        assertThat(waited.filledQuantity()).isZero();

        broker.cancel(placed.id());
        Order cancelled = broker.awaitTerminal(placed.id(), awaitTimeout());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        broker.cancel(placed.id());
        assertThat(broker.order(placed.id()).status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void cancellingAFilledOrderChangesNothing() {
        Order placed = broker.submit(OrderRequest.market(nextId(), TRADABLE, Side.BUY, BigDecimal.ONE));
        Order filled = broker.awaitTerminal(placed.id(), awaitTimeout());

        broker.cancel(placed.id());

        Order after = broker.order(placed.id());
        assertThat(after.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(after.filledQuantity()).isEqualByComparingTo(filled.filledQuantity());
        assertThat(broker.positions()).extracting(Position::quantity).containsExactly(filled.filledQuantity());
    }

    @Test
    void aBuyBeyondTheBuyingPowerIsRejectedAndNotRetryable() {
        BigDecimal tooMany = CASH.divide(PRICE, 0, RoundingMode.DOWN).multiply(BigDecimal.TEN);
        ClientOrderId id = nextId();

        assertThatThrownBy(() -> broker.submit(OrderRequest.market(id, TRADABLE, Side.BUY, tooMany)))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.REJECTED);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void racingSubmitsOfOneClientOrderIdPlaceExactlyOneOrder() throws Exception {
        ClientOrderId id = nextId();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            tasks.add(() -> {
                try {
                    return broker.submit(farLimitBuy(id)).id();
                } catch (BrokerException e) {
                    assertThat(e.kind()).isEqualTo(BrokerException.Kind.DUPLICATE);
                    return null;
                }
            });
        }
        List<String> placed = runAll(tasks);

        assertThat(placed).filteredOn(s -> s != null).hasSize(1);
        assertThat(broker.orderByClientId(id)).get().extracting(Order::id)
                .isEqualTo(placed.stream().filter(s -> s != null).findFirst().orElseThrow());
    }

    @Test
    void tenThreadsPlacingDistinctOrdersAllLand() throws Exception {
        List<ClientOrderId> clientIds = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            clientIds.add(nextId());
        }
        List<Callable<String>> tasks = new ArrayList<>();
        for (ClientOrderId id : clientIds) {
            tasks.add(() -> broker.submit(farLimitBuy(id)).id());
        }
        List<String> orderIds = runAll(tasks);

        assertThat(orderIds).doesNotContainNull().doesNotHaveDuplicates();
        for (ClientOrderId id : clientIds) {
            Optional<Order> found = broker.orderByClientId(id);
            assertThat(found).isPresent();
        }
    }

    // ---------------------------------------------------------------- fixtures

    /** A fresh client order id, unique within the test. */
    protected ClientOrderId nextId() {
        return new ClientOrderId("contract-" + (++ids));
    }

    /** A one-share buy limited to half the price: it should rest, not fill. */
    protected OrderRequest farLimitBuy(ClientOrderId id) {
        BigDecimal half = PRICE.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
        return OrderRequest.limit(id, TRADABLE, Side.BUY, BigDecimal.ONE, half);
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
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
