package io.alchemiser.examples.backtest;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.application.backtest.BacktestStats;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.SymphonyEvaluator;
import io.alchemiser.dsl.read.SymphonyException;
import io.alchemiser.examples.app.DataDirectory;
import io.alchemiser.examples.format.Format;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Backtest speed on the shared corpus and prices; prints figures, asserts nothing. From the project root:
 *
 * <pre>
 * mvn -q -o -pl alchemiser-examples test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp alchemiser-examples/target/test-classes:alchemiser-examples/target/classes:$(cat \
 *     alchemiser-examples/target/bench.cp) io.alchemiser.examples.backtest.BacktestBench
 * </pre>
 *
 * {@code ../shared} is found by walking up from the working directory (or given as {@code -Dalchemiser.shared=DIR}).
 * The price files are parsed once before any timing ({@link DataDirectory}'s CSV source keeps them), so a timed
 * backtest is: a new evaluation context (bars handed over, calendar built, every indicator series and ranked-subtree
 * history computed from nothing), the history start, every day's evaluation, merge and simulated rebalance, and the
 * statistics. Part (a) times the largest covered symphony over ten years, cold then warm; part (b) backtests every
 * covered symphony over its whole history on two threads and lists those whose backtest fails.
 */
public final class BacktestBench {
    static final LocalDate END = LocalDate.of(2026, 7, 31);
    static final LocalDate TEN_YEARS_BEFORE = END.minusYears(10).plusDays(1);
    static final Symbol BENCHMARK = Symbol.of("SPY");
    static final int THREADS = 2;
    static final int WARM_RUNS = 5;

    private BacktestBench() {
    }

    /** A corpus file, compiled. */
    record Entry(String file, long bytes, Symphony symphony) {
    }

    /** How one backtest went: its run, or the error that stopped it. */
    record Outcome(Entry entry, BacktestRun run, String error, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        Path shared = locateShared();
        Path prices = shared.resolve("prices");
        System.out.printf(Locale.ROOT, "shared data: %s; %d processors; JVM %s%n", shared,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        long t = System.nanoTime();
        List<Entry> corpus = compileCorpus(shared.resolve("strategies"));
        System.out.printf(Locale.ROOT, "compiled %d corpus files in %.0f ms%n", corpus.size(), ms(System.nanoTime() - t));
        Set<String> priced = pricedSymbols(prices);
        List<Entry> covered = new ArrayList<>();
        for (Entry e : corpus) {
            if (e.symphony().symbols().stream().allMatch(s -> priced.contains(s.value()))) {
                covered.add(e);
            }
        }
        covered.sort(Comparator.comparingLong(Entry::bytes).reversed());
        System.out.printf(Locale.ROOT, "%d of %d have every symbol priced%n", covered.size(), corpus.size());

        PriceHistory data = DataDirectory.open(prices);
        t = System.nanoTime();
        Set<Symbol> needed = new TreeSet<>(Set.of(BENCHMARK));
        covered.forEach(e -> needed.addAll(e.symphony().symbols()));
        data.dailyBars(needed, EvaluationSession.EARLIEST, END);
        System.out.printf(Locale.ROOT, "parsed %d price files in %.0f ms (not in the timings below)%n%n", needed.size(),
                ms(System.nanoTime() - t));

        tenYears(covered, data);
        corpusOnTwoThreads(covered, data);
    }

    /** (a) The largest covered symphony whose history reaches back ten years: one cold run, then warm runs. */
    static void tenYears(List<Entry> covered, PriceHistory data) {
        Entry chosen = null;
        for (Entry e : covered) {
            if (!historyStart(e, data).isAfter(TEN_YEARS_BEFORE)) {
                chosen = e;
                break;
            }
        }
        if (chosen == null) {
            System.out.println("(a) no covered symphony has ten years of history");
            return;
        }
        System.out.printf(Locale.ROOT, "(a) ten years, %s .. %s: %s (%,d bytes, %,d nodes, %d symbols)%n",
                TEN_YEARS_BEFORE, END, chosen.file(), chosen.bytes(), chosen.symphony().nodeCount(),
                chosen.symphony().symbols().size());
        long[] nanos = new long[WARM_RUNS];
        long cpu = cpuNanos();
        BacktestRun last = null;
        for (int i = 0; i < WARM_RUNS; i++) {
            Outcome o = backtest(chosen, data, TEN_YEARS_BEFORE);
            if (o.run() == null) {
                System.out.println("    failed: " + o.error());
                return;
            }
            nanos[i] = o.nanos();
            last = o.run();
        }
        double cpuMs = ms(cpuNanos() - cpu) / WARM_RUNS;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        String runs = Arrays.stream(nanos).mapToObj(n -> String.format(Locale.ROOT, "%.0f", ms(n)))
                .collect(Collectors.joining(", "));
        System.out.printf(Locale.ROOT, "    runs (ms), the first with a cold JIT: %s%n", runs);
        System.out.printf(Locale.ROOT, "    median %.0f ms per ten-year backtest (%,d days): %,.0f days/s; "
                + "process CPU %.0f ms per run%n", ms(sorted[WARM_RUNS / 2]), last.days(),
                last.days() / (sorted[WARM_RUNS / 2] / 1e9), cpuMs);
        BacktestStats s = last.result().stats();
        System.out.printf(Locale.ROOT, "    total return %s, CAGR %s, max drawdown %s, %,d rebalances%n%n",
                Format.percent(s.totalReturn()), Format.percent(s.annualReturn()), Format.percent(s.maxDrawdown()),
                last.result().rebalances());
    }

    /** (b) Every covered symphony over its whole history, two at a time. */
    static void corpusOnTwoThreads(List<Entry> covered, PriceHistory data) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Outcome> outcomes = new ArrayList<>();
        long cpu = cpuNanos();
        long start = System.nanoTime();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Entry e : covered) {
                futures.add(pool.submit(() -> backtest(e, data, null)));
            }
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        long wall = System.nanoTime() - start;
        double cpuMs = ms(cpuNanos() - cpu);
        List<Outcome> ok = outcomes.stream().filter(o -> o.run() != null).collect(Collectors.toList());
        long days = ok.stream().mapToLong(o -> o.run().days()).sum();
        System.out.printf(Locale.ROOT, "(b) %d covered symphonies, each from its history start to %s, on %d threads:%n",
                covered.size(), END, THREADS);
        System.out.printf(Locale.ROOT, "    %d ran, %d failed; %,d days in %.1f s wall: %,.0f days/s; process CPU %.1f s%n",
                ok.size(), outcomes.size() - ok.size(), days, wall / 1e9, days / (wall / 1e9), cpuMs / 1e3);
        long[] perTenYears = ok.stream().mapToLong(o -> o.nanos() * 2520 / o.run().days()).sorted().toArray();
        if (perTenYears.length > 0) {
            System.out.printf(Locale.ROOT, "    per ten years (2,520 days), scaled from each run: median %.0f ms, "
                    + "fastest %.0f ms, slowest %.0f ms%n%n", ms(perTenYears[perTenYears.length / 2]), ms(perTenYears[0]),
                    ms(perTenYears[perTenYears.length - 1]));
        }
        System.out.printf(Locale.ROOT, "    %-34s %9s %10s %6s %8s %8s %12s %8s %8s%n", "file", "bytes", "from", "days",
                "ms", "days/s", "total", "CAGR", "maxDD");
        for (Outcome o : ok) {
            BacktestStats s = o.run().result().stats();
            System.out.printf(Locale.ROOT, "    %-34s %9d %10s %6d %8.0f %8.0f %12s %8s %8s%n", o.entry().file(),
                    o.entry().bytes(), o.run().firstDate(), o.run().days(), ms(o.nanos()),
                    o.run().days() / (o.nanos() / 1e9), Format.percent(s.totalReturn()), Format.percent(s.annualReturn()),
                    Format.percent(s.maxDrawdown()));
        }
        List<Outcome> failed = outcomes.stream().filter(o -> o.run() == null).collect(Collectors.toList());
        if (!failed.isEmpty()) {
            System.out.printf(Locale.ROOT, "%n    failed backtests:%n");
            for (Outcome o : failed) {
                System.out.printf(Locale.ROOT, "    %s: %s%n", o.entry().file(), o.error());
            }
        }
    }

    /** One backtest with the symphony's own rule, no costs; {@code from} null for the history start. */
    static Outcome backtest(Entry e, PriceHistory data, LocalDate from) {
        long start = System.nanoTime();
        try {
            BacktestSettings settings = new BacktestSettings(from, END, 10_000, 0, 0, BENCHMARK, 0,
                    SymphonyBacktest.ruleOf(e.symphony().options()));
            BacktestRun run = SymphonyBacktest.run(List.of(e.symphony()), List.of(1.0), data, settings, "bench",
                    BacktestProgress.none());
            return new Outcome(e, run, null, System.nanoTime() - start);
        } catch (SymphonyException ex) {
            return new Outcome(e, null, ex.getMessage().replace('\n', ' '), System.nanoTime() - start);
        } catch (RuntimeException ex) {
            return new Outcome(e, null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), System.nanoTime() - start);
        }
    }

    /** The symphony's history start in {@code data}, or {@link LocalDate#MAX} when it has none. */
    static LocalDate historyStart(Entry e, PriceHistory data) {
        try {
            return SymphonyEvaluator.historyStart(e.symphony(), EvaluationSession.open(data, END)).date();
        } catch (SymphonyException ex) {
            return LocalDate.MAX;
        }
    }

    static List<Entry> compileCorpus(Path dir) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".clj")).sorted().collect(Collectors.toList())) {
                try {
                    out.add(new Entry(f.getFileName().toString(), Files.size(f), Symphonies.compile(f)));
                } catch (SymphonyException ex) {
                    System.out.printf(Locale.ROOT, "does not compile: %s: %s%n", f.getFileName(),
                            ex.diagnostics().get(0));
                }
            }
        }
        return out;
    }

    static Set<String> pricedSymbols(Path prices) throws IOException {
        try (Stream<Path> files = Files.list(prices)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .map(n -> n.substring(0, n.length() - 4)).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** {@code -Dalchemiser.shared}, else the first {@code shared} folder with strategies and prices walking up. */
    public static Path locateShared() {
        String given = System.getProperty("alchemiser.shared");
        if (given != null) {
            return Path.of(given);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("strategies")) && Files.isDirectory(candidate.resolve("prices"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/strategies and shared/prices above " + Path.of("").toAbsolutePath()
                + "; pass -Dalchemiser.shared=DIR");
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
