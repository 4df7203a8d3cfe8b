package io.alchemiser.inmemory.execution;

import static io.alchemiser.inmemory.execution.Fixture.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.application.execution.ExecutionContext;
import io.alchemiser.core.application.execution.ExecutionSettings;
import io.alchemiser.core.application.execution.TwoPhaseExecutor;
import io.alchemiser.core.application.portfolio.PortfolioMerger;
import io.alchemiser.core.application.portfolio.RebalancePlanner;
import io.alchemiser.core.application.portfolio.RebalanceSettings;
import io.alchemiser.core.domain.Account;
import io.alchemiser.core.domain.Asset;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import io.alchemiser.core.domain.portfolio.StrategyAllocation;
import io.alchemiser.inmemory.InMemoryEventBus;
import io.alchemiser.inmemory.InMemoryLedger;
import io.alchemiser.inmemory.InMemoryMarketData;
import io.alchemiser.inmemory.ManualClock;
import io.alchemiser.inmemory.SimulatedBroker;
import io.alchemiser.inmemory.SimulatedCrash;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two-phase executor against the simulated broker, on simulated time. */
class TwoPhaseExecutionTest {
    static final RunId RUN = new RunId("run-test");
    static final List<String> HELD = List.of("AAA", "BBB", "CCC");
    static final List<String> WANTED = List.of("DDD", "EEE", "FFF", "GGG");

    ManualClock clock;
    InMemoryMarketData quotes;
    SimulatedBroker broker;
    InMemoryLedger ledger;
    InMemoryEventBus events;
    MergedPortfolio portfolio;

    @BeforeEach
    void setUp() {
        clock = Fixture.clock();
        Map<String, String> closes = new TreeMap<>();
        HELD.forEach(t -> closes.put(t, "50.00"));
        WANTED.forEach(t -> closes.put(t, "25.00"));
        quotes = Fixture.prices(Fixture.TODAY, closes);
        SimulatedBroker.Builder b = SimulatedBroker.builder(clock).cash(new BigDecimal("1000")).quotes(quotes)
                .spreadBps(20).seed(7).settlementDelay(Duration.ofSeconds(5)).latency(Duration.ofMillis(50));
        HELD.forEach(t -> b.position(s(t), new BigDecimal("100")));
        broker = b.build();
        ledger = new InMemoryLedger();
        events = new InMemoryEventBus();
        Map<Symbol, Double> w = new HashMap<>();
        WANTED.forEach(t -> w.put(s(t), 0.24));
        portfolio = new PortfolioMerger().merge(List.of(
                new StrategyAllocation("alpha", 0.5, Weights.of(w)), new StrategyAllocation("beta", 0.5, Weights.of(w))));
    }

    private RebalancePlan plan() {
        Map<Symbol, Asset> assets = new HashMap<>();
        Map<Symbol, BigDecimal> prices = new HashMap<>();
        for (String t : WANTED) {
            assets.put(s(t), broker.asset(s(t)));
            prices.put(s(t), new BigDecimal("25.00"));
        }
        HELD.forEach(t -> assets.put(s(t), broker.asset(s(t))));
        Account account = broker.account();
        return new RebalancePlanner(RebalanceSettings.defaults()).plan(portfolio.weights(), account, broker.positions(),
                assets, prices);
    }

    private TwoPhaseExecutor executor() {
        return new TwoPhaseExecutor(Fixture.ports(quotes, broker, ledger, events, clock), ExecutionSettings.defaults());
    }

    private ExecutionContext ctx() {
        return ExecutionContext.of(RUN, Fixture.TODAY, "plan-event", portfolio,
                Map.of("alpha", List.of("alpha.clj:3:5 if: took the then branch")));
    }

    private List<TradeRecord> execute(RebalancePlan plan) {
        TwoPhaseExecutor ex = executor();
        List<TradeRecord> out = new java.util.ArrayList<>(ex.sells(plan, ctx()));
        out.addAll(ex.buys(plan, ctx()));
        return out;
    }

    @Test
    void sellsCompleteBeforeAnyBuyIsPlaced() {
        RebalancePlan plan = plan();
        assertThat(plan.sells()).hasSize(3);
        assertThat(plan.buys()).hasSize(4);
        execute(plan);

        List<SimulatedBroker.Activity> activity = broker.activity();
        long lastSellEnd = activity.stream()
                .filter(a -> a.side() == Side.SELL && a.kind().endsOrder()).mapToLong(SimulatedBroker.Activity::sequence)
                .max().orElseThrow();
        long firstBuy = activity.stream().filter(a -> a.side() == Side.BUY && a.kind() == SimulatedBroker.Activity.Kind.SUBMITTED)
                .mapToLong(SimulatedBroker.Activity::sequence).min().orElseThrow();
        assertThat(firstBuy).isGreaterThan(lastSellEnd);
        assertThat(broker.positions()).extracting(p -> p.symbol().value()).containsExactlyInAnyOrderElementsOf(WANTED);
    }

    @Test
    void theLedgerHoldsOneRecordPerTradeWithCorrelationIdAndAttribution() {
        List<TradeRecord> trades = execute(plan());
        assertThat(ledger.trades(RUN)).hasSize(7).allSatisfy(t -> assertThat(t.runId()).isEqualTo(RUN));
        assertThat(ledger.trades(RUN).stream().map(TradeRecord::key).collect(Collectors.toSet())).hasSize(7);
        TradeRecord buy = trades.stream().filter(t -> t.symbol().equals(s("DDD"))).findFirst().orElseThrow();
        assertThat(buy.attribution()).containsOnlyKeys("alpha", "beta");
        assertThat(buy.decisionPath()).containsExactly("alpha: alpha.clj:3:5 if: took the then branch");
        assertThat(buy.status()).isEqualTo(TradeStatus.FILLED);
        assertThat(buy.bid()).isNotNull();
        assertThat(buy.ask()).isNotNull();
    }

    @Test
    void aRejectedOrderIsRecordedAndTheOthersGoOn() {
        broker.rejectOrders(s("EEE"), "asset is not fractionable");
        List<TradeRecord> trades = execute(plan());
        TradeRecord rejected = trades.stream().filter(t -> t.symbol().equals(s("EEE"))).findFirst().orElseThrow();
        assertThat(rejected.status()).isEqualTo(TradeStatus.FAILED);
        assertThat(rejected.reason()).contains("asset is not fractionable");
        assertThat(trades).filteredOn(t -> !t.symbol().equals(s("EEE")))
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(TradeStatus.FILLED));
    }

    @Test
    void aCrashAfterKOfNOrdersThenARerunPlacesExactlyTheMissingOrders() {
        RebalancePlan plan = plan();
        broker.crashBeforeSubmit(5); // three sells and one buy reach the broker, then the process "dies"
        assertThatThrownBy(() -> execute(plan)).isInstanceOf(SimulatedCrash.class);
        int before = broker.submissions().size();
        Set<String> placedBefore = broker.submissions().stream().map(x -> x.request().clientOrderId().value())
                .collect(Collectors.toSet());

        execute(plan);

        List<SimulatedBroker.Submission> all = broker.submissions();
        Set<String> ids = all.stream().map(x -> x.request().clientOrderId().value()).collect(Collectors.toSet());
        assertThat(ids).as("no client order id placed twice").hasSize(all.size());
        assertThat(all.subList(before, all.size())).as("the rerun places nothing that was placed before")
                .noneMatch(x -> placedBefore.contains(x.request().clientOrderId().value()));
        assertThat(ledger.trades(RUN)).hasSize(7).allSatisfy(t -> assertThat(t.status()).isEqualTo(TradeStatus.FILLED));
        assertThat(broker.positions()).extracting(p -> p.symbol().value()).containsExactlyInAnyOrderElementsOf(WANTED);
    }

    @Test
    void aSubmitThatTimesOutAfterReachingTheBrokerIsAdoptedNotResent() {
        broker.failSubmitAfterRecording(1);
        execute(plan());
        List<SimulatedBroker.Submission> all = broker.submissions();
        Set<String> ids = all.stream().map(x -> x.request().clientOrderId().value()).collect(Collectors.toSet());
        assertThat(ids).hasSize(all.size());
        assertThat(ledger.trades(RUN)).hasSize(7).allSatisfy(t -> assertThat(t.status()).isEqualTo(TradeStatus.FILLED));
    }

    @Test
    void buysAreResizedToWhatIsActuallySpendable() {
        RebalancePlan plan = plan();
        broker.rejectOrders(s("AAA"), "halted");
        execute(plan);
        Account after = broker.account();
        assertThat(after.cash()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(ledger.trades(RUN)).filteredOn(t -> t.side() == Side.BUY).hasSize(4).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TradeStatus.FILLED);
            assertThat(t.plannedQuantity()).isLessThan(plan.trade(t.symbol()).orElseThrow().quantity());
        });
    }
}
