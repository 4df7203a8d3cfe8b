package io.alchemiser.examples.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The robustness figure on hand-made 3 × 3 grids of Sharpe ratios. */
class RobustnessTest {
    private static final LocalDate D = Fixtures.D;

    private static List<UnitResult> grid(ResearchJob job, double... sharpe) {
        return Fixtures.results(job, sharpe);
    }

    private static SegmentStats stats(double sharpe) {
        return Fixtures.stats(sharpe);
    }

    private static ResearchJob job() {
        return Fixtures.sweep3x3(null);
    }

    @Test
    void aLonePeakLosesMoreThanHalfOneStepAwayInSomeDirection() {
        ResearchJob job = job();
        Robustness r = Robustness.around(job, grid(job, 0.5, 0.6, 0.4, 0.7, 2.0, 0.9, 0.3, 0.8, 0.6), Stat.SHARPE,
                false);
        assertThat(r.neighbours()).isEqualTo(8);
        assertThat(r.worst()).isEqualTo(0.3);
        assertThat(r.worstAt()).containsExactly("7", "40");
        assertThat(r.fall()).isCloseTo(1.7, within(1e-12));
        assertThat(r.relativeFall()).isCloseTo(0.85, within(1e-12));
        assertThat(r.lonePeak()).isTrue();
        assertThat(r.sentence(job.varied())).contains("it falls to 0.30 at 2:30=7, 2:34=40: by 1.70 (85% of it)")
                .contains("Warning: a lone peak");
    }

    @Test
    void aPlateauIsNoLonePeak() {
        ResearchJob job = job();
        Robustness r = Robustness.around(job, grid(job, 1.8, 1.9, 1.7, 1.9, 2.0, 1.95, 1.6, 1.85, 1.9), Stat.SHARPE,
                false);
        assertThat(r.fall()).isCloseTo(0.4, within(1e-12));
        assertThat(r.relativeFall()).isCloseTo(0.2, within(1e-12));
        assertThat(r.lonePeak()).isFalse();
    }

    @Test
    void aBetterNeighbourMeansNoFallAndNoPeak() {
        ResearchJob job = job();
        Robustness r = Robustness.around(job, grid(job, 1.0, 1.1, 1.2, 1.0, 1.0, 1.3, 1.4, 1.5, 1.6), Stat.SHARPE,
                false);
        assertThat(r.fall()).isZero();
        assertThat(r.lonePeak()).isFalse();
        assertThat(r.sentence(job.varied())).contains("it does not fall");
    }

    @Test
    void aFailedNeighbourIsCountedApartAndForbidsTheLonePeakVerdict() {
        ResearchJob job = job();
        Robustness r = Robustness.around(job, grid(job, 0.1, 0.1, 0.1, 0.1, 2.0, 0.1, 0.1, 0.1, Double.NaN),
                Stat.SHARPE, false);
        assertThat(r.failedNeighbours()).isEqualTo(1);
        assertThat(r.neighbours()).isEqualTo(8);
        assertThat(r.lonePeak()).isFalse();
        assertThat(r.sentence(job.varied())).contains("8 neighbours, 1 of which failed");
    }

    @Test
    void forADrawdownTheWorstNeighbourIsTheDeepest() {
        ResearchJob job = job();
        List<UnitResult> results = grid(job, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        List<UnitResult> withDrawdowns = new ArrayList<>();
        double[] dd = {0.10, 0.12, 0.11, 0.09, 0.10, 0.30, 0.10, 0.10, 0.10};
        for (UnitResult u : results) {
            SegmentStats s = u.inSample();
            withDrawdowns.add(new UnitResult(u.index(), u.file(), u.symphony(), u.parameters(), null, "", D,
                    new SegmentStats(s.from(), s.to(), s.days(), s.totalReturn(), s.cagr(), s.volatility(), s.sharpe(),
                            dd[u.index()], s.calmar(), s.turnover()), null));
        }
        Robustness r = Robustness.around(job, withDrawdowns, Stat.MAXDD, false);
        assertThat(r.worst()).isEqualTo(0.30);
        assertThat(r.fall()).isCloseTo(0.20, within(1e-12));
        assertThat(r.relativeFall()).isCloseTo(2.0, within(1e-12));
        assertThat(r.lonePeak()).as("a neighbour is better (0.09)").isFalse();
    }

    @Test
    void anEdgeOriginHasFewerNeighbours() {
        ResearchJob job = job();
        List<Vary> corner = List.of(new Vary(2, 30, "3", job.varied().get(0).values(), 0, false),
                new Vary(2, 34, "40", job.varied().get(1).values(), 0, false));
        ResearchJob cornerJob = new ResearchJob(job.kind(), job.sources(), job.units(), corner, job.settings(),
                job.prices(), job.symbols());
        Robustness r = Robustness.around(cornerJob, grid(job, 2, 1, 1, 1, 1, 1, 1, 1, 1), Stat.SHARPE, false);
        assertThat(r.neighbours()).isEqualTo(3);
    }
}
