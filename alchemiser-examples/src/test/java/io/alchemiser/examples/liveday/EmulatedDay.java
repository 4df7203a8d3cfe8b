package io.alchemiser.examples.liveday;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.alpaca.emulator.AlpacaEmulator;
import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.examples.cli.Main;
import io.alchemiser.examples.ledger.JdbcLedger;
import io.alchemiser.s3.ParquetBarStore;
import io.alchemiser.s3.csv.CsvBarImporter;
import io.alchemiser.s3.csv.CsvPriceHistory;
import io.alchemiser.s3.model.RefreshReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * One trading day for the app at an emulated Alpaca: the emulator from alchemiser-alpaca's test-jar on a clock that
 * follows real time ({@link RealTimeClock}), started from a {@link DaySetup}, and the YAML config that points the app
 * at it ({@code broker.type: alpaca-paper}, the emulator's URLs, fake keys in the file, the setup's CSV closes
 * imported into a local Parquet lake, a ledger and reports in this day's folder). The app runs in this JVM
 * ({@link #run}, through {@link Main#execute}) or as its own process ({@link #launch}); either way it goes through
 * the app's own wiring and the real Alpaca adapters.
 *
 * <p>The app waits on real time (it has no simulated clock against Alpaca), so the setup's step wait is short and
 * the emulator's clock runs with the wall clock; only time in which the app is not running may be skipped
 * ({@link RealTimeClock#jump}).
 */
final class EmulatedDay implements AutoCloseable {
    private static final AtomicInteger KEYS = new AtomicInteger();

    final DaySetup setup;
    final Path dir;
    final RealTimeClock time;
    final SwitchableFills fills;
    final AlpacaEmulator emulator;
    final Path config;
    final Path ledger;
    /** The app's data: a local Parquet lake holding the setup's prices (a CSV folder cannot back an Alpaca run). */
    final Path lake;
    private final CsvPriceHistory prices;

    private EmulatedDay(DaySetup setup, Path dir, Instant start, UnaryOperator<AlpacaEmulator.Builder> extra) {
        this.setup = setup;
        this.dir = dir;
        this.prices = new CsvPriceHistory(setup.prices());
        this.time = new RealTimeClock(start);
        this.fills = new SwitchableFills(setup.fills().get());
        int n = KEYS.incrementAndGet();
        AlpacaEmulator.Builder b = AlpacaEmulator.builder().clock(time.clock()).prices(prices).cash(setup.cash())
                .fillModel(fills).keys("PKLIVEDAY" + ProcessHandle.current().pid() + "X" + n, "liveday-secret-" + n);
        setup.holdings().forEach((s, q) -> b.position(Symbol.of(s), q, close(Symbol.of(s))));
        this.emulator = extra.apply(b).start();
        this.ledger = dir.resolve("ledger").resolve("day");
        this.lake = importLake(setup, dir.resolve("lake"));
        this.config = dir.resolve("alchemiser.yaml");
        writeConfig();
        time.start();
    }

    /** A day of {@code setup} in {@code dir}, starting at the setup's time. */
    static EmulatedDay open(DaySetup setup, Path dir) {
        return new EmulatedDay(setup, dir, setup.startInstant(), b -> b);
    }

    /** A day of {@code setup} in {@code dir}, its clock starting at {@code start}, the emulator built further. */
    static EmulatedDay open(DaySetup setup, Path dir, Instant start, UnaryOperator<AlpacaEmulator.Builder> extra) {
        return new EmulatedDay(setup, dir, start, extra);
    }

    /** The run id the app gives the setup's date. */
    RunId runId() {
        return RunId.forDate(setup.date());
    }

    // ------------------------------------------------------------------ running the app

    /** What one invocation of the app printed and returned. */
    record AppRun(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** {@code run --config FILE [extra...]} in this JVM, as {@code Main.main} would run it. */
    AppRun run(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                args(extra).toArray(String[]::new));
        return new AppRun(code, out.toString(), err.toString());
    }

    /** {@code run --config FILE [extra...]} as its own JVM, its output in {@code name.log} in this day's folder. */
    AppProcess launch(String name, String... extra) {
        return AppProcess.start(args(extra), dir.resolve(name + ".log"));
    }

    private List<String> args(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--config", config.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    // ------------------------------------------------------------------ reading the outcome

    /** Shares held at the emulator now. */
    Map<Symbol, BigDecimal> positions() {
        return new TreeMap<>(emulator.positions());
    }

    /** The trades the ledger holds for the day's run (the app must not be running). */
    List<TradeRecord> ledgerTrades() {
        try (JdbcLedger l = JdbcLedger.openExistingFile(ledger)) {
            return l.trades(runId());
        }
    }

    /** The run's records in the ledger (the app must not be running). */
    List<RunRecord> ledgerRuns() {
        try (JdbcLedger l = JdbcLedger.openExistingFile(ledger)) {
            return l.runHistory(runId());
        }
    }

    /** The symbol's close on the setup's date (its latest close by then): the emulator's mid all day. */
    BigDecimal close(Symbol symbol) {
        BarSeries bars = prices.dailyBars(symbol, setup.date().minusDays(10), setup.date());
        assertThat(bars.isEmpty()).as(symbol + " has a close by " + setup.date()).isFalse();
        return bars.bars().get(bars.size() - 1).close();
    }

    /** The account's worth at the start: cash plus holdings at their closes. */
    BigDecimal startingEquity() {
        BigDecimal equity = setup.cash();
        for (Map.Entry<String, BigDecimal> h : setup.holdings().entrySet()) {
            equity = equity.add(h.getValue().multiply(close(Symbol.of(h.getKey()))));
        }
        return equity;
    }

    private void writeConfig() {
        StringBuilder y = new StringBuilder("strategies:\n");
        for (DaySetup.Strategy s : setup.strategies()) {
            y.append("  - {file: ").append(quoted(s.file())).append(", weight: ")
                    .append(String.format(Locale.ROOT, "%s", s.weight())).append("}\n");
        }
        y.append("broker:\n  type: alpaca-paper\n  alpaca:\n")
                .append("    keyId: ").append(quoted(emulator.keyId())).append('\n')
                .append("    secretKey: ").append(quoted(emulator.secretKey())).append('\n')
                .append("    tradingUrl: ").append(quoted(emulator.tradingUrl())).append('\n')
                .append("    dataUrl: ").append(quoted(emulator.dataUrl())).append('\n')
                .append("data:\n  store: local\n  path: ").append(quoted(lake)).append("\n  intraday: true\n")
                .append("execution:\n  stepWaitSeconds: ").append(setup.stepWait())
                .append("\n  concurrency: ").append(setup.concurrency())
                .append("\n  buyingPowerWaitSeconds: 60\n")
                .append("ledger:\n  path: ").append(quoted(ledger)).append('\n')
                .append("notifications:\n  directory: ").append(quoted(dir.resolve("reports"))).append('\n');
        try {
            Files.createDirectories(dir);
            Files.writeString(config, y.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports the CSV closes of every symbol the day's symphonies read or the account holds into a local lake. */
    private static Path importLake(DaySetup setup, Path lake) {
        Set<Symbol> symbols = new TreeSet<>();
        setup.strategies().forEach(s -> symbols.addAll(Symphonies.compile(s.file()).symbols()));
        setup.holdings().keySet().forEach(s -> symbols.add(Symbol.of(s)));
        try (ParquetBarStore store = ParquetBarStore.local(lake)) {
            RefreshReport report = new CsvBarImporter(store).importSymbols(setup.prices(), symbols);
            assertThat(report.failed()).as("symbols the lake could not import").isEmpty();
        }
        return lake;
    }

    private static String quoted(Object value) {
        return "'" + value.toString().replace("'", "''") + "'";
    }

    @Override
    public void close() {
        time.close();
        emulator.close();
    }
}
