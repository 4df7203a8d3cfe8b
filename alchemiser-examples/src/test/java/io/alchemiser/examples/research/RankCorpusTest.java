package io.alchemiser.examples.research;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.backtest.BacktestStats;
import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.examples.app.DataDirectory;
import io.alchemiser.examples.backtest.BacktestRun;
import io.alchemiser.examples.backtest.SymphonyBacktest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code rank} over a few real corpus symphonies and the real prices of {@code ../shared}: each ranked unit has the
 * very statistics the {@code backtest} command computes, with Composer's costs, and the one symphony whose data is
 * incomplete ({@code slow.clj} holds UNH, which has no price file) is listed with that reason.
 */
@Tag("shared")
class RankCorpusTest {
    private static final LocalDate FROM = LocalDate.of(2023, 1, 3);
    private static final LocalDate TO = LocalDate.of(2026, 7, 31);

    @Test
    void corpusSymphoniesRankWithTheBacktestCommandsNumbersAndTheIncompleteOneIsListed() {
        Path shared = shared();
        List<Path> files = List.of("1_kmlm.clj", "2_nuclear.clj", "simple_rsi.clj", "slow.clj").stream()
                .map(shared.resolve("strategies")::resolve).toList();
        JobSettings settings = new JobSettings(FROM, TO, null, JobSettings.Costs.COMPOSER, 10_000, "SPY", 0,
                RebalanceAnchor.FIRST_TRADING_DAY);
        ResearchJob job = RankJobs.plan(files, settings, PriceSource.folder(shared.resolve("prices")));
        List<UnitResult> results = new LocalExecutor(2).run(job, BacktestProgress.none());

        UnitResult slow = results.get(3);
        assertThat(slow.failure()).isEqualTo(UnitResult.Failure.MISSING_DATA);
        assertThat(slow.reason()).contains("no bars for UNH");
        for (int i = 0; i < 3; i++) {
            UnitResult r = results.get(i);
            assertThat(r.ok()).as(r.file() + ": " + r.failureText()).isTrue();
            BacktestRun direct = SymphonyBacktest.run(List.of(Symphonies.compile(files.get(i))), List.of(1.0),
                    DataDirectory.open(shared.resolve("prices")), settings.backtestSettings(FROM), "test",
                    BacktestProgress.none());
            BacktestStats s = direct.result().stats();
            assertThat(r.inSample()).isEqualTo(new SegmentStats(direct.firstDate(), direct.lastDate(), s.days(),
                    s.totalReturn(), s.annualReturn(), s.annualVolatility(), s.sharpe(), s.maxDrawdown(), s.calmar(),
                    s.turnover()));
        }
        Leaderboard board = new Leaderboard(job, results, Stat.SHARPE);
        assertThat(board.ranked()).hasSize(3);
        assertThat(board.text()).contains("slow.clj  missing data:");
    }

    private static Path shared() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("strategies")) && Files.isDirectory(candidate.resolve("prices"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/strategies and shared/prices above " + Path.of("").toAbsolutePath());
    }
}
