package io.alchemiser.examples.liveday;

import io.alchemiser.alpaca.emulator.FillModel;
import io.alchemiser.core.domain.Side;
import java.time.Duration;

/** How the emulated market fills the app's orders in these tests. */
final class Markets {
    /** How long a limit at or through the mid rests before it fills. */
    static final Duration REST = Duration.ofMillis(300);

    private Markets() {
    }

    /**
     * A patient market: a limit at or through the mid fills in full at its limit after resting 300 ms (the app's
     * first walk step, 75% of the way across the book, is), a market order at the touch. With a one-second step
     * wait, a walk ends at its first step.
     */
    static FillModel patient() {
        return FillModel.restingAtMidAfter(REST);
    }

    /**
     * The rehearsal's market, with both kinds of walk in one day: sells fill only at the touch, so every sell walks
     * its three limit steps (each cancelled after the step wait) to a market order; buys through the mid fill in
     * two halves, 300 ms apart, after resting 300 ms (a partial fill, then the fill). The sell phase asks for far
     * more requests than the budget allows, which the client-side rate limiter has to absorb.
     */
    static FillModel sellsWalkBuysRest() {
        FillModel touch = FillModel.marketable();
        FillModel halves = FillModel.restingAtMidAfter(REST).inSlices(2, REST);
        return (order, book, now) -> order.side() == Side.SELL ? touch.fill(order, book, now)
                : halves.fill(order, book, now);
    }
}
