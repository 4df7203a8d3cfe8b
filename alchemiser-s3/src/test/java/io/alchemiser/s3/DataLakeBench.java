package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.csv.CsvBarImporter;
import io.alchemiser.s3.csv.CsvBarReader;
import io.alchemiser.s3.internal.SeriesCache;
import io.alchemiser.s3.model.LakeBar;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * Benchmark: writes and reads the whole {@code ../shared/prices/} set through the data lake, on a local directory
 * and on S3 (s3proxy on loopback, storing objects in a temporary directory), and prints files/s, bars/s and the
 * size of the lake against the CSV files. Run from the project root:
 *
 * <pre>
 * mvn -q -o -pl alchemiser-s3 test-compile dependency:build-classpath -DincludeScope=test \
 *     -DexcludeArtifactIds=hadoop-client-api -Dmdep.outputFile=target/bench.classpath
 * java -cp alchemiser-s3/target/test-classes:alchemiser-s3/target/classes:$(cat alchemiser-s3/target/bench.classpath) \
 *     io.alchemiser.s3.DataLakeBench [threads] [rounds]
 * </pre>
 *
 * Each measurement runs {@code rounds} times (default 3) and the best round is printed, so JIT warm-up and a busy
 * machine weigh less; {@code threads} (default 4) is the parallelism of writes and reads.
 */
public final class DataLakeBench {
    private static final LocalDate FIRST = LocalDate.of(1990, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2030, 12, 31);

    private DataLakeBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path prices = SharedPrices.folder();
        List<Symbol> symbols = CsvBarImporter.symbolsIn(prices);
        long csvBytes = 0;
        for (Symbol s : symbols) {
            csvBytes += Files.size(prices.resolve(s.value() + ".csv"));
        }
        Map<Symbol, List<LakeBar>> data = new ConcurrentHashMap<>();
        System.out.printf(Locale.ROOT, "Data lake benchmark: %d CSV files, %.1f MB, in %s%n", symbols.size(),
                mb(csvBytes), prices);
        System.out.printf(Locale.ROOT, "JVM %s, %d processors (load average %.1f), %d threads, best of %d rounds%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), threads, rounds);

        Result parse = best(rounds, () -> parallel(symbols, threads,
                s -> data.put(s, CsvBarReader.read(prices.resolve(s.value() + ".csv")))));
        long bars = data.values().stream().mapToLong(List::size).sum();
        row("CSV parse (reference)", symbols.size(), bars, parse);

        Path tmp = Files.createTempDirectory("alchemiser-bench");
        try {
            Path localRoot = tmp.resolve("local");
            ParquetBarStore local = ParquetBarStore.local(localRoot);
            measure("local", local, symbols, data, bars, threads, rounds);
            long localBytes = directorySize(localRoot);
            System.out.printf(Locale.ROOT, "%-30s %10.1f MB (%.1f%% of the CSV's %.1f MB, %.2f bytes/bar)%n%n",
                    "local lake on disk", mb(localBytes), 100.0 * localBytes / csvBytes, mb(csvBytes),
                    (double) localBytes / bars);

            Path blobs = Files.createDirectories(tmp.resolve("s3proxy"));
            try (S3ProxyServer server = S3ProxyServer.over(new FilesystemNio2BlobStore(blobs.toString()));
                    ParquetBarStore s3 = ParquetBarStore.s3(server.settings(server.newBucket(), "lake"))) {
                System.out.println("S3: s3proxy on " + server.endpoint() + " (filesystem blob store)");
                measure("S3", s3, symbols, data, bars, threads, rounds);
                long objectBytes = objectBytes(server, s3);
                System.out.printf(Locale.ROOT, "%-30s %10.1f MB (%.1f%% of the CSV's %.1f MB)%n", "S3 objects",
                        mb(objectBytes), 100.0 * objectBytes / csvBytes, mb(csvBytes));
            }
        } finally {
            deleteRecursively(tmp);
        }
    }

    private static void measure(String name, ParquetBarStore store, List<Symbol> symbols,
            Map<Symbol, List<LakeBar>> data, long bars, int threads, int rounds) throws Exception {
        Result write = best(rounds, () -> parallel(symbols, threads, s -> store.write(s, data.get(s))));
        row(name + " write", symbols.size(), bars, write);
        Result read = best(rounds, () -> parallel(symbols, threads, s -> store.read(s)));
        row(name + " read (store.read)", symbols.size(), bars, read);
        Result market = best(rounds, () -> {
            Map<Symbol, BarSeries> all = ParquetPriceHistory.builder(store).parallelism(threads).build()
                    .dailyBars(symbols, FIRST, LAST);
            if (all.size() != symbols.size()) {
                throw new IllegalStateException("read " + all.size() + " of " + symbols.size());
            }
        });
        row(name + " read (ParquetPriceHistory)", symbols.size(), bars, market);
    }

    private static void parallel(List<Symbol> symbols, int threads, Consumer<Symbol> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, SeriesCache.daemonThreads("bench"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Symbol s : symbols) {
                futures.add(pool.submit(() -> work.accept(s)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Job {
        void run() throws Exception;
    }

    private record Result(double seconds) {
    }

    private static Result best(int rounds, Job job) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            job.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return new Result(best);
    }

    private static void row(String name, int files, long bars, Result r) {
        System.out.printf(Locale.ROOT, "%-30s %7.2f s %9.0f files/s %12.0f bars/s%n", name, r.seconds(),
                files / r.seconds(), bars / r.seconds());
    }

    private static long directorySize(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long objectBytes(S3ProxyServer server, ParquetBarStore store) {
        String bucket = store.locationOf(new Symbol("SPY")).substring("s3://".length()).split("/")[0];
        return server.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .mapToLong(o -> o.size()).sum();
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
