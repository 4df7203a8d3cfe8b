package io.alchemiser.alpaca.internal;

import io.alchemiser.core.domain.Order;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The latest known state of each order, whatever the order in which states arrive (a submit's answer, a read, a
 * list, a stream message): a state replaces the known one only if it is not older, and a terminal state is final.
 * Bounded for a long-lived process: past {@value #MAX_REMEMBERED} orders, terminal ones nobody awaits are dropped.
 * Not thread-safe; {@link OrderTracker} guards it.
 */
final class KnownOrders {
    static final int MAX_REMEMBERED = 20_000;

    private final Map<String, Order> latest = new HashMap<>();

    /** Keeps {@code order} if it is newer than what is known; true if it was kept. */
    boolean offer(Order order, Predicate<String> awaited) {
        Order known = latest.get(order.id());
        if (known != null && !newer(order, known)) {
            return false;
        }
        latest.put(order.id(), order);
        if (latest.size() > MAX_REMEMBERED) {
            for (Iterator<Map.Entry<String, Order>> it = latest.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Order> e = it.next();
                if (e.getValue().isTerminal() && !awaited.test(e.getKey())) {
                    it.remove();
                }
            }
        }
        return true;
    }

    Order get(String orderId) {
        return latest.get(orderId);
    }

    /** Whether the order is known and terminal. */
    boolean isTerminal(String orderId) {
        Order o = latest.get(orderId);
        return o != null && o.isTerminal();
    }

    /** True if {@code candidate} may replace {@code known}: a terminal state is final, and time never runs back. */
    static boolean newer(Order candidate, Order known) {
        if (known.isTerminal()) {
            return false;
        }
        if (candidate.isTerminal()) {
            return true;
        }
        return !candidate.updatedAt().isBefore(known.updatedAt())
                && candidate.filledQuantity().compareTo(known.filledQuantity()) >= 0;
    }
}
