package io.alchemiser.examples.cli;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.examples.backtest.ComposerBacktest;
import io.alchemiser.examples.backtest.ComposerBacktestClient;
import io.alchemiser.examples.backtest.ParityCheck;
import io.alchemiser.examples.backtest.ParityHtml;
import io.alchemiser.examples.backtest.ParityJson;
import io.alchemiser.examples.backtest.ParityResult;
import io.alchemiser.examples.backtest.ParityText;
import io.alchemiser.examples.backtest.SymphonyBacktest;
import io.alchemiser.examples.backtest.TerminalProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parity FILE.clj (--composer BACKTEST.json | --fetch ID --from D) --data DIR [--tolerance 0.005] [--json]
 * [--html FILE]}: replays a symphony over the days of the user's Composer backtest and reports how closely the two
 * agree.
 */
@Command(name = "parity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare a symphony run here with your own Composer backtest of it. The symphony is replayed "
                + "over Composer's days with its own rebalance rule and Composer's costs; the report gives the share "
                + "of days whose allocations match within the tolerance, the first and the worst divergence (both "
                + "allocations, our decision path and the condition or ranking that decided it with its margin), and "
                + "the correlation and tracking error of the daily returns against Composer's.",
                "BACKTEST.json is what Composer's backtest API answers (tdvm_weights, dvm_capital, stats, ...); "
                        + "--fetch downloads it for a public symphony. DIR is a folder of SYMBOL.csv files or a "
                        + "Parquet data lake. With --json, one JSON object instead of the text report."},
        footer = {"%nExamples:",
                "  parity nova.clj --composer nova-backtest.json --data ../shared/prices",
                "  parity nova.clj --fetch AbCdEf123 --from 2024-01-02 --data lake --html parity.html",
                "%nSee docs/backtest.md (Parity with Composer)."})
final class ParityCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the symphony's .clj export")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Where Composer's backtest comes from: a file, or a download. */
    static final class Source {
        @Option(names = "--composer", paramLabel = "BACKTEST.json", description = "Composer's backtest JSON")
        Path json;

        @Option(names = "--fetch", paramLabel = "SYMPHONY_ID",
                description = "download the backtest of this public symphony from Composer (needs --from)")
        String symphonyId;
    }

    @Mixin
    DataOption data;

    @Option(names = "--tolerance", paramLabel = "F", defaultValue = "0.005",
            description = "a day matches when no weight differs by more than F (default: ${DEFAULT-VALUE}, half a "
                    + "percentage point)")
    double tolerance;

    @Option(names = "--costs", paramLabel = "PRESET", defaultValue = "composer",
            description = "costs of the replay: composer (1 bp slippage, SEC fee, FINRA TAF) or none "
                    + "(default: ${DEFAULT-VALUE})")
    String costs;

    @Option(names = "--benchmark", paramLabel = "SYMBOL", defaultValue = "SPY",
            description = "its trading days are the replay's calendar (default: ${DEFAULT-VALUE})")
    String benchmark;

    @Option(names = "--series", paramLabel = "KEY",
            description = "the dvm_capital series to compare with, when the file holds several")
    String series;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "with --fetch: the backtest's first day")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD",
            description = "with --fetch: the backtest's last day (default: the benchmark's last bar in DIR)")
    LocalDate to;

    @Option(names = "--capital", paramLabel = "DOLLARS", defaultValue = "10000",
            description = "with --fetch: the start capital asked for (default: ${DEFAULT-VALUE})")
    double capital;

    @Option(names = "--slippage-percent", paramLabel = "PCT", defaultValue = "0.01",
            description = "with --fetch: the slippage asked for, in percent (default: ${DEFAULT-VALUE}, 1 basis point)")
    double slippagePercent;

    @Option(names = "--composer-url", paramLabel = "URL", defaultValue = ComposerBacktestClient.DEFAULT_BASE,
            description = "with --fetch: Composer's backtest service (default: ${DEFAULT-VALUE})")
    URI composerUrl;

    @Option(names = "--save", paramLabel = "FILE.json", description = "with --fetch: also keep the downloaded JSON")
    Path save;

    @Mixin
    JsonOption json;

    @Option(names = "--html", paramLabel = "FILE.html", description = "write a self-contained HTML page")
    Path html;

    @Spec
    CommandSpec spec;

    /**
     * Bad input (a symphony, a file, a download) throws the project's exceptions ({@link UsageException} for what the
     * parity classes check with {@code IllegalArgumentException}); the {@link ErrorHandler} prints it and exits 1.
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return parity(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int parity(PrintWriter out, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println("error: cannot read symphony " + file + ": no such file");
            return ExitCodes.INPUT;
        }
        boolean composerCosts = preset(costs);
        Symphony symphony = Symphonies.compile(file);
        PriceHistory prices = data.open();
        Symbol bench = UsageException.checking(() -> Symbol.of(benchmark));
        String text = composerJson(prices, bench);
        ComposerBacktest composer = UsageException.checking(() -> ComposerBacktest.parse(text, sourceName(), series));
        ParityCheck.Options options = UsageException.checking(() -> new ParityCheck.Options(tolerance, bench,
                composerCosts));
        BacktestProgress progress = System.console() != null ? new TerminalProgress(err) : BacktestProgress.none();
        ParityResult result = ParityCheck.run(symphony, prices, composer, options, progress);
        PrintWriter notes = json.enabled ? err : out;
        out.print(json.enabled ? ParityJson.render(result) : ParityText.render(result));
        if (html != null) {
            ParityHtml.write(result, html);
            notes.println("report: " + html);
        }
        return ExitCodes.OK;
    }

    /** Composer's JSON: read from the file, or downloaded (and saved when asked). */
    private String composerJson(PriceHistory prices, Symbol bench) {
        if (source.json != null) {
            if (from != null || to != null || save != null) {
                throw new UsageException("--from, --to and --save go with --fetch; with --composer the days "
                        + "are the file's");
            }
            try {
                return Files.readString(source.json, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source.json + ": " + e.getMessage(), e);
            }
        }
        if (from == null) {
            throw new UsageException("--fetch needs --from, the backtest's first day");
        }
        LocalDate end = to != null ? to : UsageException.checking(() -> SymphonyBacktest.lastBenchmarkDate(prices,
                bench, LocalDate.now(Scheduler.MARKET_ZONE)));
        // The client's checks of the URL, the id and the dates, and a status Composer answers, are IllegalArgument.
        String text = UsageException.checking(() -> new ComposerBacktestClient(composerUrl, Duration.ofMinutes(2))
                .fetch(new ComposerBacktestClient.Request(source.symphonyId, from, end, capital, slippagePercent,
                        preset(costs))));
        if (save != null) {
            try {
                Files.writeString(save, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + save + ": " + e.getMessage(), e);
            }
        }
        return text;
    }

    private String sourceName() {
        return source.json != null ? source.json.toString() : "Composer's backtest of " + source.symphonyId;
    }

    /** {@code composer} → true, {@code none} → false. */
    private static boolean preset(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "composer":
                return true;
            case "none":
                return false;
            default:
                throw new UsageException("--costs " + text + ": expected composer or none");
        }
    }
}
