package io.alchemiser.examples.cli;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.dsl.read.Form;
import io.alchemiser.dsl.read.FormReader;
import io.alchemiser.examples.app.BundledSymphonies;
import io.alchemiser.inmemory.BarGenerator;
import io.alchemiser.inmemory.GeneratedBars;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the app's class-data-sharing archive: the build runs it once with
 * {@code -XX:ArchiveClassesAtExit=alchemiser.jsa} after packaging, so the archive holds every class the common
 * commands load — {@code demo}, {@code check}, {@code eval}, {@code backtest} (text, JSON, HTML, CSV, Composer's
 * costs; on CSV files and on a Parquet data lake), {@code data import-csv}, {@code rank} and {@code sweep} — parsed
 * and verified ahead of time. It works in a temporary folder on the
 * bundled symphonies and generated prices (no network, no {@code ../shared}), prints nothing, and fails (exit 1)
 * naming the command if one of them does not succeed, so a broken training run breaks the build rather than the
 * archive. The {@code bin/alchemiser} launcher uses the archive when it is beside the jar.
 */
public final class ClassDataTraining {
    private static final LocalDate END = LocalDate.of(2025, 12, 31);

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("alchemiser-training");
        try {
            Path prices = writePrices(dir.resolve("prices"));
            Path symphonies = Files.createDirectories(dir.resolve("symphonies"));
            List<String> files = new ArrayList<>();
            for (String name : BundledSymphonies.DEMO.keySet()) {
                files.add(Files.writeString(symphonies.resolve(name), BundledSymphonies.text(name)).toString());
            }
            String first = files.get(0);
            String data = prices.toString();
            run("demo");
            List<String> check = new ArrayList<>(List.of("check"));
            check.addAll(files);
            run(check.toArray(String[]::new));
            run("eval", first, "--data", data, "--as-of", END.toString(), "--json");
            run("eval", first, "--data", data, "--as-of", END.toString());
            run("backtest", first, "--data", data, "--to", END.toString(), "--costs", "composer", "--report",
                    dir.resolve("report.html").toString(), "--csv", dir.resolve("csv").toString());
            run("backtest", first, files.get(1), "--data", data, "--to", END.toString(), "--json");
            String lake = dir.resolve("lake").toString();
            run("data", "import-csv", data, "--store", lake);
            run("eval", first, "--data", lake, "--as-of", END.toString());
            run("backtest", first, "--data", lake, "--to", END.toString());
            run("rank", symphonies.toString(), "--data", data, "--to", END.toString(), "--oos-from",
                    END.minusMonths(6).toString(), "--jobs", "2", "--out", dir.resolve("rank").toString());
            run("sweep", first, "--vary", firstWholeNumber(Path.of(first)), "--data", data, "--to", END.toString(),
                    "--jobs", "2", "--out", dir.resolve("sweep").toString());
        } finally {
            delete(dir);
        }
    }

    private static void run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)); // progress lines
        int code;
        try {
            code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        } finally {
            System.setErr(stderr);
        }
        if (code != 0) {
            System.err.println("class-data training: '" + String.join(" ", args) + "' exited " + code + "\n" + err);
            System.exit(1);
        }
    }

    /** Four years of the demo's generated market as {@code SYMBOL.csv} files. */
    private static Path writePrices(Path dir) throws IOException {
        Files.createDirectories(dir);
        GeneratedBars bars = BarGenerator.demo(7).generate(END.minusYears(4), END);
        for (Map.Entry<Symbol, BarSeries> e : bars.series().entrySet()) {
            StringBuilder sb = new StringBuilder("date,open,high,low,close,adj_close,volume\n");
            for (DailyBar b : e.getValue().bars()) {
                sb.append(b.date()).append(',').append(plain(b.open())).append(',').append(plain(b.high())).append(',')
                        .append(plain(b.low())).append(',').append(plain(b.close())).append(',')
                        .append(plain(b.close())).append(',').append(b.volume()).append('\n');
            }
            Files.writeString(dir.resolve(e.getKey().value() + ".csv"), sb);
        }
        return dir;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    /** {@code LINE:COL=N..N+2} for the first whole-number literal of the file (a window, most likely). */
    private static String firstWholeNumber(Path file) throws IOException {
        Deque<Form> todo = new ArrayDeque<>(FormReader.read(file.toString(), Files.readString(file)));
        Form.IntegerForm found = null;
        while (!todo.isEmpty()) {
            Form f = todo.pop();
            if (f instanceof Form.IntegerForm i && i.value() > 1 && (found == null
                    || i.position().line() < found.position().line())) {
                found = i;
            } else if (f instanceof Form.ListForm l) {
                todo.addAll(l.items());
            } else if (f instanceof Form.VectorForm v) {
                todo.addAll(v.items());
            } else if (f instanceof Form.MapForm m) {
                m.entries().forEach(e -> todo.add(e.value()));
            }
        }
        if (found == null) {
            throw new IllegalStateException(file + " has no whole-number literal to sweep");
        }
        return found.position().line() + ":" + found.position().column() + "=" + found.value() + ".."
                + (found.value() + 2);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
