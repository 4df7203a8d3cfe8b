package io.alchemiser.examples.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.dsl.read.SymphonyException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep}'s grid on generated prices. */
class SweepJobTest {
    @TempDir
    Path dir;
    private Path prices;
    private Path switcher;

    @BeforeEach
    void files() {
        prices = Fixtures.prices().writeCsv(dir.resolve("prices"));
        switcher = Fixtures.write(dir, "switcher.clj", Fixtures.SWITCHER);
    }

    private ResearchJob sweep(String... vary) {
        return SweepJobs.plan(switcher, List.of(vary).stream().map(Vary.Request::parse).toList(),
                Fixtures.settings(Fixtures.FIRST.plusDays(14), Fixtures.prices().dates().get(300)),
                PriceSource.folder(prices));
    }

    @Test
    void everyCombinationIsAUnitTheLastLiteralChangingFastest() {
        ResearchJob job = sweep("2:30=3..7/2", "2:34=40..60/10");
        assertThat(job.units()).hasSize(9);
        assertThat(job.units()).extracting(u -> u.parameters().get(0).text() + "/" + u.parameters().get(1).text())
                .containsExactly("3/40", "3/50", "3/60", "5/40", "5/50", "5/60", "7/40", "7/50", "7/60");
        assertThat(SweepJobs.originalUnit(job)).isEqualTo(4);
        assertThat(job.symbols()).containsExactly("AAA", "BBB", "SPY");
    }

    @Test
    void theOriginalCombinationGivesExactlyWhatRankGivesForTheFile() {
        ResearchJob job = sweep("2:30=3..7/2", "2:34=40..60/10");
        List<UnitResult> results = new LocalExecutor(2).run(job, BacktestProgress.none());
        ResearchJob rank = RankJobs.plan(List.of(switcher), job.settings(), PriceSource.folder(prices));
        UnitResult ranked = new LocalExecutor(1).run(rank, BacktestProgress.none()).get(0);
        UnitResult original = results.get(SweepJobs.originalUnit(job));
        assertThat(original.parameters()).containsExactly("5", "50");
        assertThat(original).usingRecursiveComparison().ignoringFields("parameters", "index").isEqualTo(ranked);
        assertThat(results).allMatch(UnitResult::ok);
        assertThat(results.stream().map(UnitResult::inSample).distinct().count())
                .as("different parameters, different backtests").isGreaterThan(1);
    }

    @Test
    void aVariantThatDoesNotCompileIsListedWithTheCompilersReason() {
        ResearchJob job = sweep("2:30=0..2");
        List<UnitResult> results = new LocalExecutor(1).run(job, BacktestProgress.none());
        assertThat(results.get(0).failure()).isEqualTo(UnitResult.Failure.COMPILE);
        assertThat(results.get(0).reason()).startsWith(switcher + ":2:");
        assertThat(results.get(2).ok()).isTrue();
    }

    @Test
    void aPositionThatIsNoNumberStopsThePlanWithAPositionedError() {
        assertThatThrownBy(() -> sweep("2:30=3..7", "3:7=1..2"))
                .isInstanceOf(SymphonyException.class)
                .hasMessageStartingWith(switcher + ":3:7: error: no number starts here: the symbol asset does");
        assertThatThrownBy(() -> sweep("2:30=3..7", "2:30=1..2")).hasMessageContaining("2:30 is varied twice");
    }
}
