package io.alchemiser.inmemory.execution;

import static io.alchemiser.inmemory.execution.Fixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.application.execution.ExecutionContext;
import io.alchemiser.core.application.execution.ExecutionSettings;
import io.alchemiser.core.application.execution.TwoPhaseExecutor;
import io.alchemiser.core.application.portfolio.PortfolioMerger;
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
import io.alchemiser.core.domain.portfolio.StrategyAllocation;
import io.alchemiser.inmemory.FillModel;
import io.alchemiser.inmemory.InMemoryEventBus;
import io.alchemiser.inmemory.InMemoryLedger;
import io.alchemiser.inmemory.InMemoryMarketData;
import io.alchemiser.inmemory.ManualClock;
import io.alchemiser.inmemory.SimulatedBroker;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Walk-the-book through the executor: limit steps, then market; partial fills re-price only the remainder. */
class WalkTheBookExecutionTest {
    static final RunId RUN = new RunId("run-walk");
    static final Symbol XYZ = s("XYZ");

    final ManualClock clock = Fixture.clock();
    final InMemoryMarketData quotes = Fixture.prices(Fixture.TODAY, Map.of("XYZ", "100.00"));

    private List<SimulatedBroker.Submission> buyHundredShares(FillModel model) {
        SimulatedBroker broker = SimulatedBroker.builder(clock).cash(new BigDecimal("20000")).quotes(quotes)
                .spreadBps(20).seed(11).fillModel(model).asset(XYZ, true, false).build();
        InMemoryLedger ledger = new InMemoryLedger();
        MergedPortfolio portfolio = new PortfolioMerger()
                .merge(List.of(new StrategyAllocation("s", 1.0, Weights.single(XYZ))));
        PlannedTrade buy = new PlannedTrade(XYZ, Side.BUY, new BigDecimal("100"), new BigDecimal("100.00"), 0.5,
                BigDecimal.ZERO, new BigDecimal("10000"), false, false);
        RebalancePlan plan = new RebalancePlan(new BigDecimal("20000"), new BigDecimal("20000"), BigDecimal.ZERO,
                List.of(), List.of(buy), 1.0, List.of());
        TwoPhaseExecutor executor = new TwoPhaseExecutor(
                Fixture.ports(quotes, broker, ledger, new InMemoryEventBus(), clock), ExecutionSettings.defaults());
        executor.buys(plan, ExecutionContext.of(RUN, Fixture.TODAY, "plan", portfolio, Map.of()));
        TradeRecord record = ledger.trades(RUN).get(0);
        assertThat(record.status()).isEqualTo(TradeStatus.FILLED);
        assertThat(record.filledQuantity()).isEqualByComparingTo("100");
        return broker.submissions();
    }

    @Test
    void limitsThatNeverFillWalk75_85_95ThenGoToMarket() {
        List<SimulatedBroker.Submission> sent = buyHundredShares(FillModel.defaults().withProbability(x -> x >= 1 ? 1 : 0));
        assertThat(sent).extracting(x -> x.request().type())
                .containsExactly(OrderType.LIMIT, OrderType.LIMIT, OrderType.LIMIT, OrderType.MARKET);
        List<BigDecimal> limits = sent.subList(0, 3).stream().map(x -> x.request().limitPrice()).toList();
        assertThat(limits).isSortedAccordingTo(BigDecimal::compareTo);
        assertThat(sent).extracting(x -> x.request().clientOrderId().value())
                .containsExactly("run-walk.0-XYZ-B0", "run-walk.0-XYZ-B1", "run-walk.0-XYZ-B2", "run-walk.0-XYZ-B3");
        // Each step waited its 30 s before being re-priced.
        assertThat(Duration.between(sent.get(0).at(), sent.get(3).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aPartialFillCarriesOverAndOnlyTheRemainderIsRepriced() {
        List<SimulatedBroker.Submission> sent = buyHundredShares(
                FillModel.defaults().withProbability(x -> 1.0).withPartialFills(1.0, 0.4));
        List<BigDecimal> quantities = sent.stream().map(x -> x.request().quantity()).toList();
        // Each limit fills 40% (whole shares): 100 → 40 filled, 60 left; 60 → 24, 36 left; 36 → 14, 22 left;
        // the market order takes the last 22.
        assertThat(quantities).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), new BigDecimal("60"), new BigDecimal("36"), new BigDecimal("22"));
        assertThat(sent.get(sent.size() - 1).request().type()).isEqualTo(OrderType.MARKET);
    }
}
