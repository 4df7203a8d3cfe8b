package io.alchemiser.core.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.domain.portfolio.SleeveDecision.Reason;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.core.testing.TestStrategy;
import io.alchemiser.core.testing.WeekdayCloses;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backtests of several sleeves in one account, on days built by hand. */
class SleeveBacktestTest {
    static final Symbol A = Symbol.of("AAA");
    static final Symbol B = Symbol.of("BBB");
    static final LocalDate START = LocalDate.of(2024, 6, 3); // a Monday

    static LocalDate day(int i) {
        return START.plusDays(i); // one week: Monday to Friday
    }

    /** Holds {@code before} until weekday {@code switchDay}, then {@code after}. */
    static TestStrategy switching(String name, Weights before, Weights after, int switchDay) {
        return TestStrategy.of(name, (session, date) -> date.isBefore(day(switchDay)) ? before : after, "AAA", "BBB");
    }

    static BacktestSettings settings(double costBps) {
        return new BacktestSettings(START, day(4), 10_000, costBps, 0, A, 0, null);
    }

    static WeekdayCloses flat() {
        return new WeekdayCloses(START).with("AAA", 100, 100, 100, 100, 100).with("BBB", 100, 100, 100, 100, 100);
    }

    @Test
    void twoSymphoniesSwappingAssetsNetToNoTradeAndNoCost() {
        // Sleeve 1 moves AAA → BBB on Wednesday while sleeve 2 moves BBB → AAA: the account keeps what it holds.
        List<WeightedStrategy> two = List.of(
                new WeightedStrategy(switching("one", Weights.single(A), Weights.single(B), 2), 0.5),
                new WeightedStrategy(switching("two", Weights.single(B), Weights.single(A), 2), 0.5));

        BacktestResult r = new Backtester().run(two, flat(), settings(10), BacktestProgress.none());

        // Monday buys $10,000 (10 bps = $10, $5 per sleeve); Wednesday's swaps cancel out.
        assertThat(r.trades()).extracting(BacktestTrade::date).containsOnly(START);
        assertThat(r.equity()[4]).isCloseTo(9_990, within(1e-9));
        assertThat(r.costs().tradingCosts()).isCloseTo(10, within(1e-12));
        assertThat(r.sleeves()).extracting(SleeveReport::name).containsExactly("one", "two");
        assertThat(r.sleeves()).allSatisfy(s -> assertThat(s.rebalances()).hasSize(5));
        assertThat(r.holdings().get(4).weight(A)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aPartlyOffsettingSwapTradesOnlyTheNetAndSharesItsCost() {
        // Wednesday: sleeve 1 wants AAA → BBB (sell $4,995 AAA, buy $4,995 BBB); sleeve 2 goes from BBB to half each
        // (buy $2,497.50 AAA, sell $2,497.50 BBB). Net: sell $2,497.50 AAA, buy $2,497.50 BBB: $4,995 traded, $4.995
        // at 10 bps, shared 2:1 by the dollars each sleeve wanted to trade ($9,990 and $4,995).
        List<WeightedStrategy> two = List.of(
                new WeightedStrategy(switching("one", Weights.single(A), Weights.single(B), 2), 0.5),
                new WeightedStrategy(switching("two", Weights.single(B), Weights.of(Map.of(A, 0.5, B, 0.5)), 2), 0.5));

        BacktestResult r = new Backtester().run(two, flat(), settings(10), BacktestProgress.none());

        assertThat(r.equity()[2]).isCloseTo(9_990 - 4.995, within(1e-9));
        assertThat(r.sleeves().get(0).finalValue()).isCloseTo(4_995 - 3.33, within(1e-9));
        assertThat(r.sleeves().get(1).finalValue()).isCloseTo(4_995 - 1.665, within(1e-9));
        List<BacktestTrade> wednesday = r.trades().stream().filter(t -> t.date().equals(day(2))).toList();
        assertThat(wednesday).extracting(BacktestTrade::symbol, BacktestTrade::side)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(A, Side.SELL),
                        org.assertj.core.groups.Tuple.tuple(B, Side.BUY));
        // After costs the sleeves hold AAA 4,993.335 / 2 and BBB 4,991.67 + 4,993.335 / 2.
        assertThat(wednesday.get(0).dollars()).isCloseTo(4_995 - 4_993.335 / 2, within(1e-9));
        assertThat(wednesday.get(1).dollars()).isCloseTo(4_991.67 + 4_993.335 / 2 - 4_995, within(1e-9));
    }

    @Test
    void aSymphonyWhoseHistoryStartsInsideTheWindowHoldsCashUntilItCanEvaluate() {
        List<WeightedStrategy> two = List.of(
                new WeightedStrategy(TestStrategy.fixed("early", Map.of("AAA", 1.0)), 0.5),
                new WeightedStrategy(TestStrategy.fixed("late", Map.of("BBB", 1.0)).withHistoryStart(day(3)), 0.5));
        WeekdayCloses prices = new WeekdayCloses(START).with("AAA", 100, 110, 121, 121, 121)
                .with("BBB", 100, 50, 25, 25, 50);

        BacktestResult r = new Backtester().run(two, prices, settings(0), BacktestProgress.none());

        assertThat(r.dates().get(0)).as("the window is not moved").isEqualTo(START);
        for (int i = 0; i < 3; i++) {
            assertThat(r.holdings().get(i).weight(B)).isZero();
        }
        // Until Thursday the late sleeve's $5,000 is cash, untouched by BBB's fall; on Thursday it buys BBB at 25.
        assertThat(r.equity()[2]).isCloseTo(5_000 * 1.21 + 5_000, within(1e-9));
        assertThat(r.equity()[4]).isCloseTo(5_000 * 1.21 + 5_000 * 2, within(1e-9));
        SleeveReport late = r.sleeves().get(1);
        assertThat(late.firstDay()).isEqualTo(day(3));
        assertThat(late.days(Reason.WAITING)).isEqualTo(3);
        assertThat(r.historyStart()).as("--from was given").isEmpty();
    }

    @Test
    void aCorridorSleeveDriftsThenRebalancesOnABranchSwitchInsideItsBand() {
        // 50/50 AAA/BBB with a 10-point band; AAA rises 10% (52.4%: inside); on Thursday the target swaps BBB for CCC.
        Symbol c = Symbol.of("CCC");
        TestStrategy s = TestStrategy.of("corridor", (session, date) -> date.isBefore(day(3))
                ? Weights.of(Map.of(A, 0.5, B, 0.5)) : Weights.of(Map.of(A, 0.5, c, 0.5)), "AAA", "BBB", "CCC")
                .withRebalanceRule(RebalanceRule.corridor(0.1));
        WeekdayCloses prices = flat().with("AAA", 100, 110, 110, 110, 110).with("CCC", 10, 10, 10, 10, 10);

        BacktestResult r = new Backtester().run(List.of(new WeightedStrategy(s, 1)), prices, settings(0),
                BacktestProgress.none());

        assertThat(r.sleeves().get(0).rebalances()).containsExactly(START, day(3));
        assertThat(r.holdings().get(2).weight(A)).isCloseTo(5_500 / 10_500.0, within(1e-12));
        assertThat(r.holdings().get(3).bySymbol()).containsOnlyKeys(A, c);
        assertThat(r.holdings().get(3).weight(A)).isCloseTo(0.5, within(1e-12));
        assertThat(r.sleeves().get(0).days(Reason.INSIDE_CORRIDOR)).isEqualTo(3);
        assertThat(r.sleeves().get(0).days(Reason.TARGET_CHANGED)).isEqualTo(1);
    }

    @Test
    void composerCostsChargeSlippageAndTheFeesInForceOnEachSale() {
        // Monday buys $10,000 of AAA: 1 bp = $1. Tuesday sells all of it for BBB: $9,999 out and $9,999 in, 1 bp of
        // $19,998 = $1.9998; SEC fee $9,999 × 27.80 / 1e6 = $0.2779722 → $0.28; TAF 99.99 shares × $0.000166 =
        // $0.0166 → $0.02.
        TestStrategy s = switching("s", Weights.single(A), Weights.single(B), 1);
        BacktestSettings composer = settings(0).withComposerCosts();

        BacktestResult r = new Backtester().run(List.of(new WeightedStrategy(s, 1)), flat(), composer,
                BacktestProgress.none());

        assertThat(r.equity()[0]).isCloseTo(9_999, within(1e-9));
        assertThat(r.equity()[1]).isCloseTo(9_999 - 1.9998 - 0.28 - 0.02, within(1e-9));
        assertThat(r.costs().tradingCosts()).isCloseTo(1 + 1.9998, within(1e-9));
        assertThat(r.costs().secFees()).isCloseTo(0.28, within(1e-12));
        assertThat(r.costs().tafFees()).isCloseTo(0.02, within(1e-12));

        // The same sale after 2025-05-14 pays no SEC fee (the rate is $0.00 per million).
        LocalDate later = LocalDate.of(2025, 6, 2);
        WeekdayCloses flatLater = new WeekdayCloses(later).with("AAA", 100, 100).with("BBB", 100, 100);
        TestStrategy t = TestStrategy.of("t", (session, date) -> date.isBefore(later.plusDays(1)) ? Weights.single(A)
                : Weights.single(B), "AAA", "BBB");
        BacktestResult r2 = new Backtester().run(List.of(new WeightedStrategy(t, 1)), flatLater,
                new BacktestSettings(later, later.plusDays(1), 10_000, 0, 0, A, 0, null).withComposerCosts(),
                BacktestProgress.none());
        assertThat(r2.costs().secFees()).isZero();
        assertThat(r2.costs().tafFees()).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void aMonthlySleeveBesideADailyOneTradesOnlyOnItsAnchor() {
        double[] flat = new double[30];
        java.util.Arrays.fill(flat, 100);
        flat[10] = 120;
        WeekdayCloses prices = new WeekdayCloses(START).with("AAA", flat).with("BBB", flat);
        TestStrategy monthly = TestStrategy.fixed("monthly", Map.of("AAA", 0.5, "BBB", 0.5))
                .withRebalanceRule(RebalanceRule.every(RebalanceRule.Frequency.MONTHLY));
        TestStrategy daily = TestStrategy.fixed("daily", Map.of("AAA", 0.5, "BBB", 0.5));
        BacktestSettings s = new BacktestSettings(START, START.plusDays(41), 10_000, 0, 0, A, 0, null);

        BacktestResult r = new Backtester().run(List.of(new WeightedStrategy(monthly, 0.5),
                new WeightedStrategy(daily, 0.5)), prices, s, BacktestProgress.none());

        // June 3 (its first day) and July 1, the first trading day of July.
        assertThat(r.sleeves().get(0).rebalances()).containsExactly(START, LocalDate.of(2024, 7, 1));
        assertThat(r.sleeves().get(1).rebalances()).hasSize(r.dates().size());
    }
}
