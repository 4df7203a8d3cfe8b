package io.alchemiser.core.port;

import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.Asset;
import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.Position;
import io.alchemiser.core.domain.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A brokerage account that takes orders.
 *
 * <p><b>Threading:</b> every method may be called from several threads at once (orders of one phase are
 * placed in parallel).
 * <b>Idempotency:</b> {@link #submit} is keyed by the request's client order id: the broker never holds two
 * orders with the same client order id. Submitting an id that already exists fails with
 * {@link BrokerException.Kind#DUPLICATE} (callers look the order up with {@link #orderByClientId} first).
 * Reads and {@link #cancel} are idempotent.
 * <b>Errors:</b> {@link BrokerException}; {@link BrokerException#retryable()} says whether trying again may
 * help (network, throttling) or not (a rejection: insufficient buying power, market closed, not fractionable),
 * and the message is the broker's own. Implementations never put credentials in messages or logs.
 */
public interface Broker {

    Account account();

    /** Open positions, one per symbol. */
    List<Position> positions();

    /** @throws BrokerException of kind {@code NOT_FOUND} for a symbol the broker does not know */
    Asset asset(Symbol symbol);

    /** Places an order; returns it as the broker accepted it (possibly already filled). */
    Order submit(OrderRequest request);

    /** @throws BrokerException of kind {@code NOT_FOUND} if no such order exists */
    Order order(String orderId);

    /** The order with this client order id, if the broker has one. */
    Optional<Order> orderByClientId(ClientOrderId clientOrderId);

    /**
     * Every order submitted at or after {@code since}, in any state, oldest first: what a rerun reconciles
     * against (it picks its own by client order id).
     */
    List<Order> ordersSince(Instant since);

    /**
     * Asks to cancel an order; cancelling a terminal order does nothing. The cancel may complete later.
     *
     * @throws BrokerException of kind {@code NOT_FOUND} if no such order exists
     */
    void cancel(String orderId);

    /**
     * Waits until the order is terminal or {@code timeout} has passed, and returns its latest state. Time is the
     * broker's notion of time, so a simulated broker can pass it instantly.
     */
    Order awaitTerminal(String orderId, Duration timeout);
}
