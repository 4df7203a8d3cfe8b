package io.alchemiser.inmemory.execution;

import static io.alchemiser.inmemory.execution.Fixture.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.application.run.DailyRun;
import io.alchemiser.core.application.run.RunFailedException;
import io.alchemiser.core.application.run.RunSettings;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.event.DomainEvent;
import io.alchemiser.core.domain.event.RunCompleted;
import io.alchemiser.core.domain.event.RunFailed;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.domain.event.StrategyEvaluated;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.core.port.StrategyException;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.core.testing.TestStrategy;
import io.alchemiser.inmemory.InMemoryEventBus;
import io.alchemiser.inmemory.InMemoryLedger;
import io.alchemiser.inmemory.InMemoryMarketData;
import io.alchemiser.inmemory.ManualClock;
import io.alchemiser.inmemory.SimulatedBroker;
import io.alchemiser.inmemory.SimulatedCrash;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daily run end to end on the in-memory adapters. */
class DailyRunTest {
    static final RunId RUN = RunId.forDate(Fixture.TODAY);

    ManualClock clock;
    InMemoryMarketData data;
    SimulatedBroker broker;
    InMemoryLedger ledger;
    InMemoryEventBus events;

    @BeforeEach
    void setUp() {
        clock = Fixture.clock();
        data = Fixture.prices(Fixture.TODAY, Map.of("SPY", "500.00", "QQQ", "400.00", "TLT", "90.00", "UVXY", "20.00"));
        broker = SimulatedBroker.builder(clock).cash(new BigDecimal("100000")).quotes(data).seed(3)
                .position(s("TLT"), new BigDecimal("100")).build();
        ledger = new InMemoryLedger();
        events = new InMemoryEventBus();
    }

    private DailyRun run(Strategy... strategies) {
        return run(RunSettings.defaults(), strategies);
    }

    private DailyRun run(RunSettings settings, Strategy... strategies) {
        List<WeightedStrategy> weighted = new java.util.ArrayList<>();
        for (Strategy st : strategies) {
            weighted.add(new WeightedStrategy(st, 1.0 / strategies.length));
        }
        return new DailyRun(weighted, Fixture.ports(data, broker, ledger, events, clock), settings);
    }

    private final Strategy equities = Fixture.fixed("equities", Map.of("SPY", 0.5, "QQQ", 0.5));
    private final Strategy hedge = Fixture.fixed("hedge", Map.of("UVXY", 1.0));

    @Test
    void runsEvaluateMergePlanExecuteUnderOneCorrelationId() {
        RunSummary summary = run(equities, hedge).run(Fixture.TODAY, RUN, false);

        assertThat(summary.trades()).extracting(t -> t.symbol().value()).containsExactlyInAnyOrder("TLT", "SPY", "QQQ", "UVXY");
        assertThat(summary.trades()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TradeStatus.FILLED));
        assertThat(summary.portfolio().contributors(s("UVXY"))).containsOnlyKeys("hedge");
        assertThat(events.published()).extracting(DomainEvent::correlationId).containsOnly(RUN.value());
        assertThat(events.published()).filteredOn(e -> e instanceof StrategyEvaluated).hasSize(2);
        assertThat(events.published().get(events.published().size() - 1)).isInstanceOf(RunCompleted.class);
        assertThat(ledger.latestRun(RUN)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(RunStatus.COMPLETED));
    }

    @Test
    void aDryRunStopsAfterThePlanAndRecordsNothing() {
        RunSummary summary = run(equities).run(Fixture.TODAY, RUN, true);
        assertThat(summary.plan().buys()).isNotEmpty();
        assertThat(broker.submitCalls()).isZero();
        assertThat(ledger.runs()).isEmpty();
    }

    @Test
    void aStrategyThatFailsToEvaluateStopsTheRunBeforeAnyOrder() {
        Strategy broken = TestStrategy.of("broken", (d, t) -> {
            throw new StrategyException("broken.clj:4:7", t, "broken.clj:4:7: rsi of SPY needs 11 bars, has 3 on " + t,
                    null);
        }, "SPY");
        assertThatThrownBy(() -> run(equities, broken).run(Fixture.TODAY, RUN, false))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("strategy 'broken' failed to evaluate").hasMessageContaining("broken.clj:4:7")
                .satisfies(e -> assertThat(((RunFailedException) e).beforeOrders()).isTrue());
        assertThat(broker.submitCalls()).isZero();
        assertThat(events.published()).last().isInstanceOf(RunFailed.class);
    }

    @Test
    void staleDataStopsTheRunBeforeAnyOrder() {
        data = Fixture.prices(Fixture.TODAY.minusDays(7), Map.of("SPY", "500.00", "QQQ", "400.00"));
        assertThatThrownBy(() -> run(equities).run(Fixture.TODAY, RUN, false))
                .isInstanceOf(RunFailedException.class).hasMessageContaining("market data is stale")
                .hasMessageContaining("QQQ (last bar 2026-11-11)");
        assertThat(broker.submitCalls()).isZero();
    }

    @Test
    void whileTheMarketIsOpenTheRunEvaluatesOnTodaysLivePriceAndSaysWhichPriceItUsed() {
        List<LocalDate> asked = new java.util.ArrayList<>();
        Strategy recording = TestStrategy.of("equities", (d, t) -> {
            asked.add(t);
            return io.alchemiser.core.domain.Weights.single(s("SPY"));
        }, "SPY");
        RunSummary summary = run(recording).run(Fixture.TODAY, RUN, false);
        assertThat(asked).containsExactly(Fixture.TODAY);
        assertThat(ledger.runHistory(RUN).stream().filter(r -> r.portfolio() != null).findFirst().orElseThrow()
                .evaluations().get(0).decisionPath()).satisfies(path -> {
                    assertThat(path.get(0).kind()).isEqualTo("sleeve");
                    assertThat(path.get(0).summary()).contains("daily").contains("FIRST_DAY");
                }).element(1).satisfies(step -> {
                    assertThat(step.kind()).isEqualTo("prices");
                    assertThat(step.summary()).contains("live prices as today's bar: SPY 500.00 at 2026-11-18T20:45:00Z");
                });
        assertThat(summary.trades()).filteredOn(t -> t.symbol().value().equals("SPY")).singleElement()
                .satisfies(t -> assertThat(t.decisionPath()).anySatisfy(p -> assertThat(p).contains("live prices")));
    }

    @Test
    void beforeTodaysBarsArriveTheRunEvaluatesOnThePreviousClose() {
        data = Fixture.prices(Fixture.TODAY.minusDays(1), Map.of("SPY", "500.00", "QQQ", "400.00", "TLT", "90.00",
                "UVXY", "20.00"));
        broker = SimulatedBroker.builder(clock).cash(new BigDecimal("100000")).quotes(data).seed(3).build();
        List<LocalDate> asked = new java.util.ArrayList<>();
        Strategy recording = TestStrategy.of("equities", (d, t) -> {
            asked.add(t);
            return io.alchemiser.core.domain.Weights.single(s("SPY"));
        }, "SPY");
        RunSummary summary = run(RunSettings.defaults().withIntraday(false), recording).run(Fixture.TODAY, RUN, false);
        assertThat(asked).containsExactly(Fixture.TODAY.minusDays(1));
        assertThat(summary.trades()).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(TradeStatus.FILLED));
    }

    @Test
    void aSymbolWithoutDataStopsTheRunBeforeAnyOrder() {
        Strategy unknown = Fixture.fixed("unknown", Map.of("NOPE", 1.0));
        assertThatThrownBy(() -> run(unknown).run(Fixture.TODAY, RUN, false))
                .isInstanceOf(RunFailedException.class).hasMessageContaining("NOPE");
        assertThat(broker.submitCalls()).isZero();
    }

    @Test
    void aClosedMarketStopsTheRunBeforeAnyOrderAndSaysWhenTheNextWindowOpens() {
        LocalDate saturday = LocalDate.of(2026, 11, 21);
        clock.set(java.time.ZonedDateTime.of(saturday, java.time.LocalTime.of(15, 45),
                io.alchemiser.core.port.Scheduler.MARKET_ZONE).toInstant());
        assertThatThrownBy(() -> run(equities).run(saturday, RunId.forDate(saturday), false))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("the market is closed").hasMessageContaining("next window opens at 2026-11-23T14:30:00Z")
                .satisfies(e -> assertThat(((RunFailedException) e).failure())
                        .isInstanceOf(io.alchemiser.core.application.run.RunFailure.OutsideTradingWindow.class));
        assertThat(broker.submitCalls()).isZero();
        assertThat(ledger.runs()).isEmpty();
    }

    @Test
    void anotherDayThanTodayIsOnlyADryRun() {
        LocalDate yesterday = Fixture.TODAY.minusDays(1);
        assertThatThrownBy(() -> run(equities).run(yesterday, RunId.forDate(yesterday), false))
                .isInstanceOf(RunFailedException.class).hasMessageContaining("is not today (2026-11-18");
        assertThat(broker.submitCalls()).isZero();
        assertThat(ledger.runs()).isEmpty();

        RunSummary dry = run(equities).run(yesterday, RunId.forDate(yesterday), true);
        assertThat(dry.dryRun()).isTrue();
        assertThat(broker.submitCalls()).isZero();
    }

    @Test
    void tooCloseToTheCloseNoOrderIsStarted() {
        clock.set(java.time.ZonedDateTime.of(Fixture.TODAY, java.time.LocalTime.of(15, 59),
                io.alchemiser.core.port.Scheduler.MARKET_ZONE).toInstant());
        assertThatThrownBy(() -> run(equities).run(Fixture.TODAY, RUN, false))
                .isInstanceOf(RunFailedException.class).hasMessageContaining("within 2 minutes of the close");
        assertThat(broker.submitCalls()).isZero();
    }

    @Test
    void aCompletedRunIsNotTradedAgain() {
        run(equities).run(Fixture.TODAY, RUN, false);
        int placed = broker.submitCalls();
        RunSummary again = run(equities).run(Fixture.TODAY, RUN, false);
        assertThat(broker.submitCalls()).isEqualTo(placed);
        assertThat(again.trades()).hasSize(3);
    }

    @Test
    void aCrashedRunResumesAsANewRoundThatTradesOnlyWhatIsMissing() {
        broker.crashBeforeSubmit(3);
        assertThatThrownBy(() -> run(equities, hedge).run(Fixture.TODAY, RUN, false))
                .isInstanceOf(SimulatedCrash.class);

        RunSummary resumed = run(equities, hedge).run(Fixture.TODAY, RUN, false);

        assertThat(resumed.trades()).hasSize(4).allSatisfy(t -> assertThat(t.status()).isEqualTo(TradeStatus.FILLED));
        List<String> ids = broker.submissions().stream().map(x -> x.request().clientOrderId().value()).toList();
        assertThat(Set.copyOf(ids)).hasSize(ids.size());
        assertThat(ledger.runHistory(RUN)).extracting(r -> r.status())
                .containsSubsequence(RunStatus.PLANNED, RunStatus.FAILED, RunStatus.STARTED, RunStatus.PLANNED,
                        RunStatus.SELLS_DONE, RunStatus.COMPLETED);
        assertThat(ledger.latestRun(RUN)).hasValueSatisfying(r -> assertThat(r.round()).isEqualTo(1));
        assertThat(broker.positions().stream().map(p -> p.symbol().value()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("SPY", "QQQ", "UVXY");
    }

    @Test
    void missingDataErrorsAreMarketDataErrors() {
        assertThatThrownBy(() -> data.dailyBars(s("NOPE"), Fixture.TODAY, Fixture.TODAY)).isInstanceOf(MarketDataException.class);
    }
}
