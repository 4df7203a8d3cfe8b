package io.alchemiser.examples.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.application.run.DailyRun;
import io.alchemiser.core.application.run.RunFailedException;
import io.alchemiser.core.application.run.RunSettings;
import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.Strategy;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.core.testing.TestStrategy;
import io.alchemiser.examples.notify.EquityHistory;
import io.alchemiser.examples.notify.FileChannel;
import io.alchemiser.examples.notify.RunNotifier;
import io.alchemiser.inmemory.InMemoryEventBus;
import io.alchemiser.inmemory.InMemoryMarketData;
import io.alchemiser.inmemory.ManualClock;
import io.alchemiser.inmemory.ManualScheduler;
import io.alchemiser.inmemory.SimulatedBroker;
import io.alchemiser.inmemory.SimulatedCrash;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's daily run on the app's own ledger and notifier, over the in-memory broker: the run's real records
 * (plan, portfolio, evaluations, trades appended from the execution threads) go through H2 and back, and a run
 * interrupted mid-way resumes from a ledger reopened as after a restart.
 */
class DailyRunOnJdbcLedgerTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    private static final RunId RUN = RunId.forDate(TODAY);
    private static final Map<String, String> PRICES = Map.of("SPY", "500.00", "QQQ", "400.00", "TLT", "90.00",
            "UVXY", "20.00");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(
            ZonedDateTime.of(TODAY, LocalTime.of(15, 45), Scheduler.MARKET_ZONE).toInstant());
    private final InMemoryMarketData data = prices(clock);
    private final SimulatedBroker broker = SimulatedBroker.builder(clock).cash(new BigDecimal("100000")).quotes(data)
            .seed(3).position(Symbol.of("TLT"), new BigDecimal("100")).build();

    private DailyRun dailyRun(JdbcLedger ledger, InMemoryEventBus events) {
        List<WeightedStrategy> strategies = List.of(
                new WeightedStrategy(strategy("equities", Map.of("SPY", 0.5, "QQQ", 0.5)), 0.6),
                new WeightedStrategy(strategy("hedge", Map.of("UVXY", 1.0)), 0.4));
        Ports ports = Ports.builder().priceHistory(data).quotes(data).broker(broker).ledger(ledger).events(events)
                .calendar(ManualScheduler.builder().clock(clock).build()).clock(clock).sleeper(clock::advance).build();
        return new DailyRun(strategies, ports, RunSettings.defaults());
    }

    @Test
    void aRunRecordsItsTradesAndPlanAndTheNotifierSummarisesIt() throws Exception {
        Path ledgerPath = dir.resolve("ledger/alchemiser");
        InMemoryEventBus events = new InMemoryEventBus();
        RunNotifier.builder().channel(new FileChannel(dir.resolve("summaries")))
                .equityHistory(EquityHistory.besideLedger(ledgerPath)).build().subscribe(events);

        try (JdbcLedger ledger = JdbcLedger.openFile(ledgerPath)) {
            dailyRun(ledger, events).run(TODAY, RUN, false);
        }

        try (JdbcLedger reopened = JdbcLedger.openFile(ledgerPath)) {
            assertThat(reopened.trades(RUN)).extracting(t -> t.symbol().value())
                    .containsExactlyInAnyOrder("TLT", "SPY", "QQQ", "UVXY");
            assertThat(reopened.trades(RUN)).allSatisfy(t -> assertThat(t.status()).isEqualTo(TradeStatus.FILLED));
            TradeRecord uvxy = reopened.tradesForSymbol(Symbol.of("UVXY")).get(0);
            assertThat(uvxy.attribution()).containsOnlyKeys("hedge");
            assertThat(uvxy.decisionPath()).containsExactly(
                    "hedge: sleeve: daily: rebalance (FIRST_DAY): first day: buys the target",
                    "hedge: prices: live prices as today's bar: UVXY 20.00 at 2026-11-18T20:45:00Z",
                    "hedge: hedge.clj:3:5 if: took the then branch");
            RunRecord done = reopened.latestRun(RUN).orElseThrow();
            assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(done.plan().buys()).extracting(t -> t.symbol().value()).contains("UVXY");
            assertThat(done.evaluations()).extracting(StrategyResult::strategy).containsExactly("equities", "hedge");
            assertThat(new LedgerReport(reopened).text(LedgerQuery.run(RUN)))
                    .contains("UVXY", "hedge 40.00%", "why: hedge: hedge.clj:3:5 if: took the then branch");
        }
        String summary = Files.readString(dir.resolve("summaries/summary-run-2026-11-18.txt"));
        assertThat(summary).contains("COMPLETED", "Trades (4, 0 failed)", "UVXY", "hedge 40.00%",
                "P&L since the last run: no previous run recorded");
        assertThat(EquityHistory.besideLedger(ledgerPath).entries()).extracting(EquityHistory.Entry::runId)
                .containsExactly("run-2026-11-18");
    }

    @Test
    void aCrashedRunResumesFromTheReopenedLedgerWithoutTradingTwice() {
        Path ledgerPath = dir.resolve("ledger");
        broker.crashBeforeSubmit(3);
        try (JdbcLedger ledger = JdbcLedger.openFile(ledgerPath)) {
            assertThatThrownBy(() -> dailyRun(ledger, new InMemoryEventBus()).run(TODAY, RUN, false))
                    .isInstanceOf(SimulatedCrash.class);
        }

        try (JdbcLedger restarted = JdbcLedger.openFile(ledgerPath)) {
            dailyRun(restarted, new InMemoryEventBus()).run(TODAY, RUN, false);

            assertThat(restarted.trades(RUN)).hasSize(4)
                    .allSatisfy(t -> assertThat(t.status()).isEqualTo(TradeStatus.FILLED));
            assertThat(restarted.runHistory(RUN)).extracting(RunRecord::status)
                    .containsSubsequence(RunStatus.PLANNED, RunStatus.FAILED, RunStatus.STARTED, RunStatus.PLANNED,
                            RunStatus.SELLS_DONE, RunStatus.COMPLETED);
        }
        List<String> ids = broker.submissions().stream().map(x -> x.request().clientOrderId().value()).toList();
        assertThat(Set.copyOf(ids)).as("no client order id sent twice").hasSize(ids.size());
    }

    private static InMemoryMarketData prices(ManualClock clock) {
        List<BarSeries> all = new ArrayList<>();
        PRICES.forEach((ticker, close) -> {
            List<DailyBar> bars = new ArrayList<>();
            for (LocalDate d = TODAY.minusDays(42); !d.isAfter(TODAY); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    bars.add(DailyBar.closeOnly(d, new BigDecimal(close)));
                }
            }
            all.add(new BarSeries(Symbol.of(ticker), bars));
        });
        return InMemoryMarketData.builder().clock(clock).bars(all).build();
    }

    private static Strategy strategy(String name, Map<String, Double> weights) {
        return TestStrategy.fixed(name, weights);
    }
}
