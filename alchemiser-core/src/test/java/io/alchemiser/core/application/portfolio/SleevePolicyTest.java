package io.alchemiser.core.application.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule.Frequency;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.domain.portfolio.SleeveDecision.Reason;
import io.alchemiser.core.domain.portfolio.SleeveDecision;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sleeve decisions on days built by hand. */
class SleevePolicyTest {
    static final Symbol SPY = Symbol.of("SPY");
    static final Symbol QQQ = Symbol.of("QQQ");
    static final Symbol TLT = Symbol.of("TLT");
    static final SleevePolicy FIRST = SleevePolicy.firstTradingDay();
    static final RebalanceRule CORRIDOR_5 = RebalanceRule.corridor(0.05);
    static final LocalDate MON = LocalDate.of(2024, 3, 4);
    static final Weights HALF_HALF = Weights.of(Map.of(SPY, 0.5, QQQ, 0.5));

    static SleeveHoldings dollars(double spy, double qqq) {
        return new SleeveHoldings(Map.of(SPY, spy, QQQ, qqq), 0);
    }

    @Test
    void aNewSleeveBuysItsTargetWhateverItsRule() {
        for (RebalanceRule rule : new RebalanceRule[] {RebalanceRule.daily(), RebalanceRule.every(Frequency.MONTHLY),
                RebalanceRule.every(Frequency.NONE), CORRIDOR_5}) {
            assertThat(FIRST.needsTarget(rule, MON, null)).isTrue();
            SleeveDecision d = FIRST.decide(rule, MON, null, SleeveHoldings.none(), HALF_HALF);
            assertThat(d.reason()).isEqualTo(Reason.FIRST_DAY);
            assertThat(d.weights()).isEqualTo(HALF_HALF);
        }
    }

    @Test
    void driftInsideTheCorridorDoesNotTrade() {
        // 5,400 / 10,000 = 54%: 4 points from 50%, inside a 5-point band.
        SleeveDecision d = FIRST.decide(CORRIDOR_5, MON, MON.minusDays(7), dollars(5_400, 4_600), HALF_HALF);

        assertThat(d.rebalances()).isFalse();
        assertThat(d.reason()).isEqualTo(Reason.INSIDE_CORRIDOR);
        assertThat(d.weights().weight(SPY)).isEqualTo(0.54);
        assertThat(d.weights().weight(QQQ)).isEqualTo(0.46);
        assertThat(d.explanation()).contains("SPY at 54.0% is 4 points from its target 50.0%", "inside the 5-point");
    }

    @Test
    void oneHoldingOutsideItsBandSendsEveryHoldingBackToTarget() {
        // SPY 40%, QQQ 30%, TLT 30% targeted; TLT has fallen to 24.4%: 5.6 points out, the others are inside.
        Weights target = Weights.of(Map.of(SPY, 0.4, QQQ, 0.3, TLT, 0.3));
        SleeveHoldings held = new SleeveHoldings(Map.of(SPY, 4_300.0, QQQ, 3_260.0, TLT, 2_440.0), 0);

        SleeveDecision d = FIRST.decide(CORRIDOR_5, MON, MON.minusDays(3), held, target);

        assertThat(d.reason()).isEqualTo(Reason.OUTSIDE_CORRIDOR);
        assertThat(d.weights()).as("all three go back, not only TLT").isEqualTo(target);
        assertThat(d.explanation()).contains("TLT at 24.4% is 5.6 points from its target 30.0%", "outside the 5-point");
    }

    @Test
    void aBranchSwitchInsideTheCorridorRebalancesFully() {
        // Held 50/50 SPY/QQQ exactly on target; the target now swaps QQQ for TLT at a weight inside any band.
        Weights switched = Weights.of(Map.of(SPY, 0.5, TLT, 0.5));
        SleeveDecision d = FIRST.decide(CORRIDOR_5, MON, MON.minusDays(1), dollars(5_000, 5_000), switched);

        assertThat(d.reason()).isEqualTo(Reason.TARGET_CHANGED);
        assertThat(d.weights()).isEqualTo(switched);
        assertThat(d.explanation()).contains("+TLT", "-QQQ");

        Weights added = Weights.of(Map.of(SPY, 0.49, QQQ, 0.49, TLT, 0.02));
        assertThat(FIRST.decide(CORRIDOR_5, MON, MON.minusDays(1), dollars(5_000, 5_000), added).reason())
                .as("a 2% new pick is inside a 5-point band but still a new set").isEqualTo(Reason.TARGET_CHANGED);
    }

    @Test
    void theBandIsStrict() {
        // 5,500 / 10,000 = 55%: exactly 5 points from 50% is still inside.
        SleeveDecision d = FIRST.decide(RebalanceRule.corridor(0.05), MON, MON.minusDays(1), dollars(5_500, 4_500),
                HALF_HALF);
        assertThat(d.reason()).isEqualTo(Reason.INSIDE_CORRIDOR);
    }

    @Test
    void monthlyTradesOnTheFirstTradingDayOfEachMonthAndDriftsOtherwise() {
        RebalanceRule monthly = RebalanceRule.every(Frequency.MONTHLY);
        LocalDate lastRebalance = LocalDate.of(2024, 1, 2);
        LocalDate midJanuary = LocalDate.of(2024, 1, 17);
        LocalDate firstOfFebruary = LocalDate.of(2024, 2, 1);

        assertThat(FIRST.needsTarget(monthly, midJanuary, lastRebalance)).isFalse();
        SleeveDecision drift = FIRST.decide(monthly, midJanuary, lastRebalance, dollars(7_000, 3_000), null);
        assertThat(drift.reason()).isEqualTo(Reason.NOT_SCHEDULED);
        assertThat(drift.weights().weight(SPY)).isEqualTo(0.7);

        assertThat(FIRST.needsTarget(monthly, firstOfFebruary, lastRebalance)).isTrue();
        SleeveDecision trade = FIRST.decide(monthly, firstOfFebruary, lastRebalance, dollars(7_000, 3_000), HALF_HALF);
        assertThat(trade.reason()).isEqualTo(Reason.SCHEDULED);
        assertThat(trade.weights()).isEqualTo(HALF_HALF);
        assertThat(trade.explanation()).contains("the first trading day of 2024-02");
    }

    @Test
    void aMonthlyRunThatMissedTheFirstDayCatchesUpOnTheNext() {
        RebalanceRule monthly = RebalanceRule.every(Frequency.MONTHLY);
        // Last rebalance in January; February 1 and 2 were missed; the run on February 5 trades.
        assertThat(FIRST.decide(monthly, LocalDate.of(2024, 2, 5), LocalDate.of(2024, 1, 2), dollars(1, 1), HALF_HALF)
                .reason()).isEqualTo(Reason.SCHEDULED);
        // Having traded on February 5, it waits for March.
        assertThat(FIRST.decide(monthly, LocalDate.of(2024, 2, 6), LocalDate.of(2024, 2, 5), dollars(1, 1), null)
                .reason()).isEqualTo(Reason.NOT_SCHEDULED);
    }

    @Test
    void weeksAreIsoWeeksAndQuartersAndYearsAreCalendarOnes() {
        RebalanceRule weekly = RebalanceRule.every(Frequency.WEEKLY);
        LocalDate friday = LocalDate.of(2024, 3, 8);
        assertThat(FIRST.needsTarget(weekly, friday, MON)).as("same ISO week").isFalse();
        assertThat(FIRST.needsTarget(weekly, LocalDate.of(2024, 3, 11), friday)).as("next Monday").isTrue();
        assertThat(FIRST.needsTarget(weekly, LocalDate.of(2025, 1, 2), LocalDate.of(2024, 12, 30)))
                .as("ISO week 1 of 2025 starts on Monday 2024-12-30").isFalse();

        RebalanceRule quarterly = RebalanceRule.every(Frequency.QUARTERLY);
        assertThat(FIRST.needsTarget(quarterly, LocalDate.of(2024, 3, 28), LocalDate.of(2024, 1, 2))).isFalse();
        assertThat(FIRST.needsTarget(quarterly, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 1, 2))).isTrue();

        RebalanceRule yearly = RebalanceRule.every(Frequency.YEARLY);
        assertThat(FIRST.needsTarget(yearly, LocalDate.of(2024, 12, 31), LocalDate.of(2024, 1, 2))).isFalse();
        assertThat(FIRST.needsTarget(yearly, LocalDate.of(2025, 1, 2), LocalDate.of(2024, 12, 31))).isTrue();
    }

    @Test
    void theLastTradingDayAnchorTradesAtMonthEndAndCatchesUpAMissedOne() {
        SleevePolicy last = SleevePolicy.lastTradingDay(TradingCalendar.weekdays());
        RebalanceRule monthly = RebalanceRule.every(Frequency.MONTHLY);
        LocalDate bought = LocalDate.of(2024, 1, 10);

        assertThat(last.needsTarget(monthly, LocalDate.of(2024, 1, 30), bought)).isFalse();
        SleeveDecision monthEnd = last.decide(monthly, LocalDate.of(2024, 1, 31), bought, dollars(6, 4), HALF_HALF);
        assertThat(monthEnd.reason()).isEqualTo(Reason.SCHEDULED);
        assertThat(monthEnd.explanation()).contains("the last trading day of 2024-01");
        assertThat(last.needsTarget(monthly, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 31)))
                .as("after a month-end rebalance, the first of the month is an ordinary day").isFalse();
        // Friday 2024-03-29 ends March (the next weekday is in April).
        assertThat(last.needsTarget(monthly, LocalDate.of(2024, 3, 29), LocalDate.of(2024, 2, 29))).isTrue();
        // The January month-end was missed: the first run in February catches up.
        assertThat(last.needsTarget(monthly, LocalDate.of(2024, 2, 1), bought)).isTrue();
        // A whole month without a run after a month-end rebalance: caught up too.
        assertThat(last.needsTarget(monthly, LocalDate.of(2024, 3, 4), LocalDate.of(2024, 1, 31))).isTrue();
    }

    @Test
    void noneKeepsWhatItBoughtAndDailyAlwaysTrades() {
        SleeveDecision none = FIRST.decide(RebalanceRule.every(Frequency.NONE), MON, MON.minusDays(300),
                dollars(9_000, 1_000), HALF_HALF);
        assertThat(none.reason()).isEqualTo(Reason.NEVER);
        assertThat(none.weights().weight(SPY)).isEqualTo(0.9);

        SleeveDecision daily = FIRST.decide(RebalanceRule.daily(), MON, MON.minusDays(3), dollars(9_000, 1_000),
                HALF_HALF);
        assertThat(daily.reason()).isEqualTo(Reason.SCHEDULED);
        assertThat(daily.weights()).isEqualTo(HALF_HALF);
    }

    @Test
    void refusesADayBeforeTheLastRebalanceAndAMissingTarget() {
        assertThatThrownBy(() -> FIRST.decide(RebalanceRule.daily(), MON, MON.plusDays(1), dollars(1, 1), HALF_HALF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the sleeve's last rebalance");
        assertThatThrownBy(() -> FIRST.decide(CORRIDOR_5, MON, MON.minusDays(1), dollars(1, 1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the target");
    }

    @Test
    void holdingsFromSharesAreValuedAtTodaysPrices() {
        SleeveHoldings h = SleeveHoldings.ofShares(Map.of(SPY, new java.math.BigDecimal("10"),
                QQQ, new java.math.BigDecimal("2.5")), Map.of(SPY, new java.math.BigDecimal("500.00"),
                QQQ, new java.math.BigDecimal("400.00")), new java.math.BigDecimal("4000.00"));
        assertThat(h.total()).isEqualTo(10_000.0);
        assertThat(h.weights().weight(SPY)).isEqualTo(0.5);
        assertThat(h.weights().weight(QQQ)).isEqualTo(0.1);
        assertThatThrownBy(() -> SleeveHoldings.ofShares(Map.of(SPY, java.math.BigDecimal.ONE), Map.of(),
                java.math.BigDecimal.ZERO)).hasMessageContaining("no price for SPY");
    }
}
