package io.alchemiser.examples.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.backtest.BacktestStats;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.examples.app.DataDirectory;
import io.alchemiser.examples.backtest.BacktestRun;
import io.alchemiser.examples.backtest.SymphonyBacktest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rank}'s units on generated prices: the same numbers as {@code backtest}, every failure listed. */
class RankJobTest {
    @TempDir
    Path dir;
    private Path prices;
    private Path symphonies;

    @BeforeEach
    void files() {
        prices = Fixtures.prices().writeCsv(dir.resolve("prices"));
        symphonies = dir.resolve("symphonies");
        Fixtures.write(symphonies, "a_switcher.clj", Fixtures.SWITCHER);
        Fixtures.write(symphonies, "b_monthly.clj", Fixtures.MONTHLY);
        Fixtures.write(symphonies, "c_corridor.clj", Fixtures.THRESHOLD);
        Fixtures.write(symphonies, "d_missing.clj", Fixtures.MISSING);
        Fixtures.write(symphonies, "e_broken.clj", Fixtures.BROKEN);
        Fixtures.write(symphonies, "f_late.clj", Fixtures.LATE);
        Fixtures.write(symphonies, "g_never.clj", Fixtures.NEVER);
        Fixtures.write(symphonies.resolve("nested"), "h_switcher_copy.clj", Fixtures.SWITCHER);
        Fixtures.write(symphonies, "notes.txt", "not a symphony");
    }

    private ResearchJob job(JobSettings settings) {
        return RankJobs.plan(RankJobs.files(List.of(symphonies)), settings, PriceSource.folder(prices));
    }

    @Test
    void aFolderGivesEveryCljFileUnderItOnceSorted() {
        List<Path> files = RankJobs.files(List.of(symphonies, symphonies.resolve("b_monthly.clj")));
        assertThat(files).extracting(p -> symphonies.relativize(p).toString().replace('\\', '/')).containsExactly(
                "a_switcher.clj", "b_monthly.clj", "c_corridor.clj", "d_missing.clj", "e_broken.clj", "f_late.clj",
                "g_never.clj", "nested/h_switcher_copy.clj");
    }

    @Test
    void eachUnitHasTheStatisticsOfTheBacktestCommandsRunOfThatSymphony() {
        LocalDate from = Fixtures.FIRST.plusDays(30);
        JobSettings settings = Fixtures.settings(from, null);
        ResearchJob job = job(settings);
        List<UnitResult> results = new LocalExecutor(2).run(job, BacktestProgress.none());
        PriceHistory data = DataDirectory.open(prices);
        for (int i : new int[] {0, 1, 2}) {
            UnitResult r = results.get(i);
            assertThat(r.ok()).as(r.failureText()).isTrue();
            BacktestRun direct = SymphonyBacktest.run(List.of(Symphonies.compile(job.sources().get(i).file(),
                    job.sources().get(i).text())), List.of(1.0), data, settings.backtestSettings(from), "test",
                    BacktestProgress.none());
            BacktestStats s = direct.result().stats();
            assertThat(r.inSample()).isEqualTo(new SegmentStats(direct.firstDate(), direct.lastDate(), s.days(),
                    s.totalReturn(), s.annualReturn(), s.annualVolatility(), s.sharpe(), s.maxDrawdown(), s.calmar(),
                    s.turnover()));
            assertThat(r.outOfSample()).isNull();
        }
    }

    @Test
    void everyFailureIsListedWithItsReasonAndTheRestRun() {
        List<UnitResult> results = new LocalExecutor(2).run(job(Fixtures.settings(null, null)), BacktestProgress.none());
        assertThat(results).extracting(UnitResult::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(results.get(3).failure()).isEqualTo(UnitResult.Failure.MISSING_DATA);
        assertThat(results.get(3).reason()).contains("UNH");
        assertThat(results.get(4).failure()).isEqualTo(UnitResult.Failure.COMPILE);
        assertThat(results.get(4).reason()).startsWith(symphonies.resolve("e_broken.clj") + ":3:3: error:");
        assertThat(results.get(5).ok()).as("its history starts on bar 299 of 400").isTrue();
        assertThat(results.get(5).investedFrom()).isEqualTo(Fixtures.prices().dates().get(299));
        assertThat(results.get(6).failure()).isEqualTo(UnitResult.Failure.TOO_LITTLE_HISTORY);
        assertThat(results.get(6).reason()).contains("moving-average-price");
        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(7)).usingRecursiveComparison().ignoringFields("index", "file").isEqualTo(results.get(0));
    }

    @Test
    void aSymphonyWhoseHistoryStartsInTheOutOfSampleStretchFailsForTooLittleHistory() {
        LocalDate oos = Fixtures.prices().dates().get(250);
        List<UnitResult> results = new LocalExecutor(1).run(job(Fixtures.settings(Fixtures.FIRST.plusDays(7), oos)),
                BacktestProgress.none());
        UnitResult late = results.get(5);
        assertThat(late.failure()).isEqualTo(UnitResult.Failure.TOO_LITTLE_HISTORY);
        assertThat(late.reason()).contains("on or after --oos-from " + oos + ": its in-sample stretch is all cash");
    }

    @Test
    void theSplitGivesEveryDailyReturnToExactlyOneStretch() {
        LocalDate oos = Fixtures.prices().dates().get(300);
        JobSettings split = Fixtures.settings(Fixtures.FIRST.plusDays(7), oos);
        List<UnitResult> whole = new LocalExecutor(1).run(job(Fixtures.settings(Fixtures.FIRST.plusDays(7), null)),
                BacktestProgress.none());
        List<UnitResult> parts = new LocalExecutor(1).run(job(split), BacktestProgress.none());
        for (int i : new int[] {0, 1, 2}) {
            SegmentStats all = whole.get(i).inSample();
            SegmentStats in = parts.get(i).inSample();
            SegmentStats out = parts.get(i).outOfSample();
            assertThat(in.to()).isEqualTo(Fixtures.prices().dates().get(299)).isEqualTo(out.from());
            assertThat(out.to()).isEqualTo(all.to());
            assertThat(in.days() + out.days()).isEqualTo(all.days());
            assertThat((1 + in.totalReturn()) * (1 + out.totalReturn())).isCloseTo(1 + all.totalReturn(),
                    within(1e-12));
        }
    }

    @Test
    void oneThreadAndTwoThreadsGiveTheSameResultsExactly() {
        ResearchJob job = job(Fixtures.settings(null, Fixtures.prices().dates().get(300)));
        List<Integer> progress = new ArrayList<>();
        List<UnitResult> one = new LocalExecutor(1).run(job, (done, total) -> progress.add(done));
        assertThat(new LocalExecutor(2).run(job, BacktestProgress.none())).isEqualTo(one);
        assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void theLeaderboardRanksByTheOutOfSampleStatisticAndListsTheFailuresAfter() {
        ResearchJob job = job(Fixtures.settings(Fixtures.FIRST.plusDays(7), Fixtures.prices().dates().get(300)));
        List<UnitResult> results = new LocalExecutor(2).run(job, BacktestProgress.none());
        Leaderboard board = new Leaderboard(job, results, Stat.CAGR);
        assertThat(board.ranked()).hasSize(5);
        for (int i = 1; i < board.ranked().size(); i++) {
            assertThat(board.ranked().get(i - 1).outOfSample().cagr())
                    .isGreaterThanOrEqualTo(board.ranked().get(i).outOfSample().cagr());
        }
        assertThat(board.failed()).extracting(UnitResult::index).containsExactly(3, 4, 6);
        Leaderboard byDrawdown = new Leaderboard(job, results, Stat.MAXDD);
        assertThat(byDrawdown.ranked().get(0).outOfSample().maxDrawdown())
                .isLessThanOrEqualTo(byDrawdown.ranked().get(4).outOfSample().maxDrawdown());
    }
}
