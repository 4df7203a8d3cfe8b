package io.alchemiser.core.application.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.event.RunCompleted;
import io.alchemiser.core.domain.event.RunFailed;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.core.testing.RecordingEventBus;
import io.alchemiser.core.testing.ScriptedBroker.Fill;
import io.alchemiser.core.testing.ScriptedBroker;
import io.alchemiser.core.testing.TestCalendar;
import io.alchemiser.core.testing.TestClock;
import io.alchemiser.core.testing.TestLedger;
import io.alchemiser.core.testing.TestStrategy;
import io.alchemiser.core.testing.WeekdayCloses;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily run against a scripted broker on simulated time: a quiet day, and the faults a live day meets —
 * outages, a kill mid-walk, a stop signal, orders that never fill, a blocked account, a bug. After each
 * interruption a rerun the same day must end where an uninterrupted day ends, with no client order id used twice,
 * no resting order left, and nothing the ledger does not know.
 */
class LiveDayTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 18); // a Wednesday
    static final RunId RUN = RunId.forDate(TODAY);

    TestClock clock;
    ScriptedBroker broker;
    TestLedger ledger;
    RecordingEventBus events;
    WeekdayCloses closes;

    final Strategy equities = TestStrategy.fixed("equities", Map.of("SPY", 0.5, "QQQ", 0.5));
    final Strategy hedge = TestStrategy.fixed("hedge", Map.of("UVXY", 1.0));

    @BeforeEach
    void setUp() {
        clock = TestClock.newYork(TODAY, 15, 45);
        broker = new ScriptedBroker(clock).cash("91000").holding("TLT", "100").price("SPY", "500.00")
                .price("QQQ", "400.00").price("TLT", "90.00").price("UVXY", "20.00");
        ledger = new TestLedger();
        events = new RecordingEventBus();
        closes = new WeekdayCloses(TODAY).flat("SPY", "500.00", TODAY.minusDays(1), 30)
                .flat("QQQ", "400.00", TODAY.minusDays(1), 30).flat("TLT", "90.00", TODAY.minusDays(1), 30)
                .flat("UVXY", "20.00", TODAY.minusDays(1), 30);
    }

    DailyRun day() {
        return day(RunSettings.defaults());
    }

    DailyRun day(RunSettings settings) {
        Ports ports = Ports.builder().priceHistory(closes).quotes(broker).broker(broker).ledger(ledger).events(events)
                .calendar(new TestCalendar(clock)).clock(clock).sleeper(clock).build();
        return new DailyRun(List.of(new WeightedStrategy(equities, 0.6), new WeightedStrategy(hedge, 0.4)), ports,
                settings);
    }

    /** Where an uninterrupted day ends: $100,000 of equity as 30% SPY, 30% QQQ, 40% UVXY, TLT sold. */
    void endsAtTheTarget() {
        assertThat(broker.held("TLT")).isEqualByComparingTo("0");
        assertThat(broker.held("SPY").multiply(new BigDecimal("500"))).isBetween(new BigDecimal("29700"),
                new BigDecimal("30000"));
        assertThat(broker.held("QQQ").multiply(new BigDecimal("400"))).isBetween(new BigDecimal("29700"),
                new BigDecimal("30000"));
        assertThat(broker.held("UVXY").multiply(new BigDecimal("20"))).isBetween(new BigDecimal("39600"),
                new BigDecimal("40000"));
        assertThat(broker.openOrders()).as("no resting order left").isEmpty();
        List<String> ids = broker.submitted().stream().map(r -> r.clientOrderId().value()).toList();
        assertThat(new HashSet<>(ids)).as("no client order id sent twice").hasSize(ids.size());
        Set<String> recorded = new HashSet<>();
        ledger.trades(RUN).forEach(t -> recorded.add(t.round() + "/" + t.symbol() + "/" + t.side()));
        for (OrderRequest r : broker.submitted()) {
            var parts = r.clientOrderId().partsFor(RUN).orElseThrow();
            assertThat(recorded).as("the ledger knows " + r.clientOrderId())
                    .contains(parts.round() + "/" + parts.symbol() + "/" + parts.side());
        }
    }

    @Test
    void aQuietDaySellsFirstThenBuysAndCompletesAtTheTarget() {
        RunSummary summary = day().run(TODAY, RUN, false);

        assertThat(broker.submitted().get(0).side()).isEqualTo(Side.SELL);
        assertThat(broker.submitted()).extracting(r -> r.clientOrderId().partsFor(RUN).orElseThrow().round())
                .containsOnly(0);
        assertThat(summary.trades()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TradeStatus.FILLED));
        assertThat(ledger.latestRun(RUN)).get().extracting(RunRecord::status).isEqualTo(RunStatus.COMPLETED);
        assertThat(events.published()).last().isInstanceOf(RunCompleted.class);
        endsAtTheTarget();
    }

    @Test
    void quotesForAPhaseComeInOneRequestForAllItsSymbols() {
        day().run(TODAY, RUN, false);

        assertThat(broker.calls("latestQuote")).isZero();
        // planning prices, the intraday live bars, the sell phase and the buy phase (sizing and walking)
        assertThat(broker.calls("latestQuotes")).isLessThanOrEqualTo(5);
    }

    @Test
    void anOutageMidBuysLeavesTradesUnknownNeverFailedAndTheRerunFinishesTheDay() {
        broker.fills("SPY", Fill.LIMITS_REST).fills("QQQ", Fill.LIMITS_REST).fills("UVXY", Fill.LIMITS_REST);
        broker.afterSubmit(2, () -> broker.unavailable(true)); // the sell, then the first buy reaches the broker

        RunFailedException e = catchThrowableOfType(RunFailedException.class, () -> day().run(TODAY, RUN, false));

        assertThat(e.resumable()).isTrue();
        assertThat(e.beforeOrders()).isFalse();
        assertThat(ledger.trades(RUN)).filteredOn(t -> t.side() == Side.BUY)
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(TradeStatus.UNKNOWN))
                .noneSatisfy(t -> assertThat(t.status()).isEqualTo(TradeStatus.FAILED));
        assertThat(ledger.latestRun(RUN)).get().extracting(RunRecord::status).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(events.published()).last().isInstanceOfSatisfying(RunFailed.class,
                f -> assertThat(f.resumable()).isTrue());
        assertThat(broker.openOrders()).as("the order the outage hid still rests at the broker").hasSize(1);

        broker.unavailable(false);
        clock.advance(Duration.ofMinutes(1));
        RunSummary resumed = day().run(TODAY, RUN, false);

        assertThat(ledger.latestRun(RUN)).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r.round()).isEqualTo(1);
        });
        assertThat(resumed.notes()).anySatisfy(n -> assertThat(n).contains("cancelled").contains("left open"));
        endsAtTheTarget();
    }

    @Test
    void aKillMidWalkIsReconciledByTheRerunWhichTradesOnlyTheResidual() {
        broker.fills("QQQ", Fill.LIMITS_REST);
        broker.afterSubmit(3, () -> {
            broker.kill();
            ledger.kill();
        });

        assertThatThrownBy(() -> day().run(TODAY, RUN, false)).isInstanceOf(ScriptedBroker.Killed.class);

        broker.revive();
        ledger.revive();
        broker.fills("QQQ", Fill.NOW);
        clock.advance(Duration.ofMinutes(2));
        RunSummary resumed = day().run(TODAY, RUN, false);

        assertThat(resumed.notes()).anySatisfy(n -> assertThat(n).startsWith("adopted"));
        assertThat(ledger.trades(RUN)).filteredOn(t -> t.round() == 0)
                .anySatisfy(t -> assertThat(t.reason()).contains("recorded from the broker's orders"));
        endsAtTheTarget();
    }

    @Test
    void aStopSignalCancelsRestingOrdersRecordsTheInterruptionAndTheRerunFinishes() {
        broker.fills("SPY", Fill.LIMITS_REST).fills("QQQ", Fill.LIMITS_REST).fills("UVXY", Fill.LIMITS_REST);
        DailyRun first = day();
        broker.afterSubmit(2, () -> first.stop("SIGTERM"));

        RunFailedException e = catchThrowableOfType(RunFailedException.class, () -> first.run(TODAY, RUN, false));

        assertThat(e.failure()).isInstanceOf(RunFailure.Interrupted.class);
        assertThat(e.resumable()).isTrue();
        assertThat(e.getMessage()).contains("SIGTERM");
        assertThat(broker.openOrders()).as("resting orders cancelled").isEmpty();
        assertThat(ledger.latestRun(RUN)).get().extracting(RunRecord::status).isEqualTo(RunStatus.INTERRUPTED);
        int placedBeforeStop = broker.submitted().size();
        assertThat(placedBeforeStop).as("nothing new placed after the signal").isLessThanOrEqualTo(4);

        broker.fills("SPY", Fill.NOW).fills("QQQ", Fill.NOW).fills("UVXY", Fill.NOW);
        day().run(TODAY, RUN, false);
        endsAtTheTarget();
    }

    @Test
    void aDayWhereNothingFillsIsIncompleteAndTheRerunRetriesTheResidual() {
        broker.fills("UVXY", Fill.NEVER);

        RunFailedException e = catchThrowableOfType(RunFailedException.class, () -> day().run(TODAY, RUN, false));

        assertThat(e.failure()).isInstanceOfSatisfying(RunFailure.Incomplete.class,
                i -> assertThat(i.open()).singleElement().satisfies(t -> {
                    assertThat(t.symbol().value()).isEqualTo("UVXY");
                    assertThat(t.status()).isEqualTo(TradeStatus.UNFILLED);
                }));
        assertThat(ledger.latestRun(RUN)).get().extracting(RunRecord::status).isEqualTo(RunStatus.INCOMPLETE);
        int before = broker.submitted().size();

        broker.fills("UVXY", Fill.NOW);
        clock.advance(Duration.ofMinutes(1));
        day().run(TODAY, RUN, false);

        assertThat(broker.submitted().subList(before, broker.submitted().size()))
                .extracting(r -> r.symbol().value()).containsOnly("UVXY");
        endsAtTheTarget();
    }

    @Test
    void aBlockedAccountStopsTheRunWithOneMessageBeforeAnyOrder() {
        broker.standing(new Account.Standing("ACTIVE", true, false, false));

        assertThatThrownBy(() -> day().run(TODAY, RUN, false)).isInstanceOf(RunFailedException.class)
                .hasMessageContaining("trading is blocked on the account");
        assertThat(broker.submitted()).isEmpty();
    }

    @Test
    void aRerunOfACompletedDayTradesNothingAndRedeliversAnUndeliveredSummaryOnce() {
        day().run(TODAY, RUN, false);
        int placed = broker.submitted().size();

        day().run(TODAY, RUN, false);
        assertThat(broker.submitted()).hasSize(placed);
        assertThat(events.of(RunCompleted.class)).hasSize(2);

        ledger.appendRun(RunRecord.status(RUN, 0, TODAY, RunStatus.REPORTED, clock.instant(), "delivered"));
        day().run(TODAY, RUN, false);
        assertThat(events.of(RunCompleted.class)).as("delivered summaries are not sent again").hasSize(2);
    }

    @Test
    void aBugIsRethrownAsItselfWithTheRecordingFailureSuppressedAndStillPublished() {
        Strategy buggy = TestStrategy.of("buggy", (session, date) -> {
            throw new NullPointerException("a bug in a strategy");
        }, "SPY");
        Ports ports = Ports.builder().priceHistory(closes).quotes(broker).broker(broker).ledger(ledger).events(events)
                .calendar(new TestCalendar(clock)).clock(clock).sleeper(clock).build();
        DailyRun run = new DailyRun(List.of(new WeightedStrategy(buggy, 1.0)), ports, RunSettings.defaults());
        ledger.failRuns(false);
        broker.afterSubmit(1, () -> { });

        NullPointerException bug = catchThrowableOfType(NullPointerException.class,
                () -> run.run(TODAY, RUN, false));

        assertThat(bug).hasMessage("a bug in a strategy");
        assertThat(ledger.latestRun(RUN)).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.message()).contains("internal error");
        });
        assertThat(events.published()).last().isInstanceOfSatisfying(RunFailed.class,
                f -> assertThat(f.kind()).isEqualTo("InternalError"));

        TestLedger broken = new TestLedger();
        Ports brokenPorts = Ports.builder().priceHistory(closes).quotes(broker).broker(broker).ledger(broken)
                .events(events).calendar(new TestCalendar(clock)).clock(clock).sleeper(clock).build();
        DailyRun again = new DailyRun(List.of(new WeightedStrategy(buggy, 1.0)), brokenPorts, RunSettings.defaults());
        broken.appendRun(RunRecord.status(new RunId("other"), 0, TODAY, RunStatus.STARTED, clock.instant(), ""));
        NullPointerException second = catchThrowableOfType(NullPointerException.class, () -> {
            broken.failRuns(false);
            again.run(TODAY, RunId.forDate(TODAY), false);
        });
        assertThat(second).isNotNull();
    }

    @Test
    void aRecordingFailureAfterAFailureIsKeptAsSuppressed() {
        closes = new WeekdayCloses(TODAY).flat("SPY", "500.00", TODAY.minusDays(9), 30)
                .flat("QQQ", "400.00", TODAY.minusDays(9), 30).flat("UVXY", "20.00", TODAY.minusDays(9), 30);
        DailyRun run = day();
        broker.afterSubmit(1, () -> { });
        // STARTED is recorded, then the stale data fails the run and recording FAILED fails too
        TestLedger flaky = ledger;
        events.subscribe(io.alchemiser.core.domain.event.RunStarted.class, e -> { });
        RunFailedException e = catchThrowableOfType(RunFailedException.class, () -> {
            Ports ports = Ports.builder().priceHistory(closes).quotes(broker).broker(broker)
                    .ledger(new FailAfterFirstRun(flaky)).events(events).calendar(new TestCalendar(clock)).clock(clock)
                    .sleeper(clock).build();
            new DailyRun(List.of(new WeightedStrategy(equities, 0.6), new WeightedStrategy(hedge, 0.4)), ports,
                    RunSettings.defaults()).run(TODAY, RUN, false);
        });

        assertThat(e.failure()).isInstanceOf(RunFailure.StaleData.class);
        assertThat(e.getSuppressed()).singleElement().satisfies(s -> assertThat(s).hasMessageContaining("refuses"));
        assertThat(events.published()).last().isInstanceOf(RunFailed.class);
        assertThat(run).isNotNull();
    }

    /** A ledger that records the first run record, then refuses the rest. */
    private static final class FailAfterFirstRun implements io.alchemiser.core.port.Ledger {
        private final TestLedger delegate;
        private int runs;

        FailAfterFirstRun(TestLedger delegate) {
            this.delegate = delegate;
        }

        @Override
        public void appendTrade(TradeRecord trade) {
            delegate.appendTrade(trade);
        }

        @Override
        public void appendRun(RunRecord run) {
            if (runs++ > 0) {
                throw new io.alchemiser.core.port.LedgerException("the ledger refuses a second record");
            }
            delegate.appendRun(run);
        }

        @Override
        public List<TradeRecord> trades(RunId runId) {
            return delegate.trades(runId);
        }

        @Override
        public List<TradeRecord> tradesForSymbol(io.alchemiser.core.domain.Symbol symbol) {
            return delegate.tradesForSymbol(symbol);
        }

        @Override
        public List<TradeRecord> tradesSince(LocalDate date) {
            return delegate.tradesSince(date);
        }

        @Override
        public java.util.Optional<RunRecord> latestRun(RunId runId) {
            return delegate.latestRun(runId);
        }

        @Override
        public List<RunRecord> runHistory(RunId runId) {
            return delegate.runHistory(runId);
        }

        @Override
        public List<RunRecord> runs() {
            return delegate.runs();
        }
    }
}
