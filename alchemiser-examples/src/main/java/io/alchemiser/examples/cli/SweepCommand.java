package io.alchemiser.examples.cli;

import io.alchemiser.core.port.AlchemiserException;
import io.alchemiser.dsl.read.SymphonyException;
import io.alchemiser.examples.research.PriceSource;
import io.alchemiser.examples.research.ResearchEngine;
import io.alchemiser.examples.research.ResearchJob;
import io.alchemiser.examples.research.Stat;
import io.alchemiser.examples.research.SweepJobs;
import io.alchemiser.examples.research.SweepReport;
import io.alchemiser.examples.research.Vary;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep FILE.clj --vary LINE:COL=FROM..TO[/STEP] [--vary ...] --data DIR [--stat S] ...}: backtests every
 * combination of values of numeric literals of one symphony.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Vary numeric literals of one symphony — each named by the line and column where it starts, as "
                + "a compiler's diagnostics name them — over a grid of values, backtest every combination in parallel, "
                + "and report each combination's in-sample (and out-of-sample) statistics, the original parameters "
                + "marked *.",
                "The robustness figure says how much the chosen --stat falls within one step of the original "
                        + "parameters; a lone peak (better than every neighbour, losing more than half one step away) "
                        + "is a warning sign of curve fitting. --out DIR writes sweep.txt, .csv, .json and sweep.html "
                        + "(for one or two varied literals, a heatmap of the statistic)."},
        footer = {"%nExamples:",
                "  sweep nova.clj --vary 12:31=10..20/2 --vary 40:7=0.03..0.07/0.01 --data lake --out sweep/",
                "  sweep nova.clj --vary 12:31=5..30 --data ../shared/prices --from 2018-01-02 --oos-from 2023-01-03",
                "%nA --vary that does not name the start of a number is an error at FILE:LINE:COL (exit 1).",
                "See docs/research.md for the grid and the robustness figure."})
final class SweepCommand implements Callable<Integer> {
    private final ResearchEngine engine;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .clj symphony export")
    Path file;

    @Option(names = "--vary", required = true, paramLabel = "LINE:COL=FROM..TO[/STEP]",
            description = "the number starting at LINE:COL takes FROM, FROM+STEP, ... up to TO (STEP default 1); "
                    + "its original value is always one of them. Repeat for more literals")
    List<String> vary;

    @Option(names = "--stat", paramLabel = "STAT", defaultValue = "sharpe",
            description = "the heatmap's and the robustness figure's statistic: sharpe, cagr, calmar, total, maxdd, "
                    + "volatility or turnover (default: ${DEFAULT-VALUE})")
    String stat;

    @Mixin
    ResearchOptions options;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    SweepCommand() {
        this(ResearchEngine.local());
    }

    SweepCommand(ResearchEngine engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Stat chosen = UsageException.checking(() -> Stat.parse(stat));
            List<Vary.Request> requests = new ArrayList<>();
            for (String v : vary) {
                requests.add(UsageException.checking(() -> Vary.Request.parse(v)));
            }
            if (!Files.isRegularFile(file)) {
                err.println("error: cannot read symphony " + file + ": no such file");
                return ExitCodes.INPUT;
            }
            PriceSource prices = options.prices();
            ResearchJob job = UsageException.checking(() -> SweepJobs.plan(file, requests, options.settings(prices),
                    prices));
            return Research.runAndReport(job, engine, options, json.enabled, "sweep",
                    results -> new SweepReport(job, results, chosen), out, err);
        } catch (SymphonyException e) {
            err.println(e.render());
            return ExitCodes.INPUT;
        } catch (AlchemiserException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
