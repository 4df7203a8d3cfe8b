package io.alchemiser.examples.liveday;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.alpaca.emulator.AlpacaEmulator;
import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderType;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a finished live day must leave behind, checked at the emulator (the broker, the source of truth) and in the
 * app's ledger: the run completed; nothing rests at the broker; every order the app sent was accepted (so no client
 * order id was sent twice, and nothing was refused for buying power or size); the ledger knows every order; no order
 * is dust; the last round did not sit through the buying-power wait; and the positions are those of an uninterrupted
 * day of the same setup.
 */
final class DayChecks {
    /** A buying-power wait that found its cash at once still takes a few rate-limited requests: well under this. */
    static final Duration NO_BUYING_POWER_WAIT = Duration.ofSeconds(10);
    /** Alpaca's smallest order, and the app's configured minimum trade in dollars. */
    static final BigDecimal MIN_ORDER = BigDecimal.ONE;
    /** The app's default minimum trade as a fraction of equity (rebalance.minTradePercent 0.1). */
    static final BigDecimal MIN_TRADE_FRACTION = new BigDecimal("0.001");

    private DayChecks() {
    }

    /** Where an uninterrupted day of a setup ended, and the equity it started with. */
    record Reference(Map<Symbol, BigDecimal> positions, BigDecimal startingEquity) {
    }

    /** Every check of a finished day, the positions against {@code reference}. */
    static void assertFinished(EmulatedDay day, Reference reference) {
        assertCompleted(day);
        assertNothingResting(day);
        assertEveryOrderAccepted(day);
        assertLedgerKnowsEveryOrder(day);
        assertNoDust(day);
        assertNoBuyingPowerWaitInTheLastRound(day);
        assertEndsAt(day, reference);
        assertThat(day.emulator.rateLimited()).as("requests answered 429").isZero();
    }

    /** The ledger records the run completed, and no trade of the round that completed it is of unknown outcome. */
    static void assertCompleted(EmulatedDay day) {
        assertThat(day.ledgerRuns()).as("the run's records").anyMatch(r -> r.status() == RunStatus.COMPLETED);
        int last = day.ledgerRuns().stream().filter(r -> r.status() == RunStatus.COMPLETED).findFirst().orElseThrow()
                .round();
        assertThat(day.ledgerTrades()).filteredOn(t -> t.round() == last)
                .as("trades of the round that completed the run")
                .allSatisfy(t -> assertThat(t.status()).isNotEqualTo(TradeStatus.UNKNOWN));
    }

    static void assertNothingResting(EmulatedDay day) {
        assertThat(day.emulator.openOrders()).as("orders still working at the broker").isEmpty();
    }

    /**
     * Every order submit the emulator answered was accepted (200), or never reached it (0: the connection was reset
     * in an outage). A second use of a client order id would be a 422, an order over the buying power a 403, an
     * order under $1 a 403.
     */
    static void assertEveryOrderAccepted(EmulatedDay day) {
        assertThat(day.emulator.requests()).filteredOn(r -> r.method().equals("POST") && r.path().equals("/v2/orders"))
                .as("order submits the emulator answered other than 200 (0 = reset in an outage)")
                .allSatisfy(r -> assertThat(r.status()).isIn(200, 0));
        List<String> ids = day.emulator.orders().stream().map(o -> o.clientOrderId().value()).toList();
        assertThat(new HashSet<>(ids)).as("client order ids at the broker").hasSameSizeAs(ids);
    }

    /** No orphan: every order at the broker belongs to the run and to a trade the ledger records. */
    static void assertLedgerKnowsEveryOrder(EmulatedDay day) {
        RunId run = day.runId();
        Set<String> recorded = new HashSet<>();
        day.ledgerTrades().forEach(t -> recorded.add(t.key()));
        for (Order o : day.emulator.orders()) {
            Optional<ClientOrderId.Parts> parts = o.clientOrderId().partsFor(run);
            assertThat(parts).as("order " + o.clientOrderId() + " belongs to " + run).isPresent();
            assertThat(recorded).as("the ledger records the trade of " + o.clientOrderId())
                    .contains(TradeRecord.key(run, parts.get().round(), parts.get().symbol(), parts.get().side()));
        }
    }

    /**
     * No dust: every order is worth at least $1, and the first order of every trade a rerun placed is worth at least
     * the minimum trade (0.1% of equity): a rerun trades the residual only where it is worth trading.
     */
    static void assertNoDust(EmulatedDay day) {
        BigDecimal minTrade = day.startingEquity().multiply(MIN_TRADE_FRACTION).multiply(new BigDecimal("0.98"));
        for (Order o : day.emulator.orders()) {
            BigDecimal notional = o.quantity().multiply(price(day, o));
            assertThat(notional).as("notional of " + o.clientOrderId() + " (" + o.quantity().toPlainString() + ")")
                    .isGreaterThanOrEqualTo(MIN_ORDER);
            ClientOrderId.Parts parts = o.clientOrderId().partsFor(day.runId()).orElseThrow();
            if (parts.round() > 0 && parts.step() == 0) {
                assertThat(notional).as("a rerun's trade " + o.clientOrderId() + " is worth the minimum trade")
                        .isGreaterThanOrEqualTo(minTrade);
            }
        }
    }

    /**
     * The last round went from its sells to its buys without sitting through the buying-power wait: on the emulator's
     * clock, from the last of its sells ending to the first of its buys, well under the configured 60 s.
     */
    static void assertNoBuyingPowerWaitInTheLastRound(EmulatedDay day) {
        Optional<Duration> gap = sellsToBuys(day, lastRound(day));
        gap.ifPresent(g -> assertThat(g).as("from the last round's sells to its buys")
                .isLessThan(NO_BUYING_POWER_WAIT));
    }

    /** From the last sell of {@code round} ending to its first buy being placed, if the round has both. */
    static Optional<Duration> sellsToBuys(EmulatedDay day, int round) {
        Instant sellsDone = null;
        Instant firstBuy = null;
        for (Order o : ordersOfRound(day, round)) {
            if (o.side() == Side.SELL) {
                sellsDone = sellsDone == null || o.updatedAt().isAfter(sellsDone) ? o.updatedAt() : sellsDone;
            } else if (firstBuy == null || o.submittedAt().isBefore(firstBuy)) {
                firstBuy = o.submittedAt();
            }
        }
        return sellsDone == null || firstBuy == null ? Optional.empty()
                : Optional.of(Duration.between(sellsDone, firstBuy));
    }

    /**
     * The positions of an uninterrupted day, symbol by symbol, within what a rerun may leave differently: the
     * minimum trade (0.1% of equity, a residual below it is not traded) plus 0.5% of the position (buys re-sized to
     * the cash at the ask, fill prices that differ by a step of the walk). A full exit is exact.
     */
    static void assertEndsAt(EmulatedDay day, Reference reference) {
        Map<Symbol, BigDecimal> held = day.positions();
        Set<Symbol> symbols = new TreeSet<>(held.keySet());
        symbols.addAll(reference.positions().keySet());
        BigDecimal minTrade = reference.startingEquity().multiply(MIN_TRADE_FRACTION);
        for (Symbol s : symbols) {
            BigDecimal price = day.close(s);
            BigDecimal mine = held.getOrDefault(s, BigDecimal.ZERO);
            BigDecimal theirs = reference.positions().getOrDefault(s, BigDecimal.ZERO);
            BigDecimal allowed = minTrade.add(theirs.multiply(price).multiply(new BigDecimal("0.005")));
            assertThat(mine.subtract(theirs).abs().multiply(price))
                    .as("%s: %s shares, the uninterrupted day %s (positions %s, uninterrupted %s)", s,
                            mine.toPlainString(), theirs.toPlainString(), held, reference.positions())
                    .isLessThanOrEqualTo(allowed);
            if (theirs.signum() == 0) {
                assertThat(mine.signum()).as(s + " is sold out as in the uninterrupted day").isZero();
            }
        }
    }

    /** The highest round any order of the run was placed in. */
    static int lastRound(EmulatedDay day) {
        return day.emulator.orders().stream()
                .mapToInt(o -> o.clientOrderId().partsFor(day.runId()).orElseThrow().round()).max().orElse(0);
    }

    static List<Order> ordersOfRound(EmulatedDay day, int round) {
        return day.emulator.orders().stream()
                .filter(o -> o.clientOrderId().partsFor(day.runId()).map(p -> p.round() == round).orElse(false))
                .toList();
    }

    /** Where the day stands now, for a {@link Reference}. */
    static Reference reference(EmulatedDay day) {
        return new Reference(Map.copyOf(new TreeMap<>(day.positions())), day.startingEquity());
    }

    private static BigDecimal price(EmulatedDay day, Order o) {
        if (o.type() == OrderType.LIMIT && o.limitPrice() != null) {
            return o.limitPrice();
        }
        return o.averageFillPrice() != null ? o.averageFillPrice() : day.close(o.symbol());
    }

    /**
     * The day's figures at the emulator: trades (ledger), orders (accepted or not), every request (all endpoints and
     * the stream, as Alpaca counts them against the key), the most requests in any rolling minute, the 429s, and how
     * long the last round took from its sells to its buys (null without both).
     */
    record Figures(int trades, long orders, int requests, int peakPerMinute, int rateLimited, Duration sellsToBuys) {
        static Figures of(EmulatedDay day) {
            AlpacaEmulator e = day.emulator;
            return new Figures(day.ledgerTrades().size(), e.requestCount("POST", "/v2/orders"), e.requests().size(),
                    e.peakRequestsPerMinute(), e.rateLimited(),
                    DayChecks.sellsToBuys(day, lastRound(day)).orElse(null));
        }

        /** One greppable line: {@code LIVEDAY <label>: trades=.. orders=.. requests=.. perOrder=.. ...}. */
        String line(String label) {
            return String.format(Locale.ROOT,
                    "LIVEDAY %s: trades=%d orders=%d requests=%d perOrder=%.2f perTrade=%.2f peakPerMinute=%d 429s=%d"
                            + " sellsToBuys=%s",
                    label, trades, orders, requests, orders == 0 ? 0.0 : (double) requests / orders,
                    trades == 0 ? 0.0 : (double) requests / trades, peakPerMinute, rateLimited,
                    sellsToBuys == null ? "-" : String.format(Locale.ROOT, "%.1fs", sellsToBuys.toMillis() / 1000.0));
        }
    }
}
