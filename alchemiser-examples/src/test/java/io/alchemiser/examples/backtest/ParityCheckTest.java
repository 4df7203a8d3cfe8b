package io.alchemiser.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.inmemory.InMemoryMarketData;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parity check on Composer backtests built from this engine's own, perturbed in known ways. */
class ParityCheckTest {
    static final TestPrices PRICES = TestPrices.swinging(160);
    static final InMemoryMarketData DATA = PRICES.inMemory();
    static final Symphony SWITCHER = Backtests.compile("switcher.clj", Backtests.SWITCHER);
    static final LocalDate FROM = PRICES.dates().get(10);
    static final LocalDate TO = Backtests.last(PRICES);
    /** Without costs the replay reproduces the fixture to the last bit, so every expectation is exact. */
    static final ParityCheck.Options OPTIONS = new ParityCheck.Options(0.005, Symbol.of("SPY"), false);

    static ComposerFixtures fixture() {
        return ComposerFixtures.of(SWITCHER, DATA, FROM, TO, false);
    }

    static ParityResult check(ComposerFixtures f) {
        return check(f, OPTIONS);
    }

    static ParityResult check(ComposerFixtures f, ParityCheck.Options options) {
        return ParityCheck.run(SWITCHER, DATA, ComposerBacktest.parse(f.json(), "fixture.json", null), options,
                BacktestProgress.none());
    }

    @Test
    void withComposersCostsTheReplayStartsFromComposersFirstValueAndStillMatches() {
        // The fixture's first value is after its first day's costs; the replay starts from it and pays them again, so
        // the curves differ by a scale, and the fees (whole cents, not proportional) move returns by a hair.
        ParityResult p = check(ComposerFixtures.of(SWITCHER, DATA, FROM, TO, true),
                new ParityCheck.Options(0.005, Symbol.of("SPY"), true));

        assertThat(p.matching()).isEqualTo(150);
        assertThat(p.returns().trackingError()).isLessThan(1e-6);
        assertThat(p.run().result().costs().tafFees()).isPositive();
    }

    @Test
    void theEnginesOwnBacktestMatchesEveryDayAndEveryReturn() {
        ComposerFixtures f = fixture();
        ParityResult p = check(f);

        assertThat(p.compared()).isEqualTo(150);
        assertThat(p.matching()).isEqualTo(150);
        assertThat(p.matchShare()).isEqualTo(1.0);
        assertThat(p.first()).isEmpty();
        assertThat(p.worst()).isEmpty();
        assertThat(p.notReplayed()).isEmpty();
        assertThat(p.returns().days()).isEqualTo(149);
        assertThat(p.returns().correlation()).isCloseTo(1.0, within(1e-12));
        assertThat(p.returns().trackingError()).isCloseTo(0, within(1e-12));
        assertThat(p.returns().ourReturn()).isCloseTo(p.returns().composerReturn(), within(1e-12));
        assertThat(p.run().settings().startCapital()).isEqualTo(10_000);
    }

    @Test
    void reportsTheFirstAndTheWorstDivergenceWithOurDecisionPath() {
        LocalDate small = f().dates().get(20);
        LocalDate large = f().dates().get(90);
        ComposerFixtures f = fixture().shiftToCash(small, 0.02).shiftToCash(large, 0.30).shiftToCash(
                f().dates().get(40), 0.004);

        ParityResult p = check(f);

        assertThat(p.compared()).isEqualTo(150);
        assertThat(p.matching()).as("0.4 points is within the half-point tolerance").isEqualTo(148);
        assertThat(p.first().get().date()).isEqualTo(small);
        assertThat(p.first().get().difference()).isCloseTo(0.02, within(1e-9));
        assertThat(p.worst().get().date()).isEqualTo(large);
        assertThat(p.worst().get().difference()).isCloseTo(0.30, within(1e-9));
        assertThat(p.differences().get(small)).isCloseTo(0.02, within(1e-9));

        ParityResult.Divergence d = p.first().get();
        assertThat(d.pathDate()).as("a daily symphony decides on the day itself").isEqualTo(small);
        assertThat(d.ours().get("$USD") + 0.02).isCloseTo(d.theirs().get("$USD"), within(1e-9));
        assertThat(d.path()).isNotEmpty();
        DecisionMargins.MarginStep decisive = d.decisive().get();
        assertThat(decisive.step().kind()).isEqualTo("if");
        assertThat(decisive.step().location()).startsWith("switcher.clj:2:");
        double left = decisive.step().values().get("left");
        double right = decisive.step().values().get("right");
        assertThat(decisive.margin().getAsDouble()).isCloseTo(Math.abs(left - right) / Math.max(left, right),
                within(1e-12));
    }

    @Test
    void oneDifferentReturnGivesTheTrackingErrorOfOneDifference() {
        ComposerFixtures base = fixture();
        LocalDate day = base.dates().get(60);
        ParityResult p = check(fixture().scaleFrom(day, 1.01));

        // Our returns r_i and Composer's agree except on day 60, where Composer's is (1 + r) × 1.01 − 1: a difference
        // d = −0.01 (1 + r). With all other differences zero, the sample deviation of n differences is |d| / √n.
        double[] e = base.run().result().equity();
        double r = e[60] / e[59] - 1;
        double d = -0.01 * (1 + r);
        int n = 149;
        assertThat(p.matching()).as("weights are untouched").isEqualTo(150);
        assertThat(p.returns().trackingError()).isCloseTo(Math.abs(d) / Math.sqrt(n) * Math.sqrt(252), within(1e-12));
        assertThat(p.returns().correlation()).isLessThan(1.0).isGreaterThan(0.5);
        assertThat(1 + p.returns().composerReturn()).isCloseTo((1 + p.returns().ourReturn()) * 1.01, within(1e-12));
    }

    @Test
    void aComposerDayWithoutACloseHereIsReportedNotCompared() {
        LocalDate saturday = LocalDate.of(2023, 3, 4);
        ParityResult p = check(fixture().addDay(saturday));

        assertThat(p.notReplayed()).containsExactly(saturday);
        assertThat(p.compared()).isEqualTo(150);
    }

    @Test
    void differenceIsTheLargestGapOfOneWeightCashIncluded() {
        assertThat(ParityCheck.difference(java.util.Map.of("A", 0.5, "$USD", 0.5),
                ParityCheck.theirs(java.util.Map.of("A", 0.3, "B", 0.1)))).isCloseTo(0.2, within(1e-12));
        assertThat(ParityCheck.correlation(List.of(1.0, 2.0, 3.0), List.of(2.0, 4.0, 6.5))).isGreaterThan(0.99);
        assertThat(ParityCheck.correlation(List.of(1.0), List.of(1.0))).isNaN();
    }

    private static ComposerFixtures f() {
        return FIXTURE;
    }

    private static final ComposerFixtures FIXTURE = fixture();
}
