package io.alchemiser.examples.cli;

import io.alchemiser.core.port.AlchemiserException;
import io.alchemiser.examples.research.Leaderboard;
import io.alchemiser.examples.research.PriceSource;
import io.alchemiser.examples.research.RankJobs;
import io.alchemiser.examples.research.ResearchEngine;
import io.alchemiser.examples.research.ResearchJob;
import io.alchemiser.examples.research.Stat;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rank DIR_OR_FILES... --data DIR [--from D] [--to D] [--oos-from D] [--costs composer] [--jobs N]}:
 * backtests every symphony by its own rule, in parallel, and ranks them.
 */
@Command(name = "rank", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtest every symphony named (folders: every .clj file under them), each by its own "
                + ":rebalance-frequency or :rebalance-threshold, on every core, and print a leaderboard of in-sample and "
                + "out-of-sample statistics (CAGR, max drawdown, Sharpe, Calmar, turnover, days), best first. A "
                + "symphony that fails (does not compile, missing data, too little history) is listed with its reason.",
                "With --oos-from, days before it are in-sample and days from it on out-of-sample, and the ranking reads "
                        + "the out-of-sample statistic. --out DIR writes leaderboard.txt, .csv, .json and a sortable "
                        + ".html. The price table is read once and shared by every backtest."},
        footer = {"%nExamples:",
                "  rank ../shared/strategies --data ../shared/prices --from 2020-01-02 --oos-from 2024-01-02",
                "  rank a.clj b.clj c.clj --data lake --costs composer --by calmar --out ranked/",
                "%nExit codes: 0 when the leaderboard was made (whatever failed in it), 1 bad input, 2 usage, "
                        + "70 when a backtest hit an internal error (listed; a bug in Alchemiser).",
                "See docs/research.md."})
final class RankCommand implements Callable<Integer> {
    private final ResearchEngine engine;

    @Parameters(arity = "1..*", paramLabel = "DIR_OR_FILE", description = ".clj symphony exports, or folders of them")
    List<Path> paths;

    @Mixin
    ResearchOptions options;

    @Option(names = "--by", paramLabel = "STAT", defaultValue = "sharpe",
            description = "rank by sharpe, cagr, calmar, total, maxdd, volatility or turnover (default: ${DEFAULT-VALUE})")
    String by;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    RankCommand() {
        this(ResearchEngine.local());
    }

    RankCommand(ResearchEngine engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Stat stat = UsageException.checking(() -> Stat.parse(by));
            List<Path> files = UsageException.checking(() -> RankJobs.files(paths));
            PriceSource prices = options.prices();
            ResearchJob job = UsageException.checking(() -> RankJobs.plan(files, options.settings(prices), prices));
            return Research.runAndReport(job, engine, options, json.enabled, "rank",
                    results -> new Leaderboard(job, results, stat), out, err);
        } catch (AlchemiserException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
