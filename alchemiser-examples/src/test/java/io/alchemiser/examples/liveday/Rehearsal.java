package io.alchemiser.examples.liveday;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rehearsal day: the app trades a whole day uninterrupted at the emulator, at its configured concurrency, and the
 * day must complete with every trade filled, nothing resting, every order accepted, the ledger knowing every order,
 * no dust, no request answered 429 and the most requests in any rolling minute under Alpaca's 200. Prints the
 * figures as one {@code LIVEDAY} line.
 */
final class Rehearsal {
    /** Alpaca's budget: requests a minute per key on the trading API. */
    static final int ALPACA_BUDGET = 200;

    private Rehearsal() {
    }

    /** Runs the day in-process, checks it, prints and returns its figures. */
    static DayChecks.Figures rehearse(EmulatedDay day, String label, int minTrades) {
        EmulatedDay.AppRun run = day.run();

        assertThat(run.code()).as("the rehearsal day:%n%s", run).isZero();
        DayChecks.assertCompleted(day);
        List<TradeRecord> trades = day.ledgerTrades();
        assertThat(trades).as("trades of the day").hasSizeGreaterThanOrEqualTo(minTrades)
                .allSatisfy(t -> assertThat(t.status()).as(t.side() + " " + t.symbol() + ": " + t.reason())
                        .isEqualTo(TradeStatus.FILLED));
        assertThat(trades).extracting(TradeRecord::round).containsOnly(0);
        DayChecks.assertNothingResting(day);
        DayChecks.assertEveryOrderAccepted(day);
        DayChecks.assertLedgerKnowsEveryOrder(day);
        DayChecks.assertNoDust(day);
        DayChecks.assertNoBuyingPowerWaitInTheLastRound(day);
        int working = mostWorkingAtOnce(day.emulator.orders());
        assertThat(working).as("orders working at once at the broker")
                .isBetween(2, day.setup.concurrency());
        DayChecks.Figures figures = DayChecks.Figures.of(day);
        System.out.println(figures.line(label) + " mostWorkingAtOnce=" + working);
        assertThat(figures.rateLimited()).as("requests answered 429").isZero();
        assertThat(figures.peakPerMinute()).as("most requests in a rolling minute").isLessThan(ALPACA_BUDGET);
        return figures;
    }

    /** The most orders working at the broker at one moment: overlaps of [submitted, last update] of each order. */
    static int mostWorkingAtOnce(List<Order> orders) {
        List<Map.Entry<Instant, Integer>> edges = new ArrayList<>();
        for (Order o : orders) {
            edges.add(Map.entry(o.submittedAt(), 1));
            edges.add(Map.entry(o.updatedAt(), -1));
        }
        edges.sort(Map.Entry.<Instant, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        int now = 0;
        int most = 0;
        for (Map.Entry<Instant, Integer> e : edges) {
            now += e.getValue();
            most = Math.max(most, now);
        }
        return most;
    }
}
