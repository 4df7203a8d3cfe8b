package io.alchemiser.examples.liveday;

import io.alchemiser.alpaca.emulator.AlpacaEmulator;
import io.alchemiser.core.domain.Side;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The phases of a live day as the broker sees them, and how a test notices that the app has reached one: planning
 * (the app reads the positions to plan from), sells (the first sell order is booked) and buys (the first buy order
 * is booked).
 */
enum Phase {
    PLANNING, SELLS, BUYS;

    /**
     * Runs {@code action} once, on the emulator's server thread, right after the request that shows the app in this
     * phase was answered by the emulator and before the app reads the answer.
     */
    void onReach(AlpacaEmulator emulator, Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        emulator.onRequest(r -> {
            if (r.status() != 200 || done.get() || !reachedBy(emulator, r)) {
                return;
            }
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        });
    }

    private boolean reachedBy(AlpacaEmulator emulator, AlpacaEmulator.LoggedRequest r) {
        if (this == PLANNING) {
            return r.method().equals("GET") && r.path().equals("/v2/positions");
        }
        Side side = this == SELLS ? Side.SELL : Side.BUY;
        return r.method().equals("POST") && r.path().equals("/v2/orders")
                && emulator.orders().stream().anyMatch(o -> o.side() == side);
    }
}
