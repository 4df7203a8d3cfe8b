package io.alchemiser.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.RebalancePlan;
import io.alchemiser.core.domain.portfolio.SleeveBook;
import io.alchemiser.core.port.Ledger;
import io.alchemiser.core.port.LedgerException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link Ledger}: append-only, one trade per (run, symbol, side), queries by run, symbol and date,
 * the latest state of a run, safe concurrent appends, and records that survive reopening the store.
 *
 * <p>Extend it and supply {@link #newLedger()} (an empty ledger per call); durable implementations also override
 * {@link #reopen(Ledger)}. Values are compared with {@code compareTo}, so a store may change a decimal's scale.
 */
public abstract class LedgerContract {
    protected static final RunId RUN_1 = RunId.forDate(LocalDate.of(2024, 3, 4));
    protected static final RunId RUN_2 = RunId.forDate(LocalDate.of(2024, 3, 5));
    protected static final Symbol SPY = Symbol.of("SPY");
    protected static final Symbol QQQ = Symbol.of("QQQ");
    private static final Instant AT = Instant.parse("2024-03-04T20:45:00Z");

    /** A new, empty ledger. */
    protected abstract Ledger newLedger();

    /**
     * The same store opened afresh, as after a restart. In-memory ledgers return {@code ledger} itself; durable ones
     * close it and open a new instance on the same storage.
     */
    protected Ledger reopen(Ledger ledger) {
        return ledger;
    }

    @Test
    void tradesOfARunComeBackInTheOrderRecorded() {
        Ledger ledger = newLedger();
        ledger.appendTrade(trade(RUN_1, QQQ, Side.SELL));
        ledger.appendTrade(trade(RUN_1, SPY, Side.BUY));
        ledger.appendTrade(trade(RUN_2, SPY, Side.BUY));

        assertThat(ledger.trades(RUN_1)).extracting(TradeRecord::key)
                .containsExactly(RUN_1 + "/0/QQQ/SELL", RUN_1 + "/0/SPY/BUY");
        assertThat(ledger.trades(RUN_2)).extracting(TradeRecord::key).containsExactly(RUN_2 + "/0/SPY/BUY");
    }

    @Test
    void aTradeKeepsEveryFieldItWasRecordedWith() {
        Ledger ledger = newLedger();
        TradeRecord sent = new TradeRecord(RUN_1, 2, date(RUN_1), SPY, Side.BUY, TradeStatus.PARTIALLY_FILLED,
                new BigDecimal("10.5"), new BigDecimal("4.25"), new BigDecimal("151.7000"), new BigDecimal("150.00"),
                new BigDecimal("152.00"), ClientOrderId.of(RUN_1, 2, SPY, Side.BUY, 2), 3,
                Map.of("alpha", 0.25, "beta", 0.15), List.of("alpha: 1:1 if: then", "beta: 2:3 filter: kept SPY"),
                "cancelled at the end of the walk", AT);
        ledger.appendTrade(sent);

        TradeRecord got = reopen(ledger).trades(RUN_1).get(0);
        assertThat(got.key()).isEqualTo(sent.key());
        assertThat(got.round()).isEqualTo(2);
        assertThat(got.tradingDate()).isEqualTo(sent.tradingDate());
        assertThat(got.status()).isEqualTo(TradeStatus.PARTIALLY_FILLED);
        assertThat(got.plannedQuantity()).isEqualByComparingTo("10.5");
        assertThat(got.filledQuantity()).isEqualByComparingTo("4.25");
        assertThat(got.averageFillPrice()).isEqualByComparingTo("151.70");
        assertThat(got.bid()).isEqualByComparingTo("150");
        assertThat(got.ask()).isEqualByComparingTo("152");
        assertThat(got.lastClientOrderId()).isEqualTo(sent.lastClientOrderId());
        assertThat(got.attempts()).isEqualTo(3);
        assertThat(got.attribution()).isEqualTo(sent.attribution());
        assertThat(got.decisionPath()).isEqualTo(sent.decisionPath());
        assertThat(got.reason()).isEqualTo(sent.reason());
        assertThat(got.recordedAt()).isEqualTo(AT);
    }

    @Test
    void aSecondTradeWithTheSameKeyIsRefusedAndTheFirstStands() {
        Ledger ledger = newLedger();
        ledger.appendTrade(trade(RUN_1, SPY, Side.BUY, TradeStatus.FILLED));

        assertThatThrownBy(() -> ledger.appendTrade(trade(RUN_1, SPY, Side.BUY, TradeStatus.UNFILLED)))
                .isInstanceOf(LedgerException.class).hasMessageContaining(RUN_1 + "/0/SPY/BUY");
        assertThat(ledger.trades(RUN_1)).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TradeStatus.FILLED));
    }

    @Test
    void theSameSymbolOnTheOtherSideInAnotherRoundOrInAnotherRunIsNotADuplicate() {
        Ledger ledger = newLedger();
        ledger.appendTrade(trade(RUN_1, SPY, Side.BUY));
        ledger.appendTrade(trade(RUN_1, SPY, Side.SELL));
        ledger.appendTrade(trade(RUN_2, SPY, Side.BUY));
        ledger.appendTrade(trade(RUN_1, 1, SPY, Side.BUY, TradeStatus.FILLED));

        assertThat(ledger.tradesForSymbol(SPY)).hasSize(4);
        assertThat(ledger.trades(RUN_1)).extracting(TradeRecord::round).containsExactly(0, 0, 1);
    }

    @Test
    void anUnknownTradeKeepsItsStatusAndReason() {
        Ledger ledger = newLedger();
        TradeRecord unknown = trade(RUN_1, 0, SPY, Side.BUY, TradeStatus.UNKNOWN);
        ledger.appendTrade(unknown);

        TradeRecord got = reopen(ledger).trades(RUN_1).get(0);
        assertThat(got.status()).isEqualTo(TradeStatus.UNKNOWN);
        assertThat(got.reason()).isEqualTo("broker unreachable");
    }

    @Test
    void tradesOfASymbolSpanRunsOldestFirst() {
        Ledger ledger = newLedger();
        ledger.appendTrade(trade(RUN_2, SPY, Side.BUY));
        ledger.appendTrade(trade(RUN_1, QQQ, Side.SELL));
        ledger.appendTrade(trade(RUN_1, SPY, Side.SELL));

        assertThat(ledger.tradesForSymbol(SPY)).extracting(TradeRecord::runId).containsExactly(RUN_1, RUN_2);
        assertThat(ledger.tradesForSymbol(Symbol.of("IWM"))).isEmpty();
    }

    @Test
    void tradesSinceADateIncludeThatDateAndAreOldestFirst() {
        Ledger ledger = newLedger();
        RunId run3 = RunId.forDate(LocalDate.of(2024, 3, 6));
        ledger.appendTrade(trade(run3, SPY, Side.BUY));
        ledger.appendTrade(trade(RUN_1, SPY, Side.BUY));
        ledger.appendTrade(trade(RUN_2, QQQ, Side.BUY));

        assertThat(ledger.tradesSince(date(RUN_2))).extracting(TradeRecord::runId).containsExactly(RUN_2, run3);
        assertThat(ledger.tradesSince(LocalDate.of(2024, 3, 7))).isEmpty();
    }

    @Test
    void theLatestRunRecordIsTheRunsStateAndHistoryKeepsEveryChange() {
        Ledger ledger = newLedger();
        ledger.appendRun(run(RUN_1, RunStatus.STARTED, 0));
        ledger.appendRun(run(RUN_1, RunStatus.PLANNED, 1));
        ledger.appendRun(run(RUN_1, RunStatus.SELLS_DONE, 2));

        Ledger read = reopen(ledger);
        assertThat(read.latestRun(RUN_1)).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.SELLS_DONE);
            assertThat(r.plan()).isNotNull();
            assertThat(r.plan().equity()).isEqualByComparingTo("100000");
        });
        assertThat(read.runHistory(RUN_1)).extracting(RunRecord::status)
                .containsExactly(RunStatus.STARTED, RunStatus.PLANNED, RunStatus.SELLS_DONE);
        assertThat(read.runHistory(RUN_1)).extracting(RunRecord::round).containsExactly(0, 1, 2);
    }

    @Test
    void aRunRecordKeepsItsSleeveBookExactly() {
        Ledger ledger = newLedger();
        RunRecord planned = run(RUN_1, RunStatus.PLANNED, 1);
        SleeveBook book = new SleeveBook(Map.of(
                "alpha", new SleeveBook.Sleeve(Map.of(SPY, new BigDecimal("12.345678901")), new BigDecimal("10.05"),
                        LocalDate.of(2024, 3, 1)),
                "beta", new SleeveBook.Sleeve(Map.of(), new BigDecimal("0"), LocalDate.of(2024, 2, 1))));
        ledger.appendRun(new RunRecord(planned.runId(), planned.round(), planned.tradingDate(), planned.status(),
                planned.at(), planned.message(), planned.portfolio(), planned.plan(), planned.evaluations(), book));
        ledger.appendRun(run(RUN_1, RunStatus.COMPLETED, 2));

        List<RunRecord> history = reopen(ledger).runHistory(RUN_1);
        assertThat(history.get(0).sleeves()).isEqualTo(book);
        assertThat(history.get(0).sleeves().sleeve("alpha").orElseThrow().shares().get(SPY))
                .isEqualByComparingTo("12.345678901");
        assertThat(history.get(1).sleeves()).isNull();
    }

    @Test
    void aRunTheLedgerNeverSawHasNoStateNoHistoryAndNoTrades() {
        Ledger ledger = newLedger();
        ledger.appendRun(run(RUN_1, RunStatus.STARTED, 0));

        assertThat(ledger.latestRun(RUN_2)).isEmpty();
        assertThat(ledger.runHistory(RUN_2)).isEmpty();
        assertThat(ledger.trades(RUN_2)).isEmpty();
    }

    @Test
    void runsListsTheLatestStateOfEachRunMostRecentDateFirst() {
        Ledger ledger = newLedger();
        RunId run3 = RunId.forDate(LocalDate.of(2024, 3, 6));
        ledger.appendRun(run(RUN_2, RunStatus.STARTED, 0));
        ledger.appendRun(run(RUN_1, RunStatus.STARTED, 1));
        ledger.appendRun(run(run3, RunStatus.STARTED, 2));
        ledger.appendRun(run(RUN_1, RunStatus.COMPLETED, 3));
        ledger.appendRun(run(RUN_2, RunStatus.FAILED, 4));

        assertThat(ledger.runs()).extracting(RunRecord::runId).containsExactly(run3, RUN_2, RUN_1);
        assertThat(ledger.runs()).extracting(RunRecord::status)
                .containsExactly(RunStatus.STARTED, RunStatus.FAILED, RunStatus.COMPLETED);
    }

    @Test
    void aQueryResultCannotChangeTheLedger() {
        Ledger ledger = newLedger();
        ledger.appendTrade(trade(RUN_1, SPY, Side.BUY));
        List<TradeRecord> result = ledger.trades(RUN_1);
        try {
            result.clear();
        } catch (UnsupportedOperationException expected) {
            // an unmodifiable snapshot is fine too
        }
        assertThat(ledger.trades(RUN_1)).hasSize(1);
    }

    @Test
    void recordsSurviveReopeningTheStore() {
        Ledger ledger = newLedger();
        ledger.appendTrade(trade(RUN_1, SPY, Side.BUY));
        ledger.appendRun(run(RUN_1, RunStatus.COMPLETED, 0));

        Ledger reopened = reopen(ledger);
        assertThat(reopened.trades(RUN_1)).hasSize(1);
        assertThat(reopened.latestRun(RUN_1)).get().extracting(RunRecord::status).isEqualTo(RunStatus.COMPLETED);
        assertThatThrownBy(() -> reopened.appendTrade(trade(RUN_1, SPY, Side.BUY)))
                .isInstanceOf(LedgerException.class);
    }

    @Test
    void concurrentAppendsAreAllKept() throws Exception {
        Ledger ledger = newLedger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            RunId run = new RunId("conc-" + t);
            tasks.add(() -> {
                for (int i = 0; i < 20; i++) {
                    ledger.appendTrade(trade(run, Symbol.of("S" + i), Side.BUY));
                    ledger.appendRun(run(run, RunStatus.STARTED, i));
                }
                return null;
            });
        }
        runAll(tasks);

        for (int t = 0; t < 10; t++) {
            RunId run = new RunId("conc-" + t);
            assertThat(ledger.trades(run)).hasSize(20);
            assertThat(ledger.runHistory(run)).hasSize(20);
        }
    }

    @Test
    void racingAppendsOfOneKeyRecordItExactlyOnce() throws Exception {
        Ledger ledger = newLedger();
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            tasks.add(() -> {
                try {
                    ledger.appendTrade(trade(RUN_1, SPY, Side.BUY));
                    return true;
                } catch (LedgerException duplicate) {
                    return false;
                }
            });
        }
        List<Boolean> outcomes = runAll(tasks);

        assertThat(outcomes).filteredOn(ok -> ok).hasSize(1);
        assertThat(ledger.trades(RUN_1)).hasSize(1);
    }

    // ---------------------------------------------------------------- fixtures

    protected static TradeRecord trade(RunId run, Symbol symbol, Side side) {
        return trade(run, symbol, side, TradeStatus.FILLED);
    }

    protected static TradeRecord trade(RunId run, Symbol symbol, Side side, TradeStatus status) {
        return trade(run, 0, symbol, side, status);
    }

    protected static TradeRecord trade(RunId run, int round, Symbol symbol, Side side, TradeStatus status) {
        boolean filled = status == TradeStatus.FILLED;
        String reason = status == TradeStatus.FAILED ? "rejected" : status == TradeStatus.UNKNOWN ? "broker unreachable"
                : null;
        return new TradeRecord(run, round, date(run), symbol, side, status, BigDecimal.TEN,
                filled ? BigDecimal.TEN : BigDecimal.ZERO, filled ? new BigDecimal("100.00") : null,
                new BigDecimal("99.95"), new BigDecimal("100.05"), ClientOrderId.of(run, round, symbol, side, 0), 1,
                Map.of("strategy", 1.0), List.of(), reason, AT);
    }

    protected static RunRecord run(RunId run, RunStatus status, int minute) {
        boolean planned = status == RunStatus.PLANNED || status == RunStatus.SELLS_DONE;
        MergedPortfolio portfolio = new MergedPortfolio(Weights.single(SPY), Map.of(SPY, Map.of("strategy", 1.0)));
        RebalancePlan plan = new RebalancePlan(new BigDecimal("100000"), new BigDecimal("100000"), BigDecimal.ZERO,
                List.of(), List.of(), 1.0, List.of("nothing to trade"));
        return new RunRecord(run, minute % 3, date(run), status, AT.plusSeconds(60L * minute), status.name(),
                planned ? portfolio : null, planned ? plan : null, List.of());
    }

    /** The trading date of a run: parsed from {@code run-YYYY-MM-DD}, else 2024-03-01. */
    protected static LocalDate date(RunId run) {
        String v = run.value();
        return v.startsWith("run-") ? LocalDate.parse(v.substring(4)) : LocalDate.of(2024, 3, 1);
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get(10, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
