package io.alchemiser.examples.liveday;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.alpaca.emulator.FillModel;
import io.alchemiser.alpaca.emulator.MarketCalendar;
import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Days the app must not trade, through the app and the real Alpaca adapters against the emulator: a market the
 * broker's clock says is closed (or too near its close), a blocked account, and a trading date other than the
 * broker's today; each stops before any order with exit code 1 and says why. And days whose orders do not fill:
 * exit 4, never "completed", and a rerun the same day trades what is left.
 */
@Execution(ExecutionMode.CONCURRENT)
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StopBeforeAnyOrderTest {
    private static final LocalDate DATE = GeneratedDay.DATE;

    @TempDir
    Path dir;

    static Stream<Arguments> closedWindows() {
        LocalDate saturday = LocalDate.of(2026, 11, 21);
        Instant nextMorning = at(DATE.plusDays(1), 9, 30);
        return Stream.of(
                Arguments.of("at night", at(DATE, 3, 0), false, "the market is closed", at(DATE, 9, 30)),
                Arguments.of("on a Saturday", at(saturday, 12, 0), false, "the market is closed",
                        at(saturday.plusDays(2), 9, 30)),
                Arguments.of("a minute before the close", at(DATE, 15, 59), false, "too late to start walking orders",
                        nextMorning),
                Arguments.of("after an early close", at(DATE, 13, 5), true, "the market is closed", nextMorning),
                Arguments.of("a minute before an early close", at(DATE, 12, 59), true,
                        "too late to start walking orders", nextMorning));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedWindows")
    void aRunOutsideTheTradingWindowStopsBeforeAnyOrderAndSaysWhenTheNextOneOpens(String when, Instant now,
            boolean earlyClose, String why, Instant nextOpen) {
        MarketCalendar calendar = earlyClose ? MarketCalendar.weekdays().earlyCloses(DATE) : MarketCalendar.weekdays();
        try (EmulatedDay day = EmulatedDay.open(GeneratedDay.small(dir), dir.resolve("day"), now,
                b -> b.calendar(calendar))) {
            EmulatedDay.AppRun run = day.run();

            assertThat(run.code()).as("%s", run).isEqualTo(1);
            assertThat(run.err()).contains(why).contains("the next window opens at " + nextOpen)
                    .contains("no order was placed");
            assertNoOrderWasSent(day);
        }
    }

    @Test
    void aBlockedAccountStopsTheRunBeforeAnyOrderWithOneMessage() {
        try (EmulatedDay day = EmulatedDay.open(GeneratedDay.small(dir), dir.resolve("day"))) {
            day.emulator.setStanding("ACTIVE", true, false, false);

            EmulatedDay.AppRun run = day.run();

            assertThat(run.code()).as("%s", run).isEqualTo(1);
            assertThat(run.err())
                    .contains("the broker does not let this account trade: trading is blocked on the account")
                    .contains("no order was placed");
            assertNoOrderWasSent(day);
        }
    }

    @Test
    void yesterdayWithoutDryRunStopsBeforeAnyOrderAndWithDryRunPlansWithoutOrdering() {
        String yesterday = DATE.minusDays(1).toString();
        try (EmulatedDay day = EmulatedDay.open(GeneratedDay.small(dir), dir.resolve("day"))) {
            EmulatedDay.AppRun run = day.run("--as-of", yesterday);

            assertThat(run.code()).as("%s", run).isEqualTo(1);
            assertThat(run.err()).contains("the trading date " + yesterday + " is not today (" + DATE
                    + " by the broker's clock)").contains("no order was placed");
            assertNoOrderWasSent(day);

            EmulatedDay.AppRun dry = day.run("--as-of", yesterday, "--dry-run");

            assertThat(dry.code()).as("%s", dry).isZero();
            assertThat(dry.out()).contains("rebalance plan");
            assertNoOrderWasSent(day);
        }
    }

    /**
     * Nothing fills, not even a market order: every walk ends cancelled, the run exits 4 and is not completed; once
     * orders fill again, a rerun the same day trades it all and ends where an uninterrupted day ends.
     */
    @Test
    void aDayWhereNothingFillsExitsFourAndTheRerunTradesTheResidual() {
        DaySetup setup = GeneratedDay.small(dir);
        DayChecks.Reference reference = References.uninterrupted(setup);
        try (EmulatedDay day = EmulatedDay.open(setup, dir.resolve("day"))) {
            day.fills.use(SwitchableFills.NOTHING);

            EmulatedDay.AppRun first = day.run();

            assertNotDone(day, first);
            assertThat(day.positions()).as("nothing filled").isEqualTo(startingPositions(day));

            day.fills.use(Markets.patient());
            EmulatedDay.AppRun rerun = day.run();

            assertThat(rerun.code()).as("the rerun once orders fill:%n%s", rerun).isZero();
            DayChecks.assertFinished(day, reference);
            assertThat(DayChecks.ordersOfRound(day, 1)).extracting(Order::side).contains(Side.SELL, Side.BUY);
        }
    }

    /** The sells fill and the buys do not: the rerun buys, and sells nothing again. */
    @Test
    void aDayWhoseBuysDoNotFillExitsFourAndTheRerunPlacesOnlyTheBuys() {
        DaySetup setup = GeneratedDay.small(dir);
        DayChecks.Reference reference = References.uninterrupted(setup);
        try (EmulatedDay day = EmulatedDay.open(setup, dir.resolve("day"))) {
            FillModel patient = Markets.patient();
            day.fills.use((o, book, now) -> o.side() == Side.SELL ? patient.fill(o, book, now) : Optional.empty());

            EmulatedDay.AppRun first = day.run();

            assertNotDone(day, first);
            day.fills.use(patient);
            EmulatedDay.AppRun rerun = day.run();

            assertThat(rerun.code()).as("the rerun once buys fill:%n%s", rerun).isZero();
            DayChecks.assertFinished(day, reference);
            assertThat(DayChecks.ordersOfRound(day, 1)).as("the rerun's orders").isNotEmpty()
                    .extracting(Order::side).containsOnly(Side.BUY);
        }
    }

    private static void assertNotDone(EmulatedDay day, EmulatedDay.AppRun first) {
        assertThat(first.code()).as("a day whose trades did not fill:%n%s", first).isEqualTo(4);
        assertThat(first.err()).contains("trades are not done: run the same command again before the close");
        assertThat(day.ledgerRuns()).extracting(RunRecord::status).contains(RunStatus.INCOMPLETE)
                .doesNotContain(RunStatus.COMPLETED);
        DayChecks.assertNothingResting(day);
        DayChecks.assertEveryOrderAccepted(day);
    }

    private static Map<Symbol, BigDecimal> startingPositions(EmulatedDay day) {
        Map<Symbol, BigDecimal> out = new TreeMap<>();
        day.setup.holdings().forEach((s, q) -> out.put(Symbol.of(s), q));
        return out;
    }

    private static void assertNoOrderWasSent(EmulatedDay day) {
        assertThat(day.emulator.requestCount("POST", "/v2/orders")).as("order submits").isZero();
        assertThat(day.emulator.orders()).isEmpty();
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return LocalDateTime.of(date, LocalTime.of(hour, minute)).atZone(MarketClock.MARKET_ZONE).toInstant();
    }
}
