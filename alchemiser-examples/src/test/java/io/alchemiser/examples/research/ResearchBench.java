package io.alchemiser.examples.research;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.read.SymphonyException;
import io.alchemiser.examples.backtest.BacktestBench;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Speed of the research jobs on the shared corpus and prices; prints figures, asserts nothing. From the project root:
 *
 * <pre>
 * mvn -q -o -pl alchemiser-examples test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp alchemiser-examples/target/test-classes:alchemiser-examples/target/classes:$(cat \
 *     alchemiser-examples/target/bench.cp) io.alchemiser.examples.research.ResearchBench
 * </pre>
 *
 * (a) {@code rank} over every covered corpus symphony (every symbol has a price file) on 1 and on 2 threads,
 * alternately twice, each run as the command runs it: the price table loaded, then every unit; (b) a 10×10
 * {@code sweep} of {@code hedged_sector_rotator.clj} (78 KB) over its first RSI window and threshold on 2 threads.
 * All over the five years to 2026-07-31, out of sample from 2025-08-01, with Composer's costs.
 * {@code ../shared} is found by walking up from the working directory (or given as {@code -Dalchemiser.shared=DIR}).
 */
public final class ResearchBench {
    static final LocalDate FROM = LocalDate.of(2021, 8, 2);
    static final LocalDate TO = LocalDate.of(2026, 7, 31);
    static final LocalDate OOS = LocalDate.of(2025, 8, 1);
    static final JobSettings SETTINGS = new JobSettings(FROM, TO, OOS, JobSettings.Costs.COMPOSER, 10_000, "SPY", 0,
            RebalanceAnchor.FIRST_TRADING_DAY);
    /** The first RSI window (10) and its threshold (80) of hedged_sector_rotator.clj, line 7. */
    static final List<String> SWEEP = List.of("7:27=6..15", "7:32=76..85");

    private ResearchBench() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = BacktestBench.locateShared();
        System.out.printf(Locale.ROOT, "shared data: %s; %d processors; JVM %s%n", shared,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        ResearchJob rank = corpusRank(shared);
        for (int threads : new int[] {1, 2, 1, 2}) {
            time("rank", rank, new LocalExecutor(threads));
        }

        ResearchJob sweep = SweepJobs.plan(shared.resolve("strategies/hedged_sector_rotator.clj"),
                SWEEP.stream().map(Vary.Request::parse).toList(), SETTINGS, PriceSource.folder(shared.resolve("prices")));
        System.out.printf(Locale.ROOT, "%nsweep: hedged_sector_rotator.clj, --vary %s%n", String.join(" --vary ", SWEEP));
        for (int round = 0; round < 2; round++) {
            time("sweep", sweep, new LocalExecutor(2));
        }
    }

    /** The rank job over every covered corpus symphony of {@code shared}, with {@link #SETTINGS}; prints what it is. */
    public static ResearchJob corpusRank(Path shared) throws IOException {
        Path prices = shared.resolve("prices");
        List<Path> covered = coveredFiles(shared.resolve("strategies"), prices);
        System.out.printf(Locale.ROOT, "rank: %d covered corpus symphonies, %s to %s, out of sample from %s, "
                + "Composer's costs%n", covered.size(), FROM, TO, OOS);
        return RankJobs.plan(covered, SETTINGS, PriceSource.folder(prices));
    }

    /** Runs {@code job} once as the command does (price table, then every unit) and prints its figures. */
    public static List<UnitResult> time(String what, ResearchJob job, UnitExecutor executor) {
        long t = System.nanoTime();
        List<UnitResult> results = executor.run(job, BacktestProgress.none());
        double seconds = (System.nanoTime() - t) / 1e9;
        long days = 0;
        int failed = 0;
        for (UnitResult r : results) {
            if (!r.ok()) {
                failed++;
                System.out.printf(Locale.ROOT, "  failed: %s: %s%n", r.file(), r.failureText());
                continue;
            }
            days += r.inSample().days() + (r.outOfSample() == null ? 0 : r.outOfSample().days());
        }
        System.out.printf(Locale.ROOT, "%s on %s: %d backtests (%d failed) in %.1f s = %.2f backtests/s, "
                + "%,.0f days/s (load average %.1f)%n", what, executor.describe(), results.size(), failed, seconds,
                results.size() / seconds, days / seconds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return results;
    }

    /** The corpus files that compile and whose every symbol has a {@code SYMBOL.csv} in {@code prices}. */
    public static List<Path> coveredFiles(Path strategies, Path prices) throws IOException {
        Set<String> priced;
        try (Stream<Path> files = Files.list(prices)) {
            priced = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .map(n -> n.substring(0, n.length() - 4)).collect(Collectors.toCollection(TreeSet::new));
        }
        List<Path> out = new ArrayList<>();
        for (Path f : RankJobs.files(List.of(strategies))) {
            try {
                if (Symphonies.compile(f).symbols().stream().allMatch(s -> priced.contains(s.value()))) {
                    out.add(f);
                }
            } catch (SymphonyException e) {
                // Not covered: it does not compile.
            }
        }
        return out;
    }
}
