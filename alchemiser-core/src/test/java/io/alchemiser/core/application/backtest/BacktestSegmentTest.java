package io.alchemiser.core.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.port.WeightedStrategy;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Statistics of a stretch of a backtest's curve ({@link BacktestResult#statsBetween}), e.g. in- and out-of-sample. */
class BacktestSegmentTest {
    private static final Symbol A = BacktesterTest.A;
    private static final Symbol B = BacktesterTest.B;

    private static BacktestResult pair(double[] a, double[] b, RebalanceRule rule, double costBps) {
        BacktesterTest.Prices p = new BacktesterTest.Prices().with(A, a).with(B, b);
        return new Backtester().run(List.of(new WeightedStrategy(BacktesterTest.strategy("pair",
                (s, d) -> Weights.of(Map.of(A, 0.5, B, 0.5)), A, B), 1)), p.closes,
                BacktesterTest.settings(rule, costBps), BacktestProgress.none());
    }

    @Test
    void theWholeCurveGivesExactlyTheBacktestsStatistics() {
        BacktestResult r = pair(new double[] {100, 102, 101, 105, 104, 108}, new double[] {50, 49, 51, 50.5, 52, 51},
                RebalanceRule.daily(), 5);
        assertThat(r.statsBetween(0, r.dates().size() - 1)).isEqualTo(r.stats());
    }

    @Test
    void aLaterStretchCountsOnlyItsOwnDaysTradesAndDrawdowns() {
        // A doubles on day 2 (a corridor trade), halves on day 4 (another); the stretch from day 2 starts after the
        // first trade, so it holds exactly the day-4 trade and the fall from day 3's close.
        double[] a = {100, 100, 200, 200, 100, 100};
        double[] b = {100, 100, 100, 100, 100, 100};
        BacktestResult r = pair(a, b, RebalanceRule.corridor(0.1), 0);
        BacktestStats later = r.statsBetween(2, 5);
        assertThat(later.days()).isEqualTo(3);
        assertThat(later.totalReturn()).isCloseTo(r.equity()[5] / r.equity()[2] - 1, within(1e-15));
        assertThat(later.turnover()).isCloseTo(r.dailyTurnover()[4] * 252 / 3, within(1e-12));
        assertThat(later.maxDrawdown()).isCloseTo(1 - r.equity()[4] / r.equity()[3], within(1e-12));
        assertThat(r.dailyTurnover()[0]).isEqualTo(0.5); // the first purchase: $10,000 of $10,000, one way
        assertThat(r.dailyTurnover()[1]).isZero();
    }

    @Property(tries = 50)
    void twoStretchesMeetingAtADaySplitTheReturnsAndTheTurnover(
            @ForAll @Size(min = 6, max = 30) List<@DoubleRange(min = 50, max = 150) Double> closes,
            @ForAll @IntRange(min = 1, max = 4) int cut) {
        double[] a = closes.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = 100 + i;
        }
        BacktestResult r = pair(a, b, RebalanceRule.corridor(0.02), 3);
        int last = r.dates().size() - 1;
        BacktestStats before = r.statsBetween(0, cut);
        BacktestStats after = r.statsBetween(cut, last);
        assertThat(before.days() + after.days()).isEqualTo(r.stats().days());
        assertThat((1 + before.totalReturn()) * (1 + after.totalReturn()))
                .isCloseTo(1 + r.stats().totalReturn(), within(1e-12));
        assertThat(before.turnover() * before.days() + after.turnover() * after.days())
                .isCloseTo(r.stats().turnover() * r.stats().days(), within(1e-9));
    }

    @Test
    void aStretchOutsideTheCurveIsRefused() {
        BacktestResult r = pair(new double[] {100, 101, 102}, new double[] {100, 101, 102}, RebalanceRule.daily(), 0);
        assertThatThrownBy(() -> r.statsBetween(1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> r.statsBetween(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
