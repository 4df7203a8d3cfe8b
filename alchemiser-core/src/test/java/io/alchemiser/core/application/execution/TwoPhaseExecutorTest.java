package io.alchemiser.core.application.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.OrderType;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.PlannedTrade;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.testing.RecordingEventBus;
import io.alchemiser.core.testing.ScriptedBroker.Fill;
import io.alchemiser.core.testing.ScriptedBroker;
import io.alchemiser.core.testing.TestCalendar;
import io.alchemiser.core.testing.TestClock;
import io.alchemiser.core.testing.TestLedger;
import io.alchemiser.core.testing.WeekdayCloses;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The executor's walk against a scripted broker: dust, the market-buy collar, and a broker that goes away. */
class TwoPhaseExecutorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    static final RunId RUN = new RunId("run-x");
    static final Symbol XYZ = Symbol.of("XYZ");

    final TestClock clock = TestClock.newYork(TODAY, 15, 45);
    final ScriptedBroker broker = new ScriptedBroker(clock);
    final TestLedger ledger = new TestLedger();

    TwoPhaseExecutor executor() {
        Ports ports = Ports.builder().priceHistory(new WeekdayCloses(TODAY)).quotes(broker).broker(broker)
                .ledger(ledger).events(new RecordingEventBus()).calendar(new TestCalendar(clock)).clock(clock)
                .sleeper(clock).build();
        return new TwoPhaseExecutor(ports, ExecutionSettings.defaults());
    }

    static RebalancePlan buying(String quantity, String price, String cash) {
        PlannedTrade buy = new PlannedTrade(XYZ, Side.BUY, new BigDecimal(quantity), new BigDecimal(price), 1.0,
                BigDecimal.ZERO, new BigDecimal(cash), true, false);
        return new RebalancePlan(new BigDecimal(cash), new BigDecimal(cash), BigDecimal.ZERO, List.of(), List.of(buy),
                1.0, List.of());
    }

    static ExecutionContext context(String minOrder) {
        MergedPortfolio portfolio = new MergedPortfolio(Weights.single(XYZ), Map.of(XYZ, Map.of("s", 1.0)));
        return new ExecutionContext(RUN, 0, TODAY, "plan", portfolio, Map.of(), new BigDecimal(minOrder),
                new StopSignal());
    }

    @Test
    void aRemainderBelowTheMinimumOrderIsNeverSent() {
        broker.cash("1000").price("XYZ", "10.00").fills("XYZ", Fill.PARTIAL);

        List<TradeRecord> done = executor().buys(buying("1.000000001", "10.00", "1000"), context("5"));

        // 40% of 1.000000001 fills, then 40% of the rest; the $3.60 left is below the $5 minimum and stays unsent
        assertThat(broker.submitted()).hasSize(2);
        assertThat(done).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TradeStatus.FILLED);
            assertThat(t.reason()).startsWith("left 0.360000001 shares").contains("below the minimum order of $5.00");
        });
    }

    @Test
    void marketBuysFitTheBrokersCollarAndCloseTheGapDownToDust() {
        broker.cash("10000").price("XYZ", "10.00").fills("XYZ", Fill.LIMITS_REST);

        // planned at the mid for all the cash: re-sized to the ask, then walked to market
        List<TradeRecord> done = executor().buys(buying("1000", "10.00", "10000"), context("1"));

        assertThat(broker.submitted()).filteredOn(r -> r.type() == OrderType.MARKET).hasSizeGreaterThan(1);
        assertThat(done).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(TradeStatus.FILLED));
        assertThat(broker.cash()).as("less than a dollar left idle").isLessThan(BigDecimal.ONE);
        assertThat(broker.openOrders()).isEmpty();
    }

    @Test
    void aBrokerThatGoesAwayMidWalkIsAnUnknownOutcomeAfterACancelAttempt() {
        broker.cash("10000").price("XYZ", "10.00").fills("XYZ", Fill.LIMITS_REST);
        broker.afterSubmit(1, () -> broker.unavailable(true));

        List<TradeRecord> done = executor().buys(buying("100", "10.00", "10000"), context("1"));

        assertThat(done).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TradeStatus.UNKNOWN);
            assertThat(t.reason()).contains("did not reach a final state").contains("connection refused")
                    .contains("a rerun reconciles");
        });
        assertThat(broker.calls("cancel")).as("the resting order was asked to cancel").isPositive();
        assertThat(broker.submitted()).as("nothing more placed once the broker was gone").hasSize(1);
    }
}
