package io.alchemiser.core.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Composer's statistics conventions, on curves written by hand. */
class BacktestStatsTest {
    static List<LocalDate> days(int n) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(LocalDate.of(2024, 1, 1).plusDays(i));
        }
        return out;
    }

    @Test
    void theWinRateLeavesFlatDaysOut() {
        // returns: +10%, 0, 0, -10%, +10%: two up days, one down day, two flat days
        double[] equity = {100, 110, 110, 110, 99, 108.9};
        BacktestStats s = BacktestStats.of(days(6), equity, 0, 0);
        assertThat(s.winRate()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(s.days()).isEqualTo(5);
    }

    @Test
    void aCurveWithoutUpOrDownDaysHasNoWinRate() {
        BacktestStats s = BacktestStats.of(days(3), new double[] {100, 100, 100}, 0, 0);
        assertThat(s.winRate()).isNaN();
        assertThat(s.maxDrawdown()).isZero();
    }

    @Test
    void theWindowEarnsFromItsFirstCloseToItsLastAndDrawdownStartsAtTheFirstClose() {
        // The first close is the peak: a fall straight away is a drawdown from it, not from anything before.
        double[] equity = {200, 150, 180, 210};
        BacktestStats s = BacktestStats.of(days(4), equity, 0, 0);
        assertThat(s.totalReturn()).isCloseTo(210 / 200.0 - 1, within(1e-12));
        assertThat(s.maxDrawdown()).isCloseTo(0.25, within(1e-12));
        assertThat(s.drawdownPeak()).isEqualTo(days(4).get(0));
        assertThat(s.drawdownTrough()).isEqualTo(days(4).get(1));
    }
}
