package io.alchemiser.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.examples.cli.ResearchCli;
import io.alchemiser.examples.research.JobSettings;
import io.alchemiser.examples.research.LocalExecutor;
import io.alchemiser.examples.research.PriceSource;
import io.alchemiser.examples.research.RankJobs;
import io.alchemiser.examples.research.ResearchEngine;
import io.alchemiser.examples.research.ResearchJob;
import io.alchemiser.examples.research.SweepJobs;
import io.alchemiser.examples.research.UnitResult;
import io.alchemiser.examples.research.Vary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same {@code rank} and {@code sweep} jobs on Spark ({@code local[2]}) and on this machine's threads give the same
 * results, bit for bit, and the same report files; Spark's Parquet holds exactly those results.
 */
class SparkEqualityTest {
    private static SparkSession spark;

    @TempDir
    static Path dir;
    private static Path library;
    private static Path csv;
    private static Path lake;

    @BeforeAll
    static void start() {
        library = SparkFixtures.library(dir.resolve("library"));
        csv = SparkFixtures.csvPrices(dir.resolve("csv"));
        lake = SparkFixtures.lake(dir.resolve("lake"));
        spark = SparkSession.builder().master("local[2]").appName("alchemiser-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static JobSettings settings(LocalDate oos) {
        return new JobSettings(SparkFixtures.FIRST.plusDays(30), SparkFixtures.dates().get(SparkFixtures.DAYS - 1), oos,
                JobSettings.Costs.COMPOSER, 10_000, "SPY", 0, RebalanceAnchor.FIRST_TRADING_DAY);
    }

    @Test
    void rankOnSparkEqualsRankOnThisMachineExactly() {
        ResearchJob job = RankJobs.plan(RankJobs.files(List.of(library)), settings(SparkFixtures.dates().get(200)),
                PriceSource.folder(lake));
        List<UnitResult> local = new LocalExecutor(2).run(job, BacktestProgress.none());
        List<Integer> progress = new ArrayList<>();
        List<UnitResult> onSpark = new SparkExecutor(spark).run(job, (done, total) -> progress.add(done));
        assertThat(onSpark).isEqualTo(local);
        assertThat(local).filteredOn(UnitResult::ok).hasSize(4);
        assertThat(local.get(4).failure()).isEqualTo(UnitResult.Failure.MISSING_DATA);
        assertThat(local.get(5).failure()).isEqualTo(UnitResult.Failure.COMPILE);
        assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void sweepOnSparkEqualsSweepOnThisMachineExactly() {
        ResearchJob job = SweepJobs.plan(library.resolve("a_switcher.clj"),
                List.of(Vary.Request.parse("2:30=3..7/2"), Vary.Request.parse("2:34=40..60/10")), settings(null),
                PriceSource.folder(csv));
        List<UnitResult> local = new LocalExecutor(1).run(job, BacktestProgress.none());
        assertThat(new SparkExecutor(spark).run(job, BacktestProgress.none())).isEqualTo(local);
        assertThat(local).hasSize(9).allMatch(UnitResult::ok);
    }

    @Test
    void eachExecutorProcessLoadsTheJobsPricesOnce() {
        ResearchJob job = SweepJobs.plan(library.resolve("a_switcher.clj"), List.of(Vary.Request.parse("2:30=2..9")),
                settings(null), PriceSource.folder(lake));
        int before = ExecutorPrices.loads();
        new SparkExecutor(spark).run(job, BacktestProgress.none());
        assertThat(ExecutorPrices.loads() - before).as("local[2]: both task threads share one process").isEqualTo(1);
        new SparkExecutor(spark).run(job, BacktestProgress.none());
        assertThat(ExecutorPrices.loads() - before).as("the same job again: still cached").isEqualTo(1);
    }

    @Test
    void theSparkApplicationWritesTheSameFilesAsTheCommandAndTheResultsAsParquet() throws IOException {
        Path onSpark = dir.resolve("out-spark");
        Path here = dir.resolve("out-local");
        String[] args = {"rank", library.toString(), "--data", lake.toString(), "--from", "2023-02-01",
                "--oos-from", SparkFixtures.dates().get(200).toString(), "--costs", "composer", "--by", "calmar"};
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ResearchCli.execute(new SparkEngine(spark), new PrintWriter(out), new PrintWriter(err),
                with(args, "--out", onSpark.toString()));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("6 backtests in").contains("on Spark local[2]");
        // The same commands on this machine (alchemiser.jar's rank: ResearchCli on the local engine).
        int localCode = ResearchCli.execute(ResearchEngine.local(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), with(args, "--out", here.toString(), "--jobs", "2"));
        assertThat(localCode).isZero();
        for (String f : List.of("leaderboard.txt", "leaderboard.csv", "leaderboard.json", "leaderboard.html")) {
            assertThat(Files.readString(onSpark.resolve(f))).as(f).isEqualTo(Files.readString(here.resolve(f)));
        }

        ResearchJob job = RankJobs.plan(RankJobs.files(List.of(library)), new JobSettings(LocalDate.of(2023, 2, 1),
                SparkFixtures.dates().get(SparkFixtures.DAYS - 1), SparkFixtures.dates().get(200),
                JobSettings.Costs.COMPOSER, 10_000, "SPY", 0, RebalanceAnchor.FIRST_TRADING_DAY), PriceSource.folder(lake));
        List<UnitResult> local = new LocalExecutor(2).run(job, BacktestProgress.none());
        List<Row> rows = spark.read().parquet(onSpark.resolve(HadoopSink.RESULTS).toString()).orderBy("unit")
                .collectAsList();
        assertThat(rows.stream().map(ResultRows::fromRow).toList()).isEqualTo(local);
    }

    @Test
    void aSweepPositionThatIsNoNumberIsThePositionedErrorOnSparkToo() {
        StringWriter err = new StringWriter();
        Path file = library.resolve("a_switcher.clj");
        int code = ResearchCli.execute(new SparkEngine(spark), new PrintWriter(new StringWriter()), new PrintWriter(err),
                "sweep", file.toString(), "--vary", "2:22=1..3", "--data", csv.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith(file + ":2:22: error: no number starts here: the keyword :window does");
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
