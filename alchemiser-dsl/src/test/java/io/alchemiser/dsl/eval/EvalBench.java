package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluation timings on the shared corpus and prices; prints figures, asserts nothing. Run from the project root:
 * <pre>
 * mvn -q -o -pl alchemiser-dsl test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * cd alchemiser-dsl && java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.alchemiser.dsl.eval.EvalBench
 * </pre>
 * Price files are parsed before timing starts, so "cold" means a new {@link EvaluationSession}: bars handed over,
 * calendar built, every indicator series and ranked-subtree history computed from nothing.
 */
public final class EvalBench {
    private static final LocalDate DATE = LocalDate.of(2024, 12, 31);
    private static final int LARGEST = 16;

    private EvalBench() {
    }

    /** CPU time of the whole process (every thread, GC and JIT included), less sensitive than wall time to a busy machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Reads and compiles every corpus file, three passes (the first with a cold JIT): ms and MB/s. */
    private static void compileCorpus() {
        java.nio.file.Path folder = SharedFolder.strategies();
        List<java.nio.file.Path> files;
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.list(folder)) {
            files = all.filter(p -> p.toString().endsWith(".clj")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int pass = 1; pass <= 3; pass++) {
            long bytes = 0;
            int nodes = 0;
            long start = System.nanoTime();
            for (java.nio.file.Path file : files) {
                bytes += file.toFile().length();
                nodes += io.alchemiser.dsl.compile.Symphonies.compile(file).nodeCount();
            }
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "read + compile pass %d: %d files, %.1f MB, %d nodes in %.0f ms: %.1f MB/s%n",
                    pass, files.size(), bytes / 1e6, nodes, ms, bytes / 1e6 / (ms / 1000));
        }
    }

    public static void main(String[] args) {
        compileCorpus();
        CsvPriceHistory prices = new CsvPriceHistory(SharedFolder.prices());
        List<Corpus.Entry> covered = Corpus.covered(prices);
        List<Corpus.Entry> largest = covered.subList(0, Math.min(LARGEST, covered.size()));
        for (Corpus.Entry entry : largest) {
            entry.symphony().symbols().forEach(s -> prices.dailyBars(s, EvaluationSession.EARLIEST, DATE));
        }
        System.out.printf(Locale.ROOT, "%d of the corpus files have every symbol priced; timing the %d largest%n",
                covered.size(), largest.size());
        if (args.length > 0 && args[0].equals("year")) {
            year(largest.get(Integer.parseInt(args[1])), prices);
            return;
        }
        for (int pass = 1; pass <= 3; pass++) {
            long total = 0;
            long cpu = cpuNanos();
            List<String> lines = new ArrayList<>();
            for (Corpus.Entry entry : largest) {
                long start = System.nanoTime();
                StrategyResult result = SymphonyEvaluator.evaluate(entry.symphony(),
                        EvaluationSession.open(prices, DATE), DATE);
                long nanos = System.nanoTime() - start;
                total += nanos;
                lines.add(String.format(Locale.ROOT, "  %-40s %7d bytes %6d nodes %8.1f ms  %d steps, %d symbols held",
                        entry.name(), entry.bytes(), entry.symphony().nodeCount(), nanos / 1e6,
                        result.decisionPath().size(), result.weights().bySymbol().size()));
            }
            System.out.printf(Locale.ROOT, "pass %d: %d largest symphonies, one date (%s) each from a new context:"
                    + " %.1f ms wall, %.1f ms process CPU in all%n", pass, largest.size(), DATE, total / 1e6,
                    (cpuNanos() - cpu) / 1e6);
            if (pass == 1 || pass == 3) {
                lines.forEach(System.out::println);
            }
        }
        for (Corpus.Entry entry : largest.subList(0, Math.min(3, largest.size()))) {
            year(entry, prices);
        }
    }

    private static void year(Corpus.Entry entry, CsvPriceHistory prices) {
        LocalDate first = LocalDate.of(2025, 1, 1);
        LocalDate last = LocalDate.of(2025, 12, 31);
        EvaluationSession context = EvaluationSession.open(prices, last);
        long start = System.nanoTime();
        long cpu = cpuNanos();
        int days = 0;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (SymphonyRun.in(context, entry.symphony()).table().dayIndex(date) >= 0) {
                SymphonyEvaluator.evaluate(entry.symphony(), context, date);
                days++;
            }
        }
        long nanos = System.nanoTime() - start;
        double cpuMillis = (cpuNanos() - cpu) / 1e6;
        System.out.printf(Locale.ROOT, "%s: every trading day of 2025 (%d days) in one context: %.1f ms wall"
                + " (%.2f ms per day), %.1f ms process CPU (%.2f ms per day)%n", entry.name(), days, nanos / 1e6,
                nanos / 1e6 / days, cpuMillis, cpuMillis / days);
    }
}
