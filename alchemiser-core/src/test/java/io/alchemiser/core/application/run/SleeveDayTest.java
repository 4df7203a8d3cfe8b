package io.alchemiser.core.application.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.portfolio.RebalanceRule.Frequency;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.domain.portfolio.SleeveBook;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.core.testing.RecordingEventBus;
import io.alchemiser.core.testing.ScriptedBroker;
import io.alchemiser.core.testing.TestCalendar;
import io.alchemiser.core.testing.TestClock;
import io.alchemiser.core.testing.TestLedger;
import io.alchemiser.core.testing.TestStrategy;
import io.alchemiser.core.testing.WeekdayCloses;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sleeves across days of the daily run: each strategy keeps what it holds and trades by its own rule, and one
 * netted set of orders moves the account; the book the run records is scaled to the broker's positions each day.
 */
class SleeveDayTest {
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 18);
    static final LocalDate THURSDAY = WEDNESDAY.plusDays(1);

    TestClock clock;
    ScriptedBroker broker;
    TestLedger ledger;
    WeekdayCloses closes;
    final AtomicInteger monthlyEvaluations = new AtomicInteger();

    @BeforeEach
    void setUp() {
        clock = TestClock.newYork(WEDNESDAY, 15, 45);
        broker = new ScriptedBroker(clock).cash("100000").price("SPY", "500.00").price("TLT", "90.00")
                .price("GLD", "200.00");
        ledger = new TestLedger();
        closes = new WeekdayCloses(WEDNESDAY).flat("SPY", "500.00", WEDNESDAY, 30).flat("TLT", "90.00", WEDNESDAY, 30)
                .flat("GLD", "200.00", WEDNESDAY, 30);
    }

    RunSummary runOn(LocalDate day, Strategy... strategies) {
        clock.set(TestClock.newYork(day, 15, 45).instant());
        Ports ports = Ports.builder().priceHistory(closes).quotes(broker).broker(broker).ledger(ledger)
                .events(new RecordingEventBus()).calendar(new TestCalendar(clock)).clock(clock).sleeper(clock).build();
        List<WeightedStrategy> weighted = new java.util.ArrayList<>();
        for (Strategy s : strategies) {
            weighted.add(new WeightedStrategy(s, 1.0 / strategies.length));
        }
        return new DailyRun(weighted, ports, RunSettings.defaults().withIntraday(false)).run(day, RunId.forDate(day), false);
    }

    Strategy monthlyBonds() {
        return TestStrategy.of("bonds", (session, date) -> {
            monthlyEvaluations.incrementAndGet();
            return io.alchemiser.core.domain.Weights.single(io.alchemiser.core.domain.Symbol.of("TLT"));
        }, "TLT").withRebalanceRule(RebalanceRule.every(Frequency.MONTHLY));
    }

    Strategy dailyEquities() {
        return TestStrategy.fixed("equities", Map.of("SPY", 1.0));
    }

    @Test
    void aMonthlySleeveDriftsBetweenItsDaysWhileADailyOneTradesAndTheBookIsRecorded() {
        runOn(WEDNESDAY, monthlyBonds(), dailyEquities());
        assertThat(monthlyEvaluations).hasValue(1);
        assertThat(broker.held("TLT").multiply(new BigDecimal("90"))).isBetween(new BigDecimal("49900"),
                new BigDecimal("50000"));
        SleeveBook book = ledger.latestRun(RunId.forDate(WEDNESDAY)).map(RunRecord::sleeves).orElseThrow();
        assertThat(book.sleeves()).containsOnlyKeys("bonds", "equities");
        assertThat(book.sleeve("bonds").orElseThrow().lastRebalance()).isEqualTo(WEDNESDAY);

        // TLT rallies 10%: the monthly sleeve drifts to a bigger share; the daily one keeps its own value
        broker.price("TLT", "99.00");
        closes.flat("TLT", "99.00", THURSDAY.minusDays(1), 30).flat("SPY", "500.00", THURSDAY.minusDays(1), 30)
                .flat("GLD", "200.00", THURSDAY.minusDays(1), 30);
        int ordersBefore = broker.submitted().size();
        RunSummary thursday = runOn(THURSDAY, monthlyBonds(), dailyEquities());

        assertThat(monthlyEvaluations).as("a drifting sleeve is not even evaluated").hasValue(1);
        assertThat(broker.submitted().subList(ordersBefore, broker.submitted().size())).as("nothing to trade")
                .isEmpty();
        List<StrategyResult> evaluations = ledger.runHistory(RunId.forDate(THURSDAY)).stream()
                .filter(r -> r.portfolio() != null).findFirst().orElseThrow().evaluations();
        assertThat(evaluations).filteredOn(r -> r.strategy().equals("bonds")).singleElement()
                .satisfies(r -> assertThat(r.decisionPath().get(0).summary()).contains("NOT_SCHEDULED"));
        assertThat(thursday.portfolio().weights().weight(io.alchemiser.core.domain.Symbol.of("TLT")))
                .as("bonds are now 52.4% of the account").isCloseTo(54950 / 104950.0, org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void aCorridorSleeveDriftsInsideItsBandAndRebalancesFullyOnceOutside() {
        Strategy corridor = TestStrategy.fixed("balanced", Map.of("SPY", 0.5, "TLT", 0.5))
                .withRebalanceRule(RebalanceRule.corridor(0.05));
        runOn(WEDNESDAY, corridor);

        broker.price("SPY", "510.00"); // SPY's share moves about half a point: inside the 5-point band
        closes.flat("SPY", "510.00", THURSDAY.minusDays(1), 30).flat("TLT", "90.00", THURSDAY.minusDays(1), 30);
        int before = broker.submitted().size();
        runOn(THURSDAY, corridor);
        assertThat(broker.submitted()).hasSize(before);

        LocalDate friday = THURSDAY.plusDays(1);
        broker.price("SPY", "700.00"); // now about 8 points over: everything goes back to 50/50
        closes.flat("SPY", "700.00", friday.minusDays(1), 30).flat("TLT", "90.00", friday.minusDays(1), 30);
        runOn(friday, corridor);
        assertThat(broker.submitted().subList(before, broker.submitted().size()))
                .extracting(r -> r.side() + " " + r.symbol()).contains("SELL SPY", "BUY TLT");
        BigDecimal spy = broker.held("SPY").multiply(new BigDecimal("700"));
        BigDecimal tlt = broker.held("TLT").multiply(new BigDecimal("90"));
        assertThat(spy.subtract(tlt).abs()).isLessThan(new BigDecimal("300"));
    }

    @Test
    void theBookIsScaledToWhatTheBrokerReallyHolds() {
        runOn(WEDNESDAY, TestStrategy.fixed("equities", Map.of("SPY", 1.0)).withRebalanceRule(
                RebalanceRule.every(Frequency.MONTHLY)));
        broker.holding("SPY", "150"); // someone bought 50 more shares by hand (and the cash is unchanged)
        closes.flat("SPY", "500.00", THURSDAY.minusDays(1), 30);

        RunSummary thursday = runOn(THURSDAY, TestStrategy.fixed("equities", Map.of("SPY", 1.0))
                .withRebalanceRule(RebalanceRule.every(Frequency.MONTHLY)));

        assertThat(thursday.notes()).anySatisfy(n -> assertThat(n).contains("the broker holds 150"));
        assertThat(ledger.runHistory(RunId.forDate(THURSDAY)).stream().map(RunRecord::sleeves)
                .filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElseThrow()
                .sleeve("equities").orElseThrow().shares().values().iterator().next())
                .isEqualByComparingTo("150");
        assertThat(broker.submitted()).filteredOn(r -> r.side() == Side.SELL).isEmpty();
    }
}
