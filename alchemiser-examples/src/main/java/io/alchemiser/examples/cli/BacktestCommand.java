package io.alchemiser.examples.cli;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.core.application.backtest.BacktestSettings;
import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.AlchemiserException;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import io.alchemiser.dsl.eval.EvaluationException;
import io.alchemiser.dsl.eval.HistoryStart;
import io.alchemiser.dsl.eval.SymphonyEvaluator;
import io.alchemiser.dsl.read.SymphonyException;
import io.alchemiser.examples.backtest.BacktestCsv;
import io.alchemiser.examples.backtest.BacktestJson;
import io.alchemiser.examples.backtest.BacktestReport;
import io.alchemiser.examples.backtest.BacktestRun;
import io.alchemiser.examples.backtest.BacktestSummary;
import io.alchemiser.examples.backtest.SymphonyBacktest;
import io.alchemiser.examples.backtest.TerminalProgress;
import io.alchemiser.examples.format.Format;
import io.alchemiser.examples.research.JobSettings;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * {@code backtest FILE... --data DIR [--weights W,...] [--from DATE] [--to DATE] [--json] [--report FILE.html]
 * [--csv DIR]}: replays symphonies day by day over history and reports how they would have done.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay one symphony, or several allocated by --weights, day by day over history: at each "
                + "close each symphony's sleeve rebalances or drifts by its own :rebalance-frequency or "
                + ":rebalance-threshold, the sleeves' trades are netted in one account, and the holdings earn the "
                + "returns to the next close. Prints the statistics of the strategy and the benchmark side by side.",
                "Without --from the backtest starts on the first date every indicator has enough history, and says "
                        + "which symbol and indicator set it; with --from, a symphony whose history starts later holds "
                        + "cash until it can evaluate. A window from D1 to D2 earns the returns from D1's close to "
                        + "D2's close. DIR is a folder of SYMBOL.csv files or a Parquet data lake. With --json, one JSON "
                        + "object (settings, history start, statistics, daily weights) instead of the text summary."},
        footer = {"%nExamples:",
                "  backtest nova.clj --data ../shared/prices --report nova.html",
                "  backtest a.clj b.clj --weights 0.6,0.4 --data lake --cost-bps 1 --json",
                "  backtest nova.clj --data lake --from 2016-01-04 --rebalance threshold:0.05",
                "  backtest nova.clj --data lake --costs composer",
                "%nSee docs/backtest.md for the sleeves, the statistics conventions and the fee tables."})
final class BacktestCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = ".clj symphony exports")
    List<Path> files;

    @Option(names = "--weights", paramLabel = "W,...",
            description = "allocation of each FILE, in order, summing to 1 (e.g. 0.4,0.35,0.25); default: equal")
    String weights;

    @Mixin
    DataOption data;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day (default: the history start)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day (default: the benchmark's last bar)")
    LocalDate to;

    @Option(names = "--benchmark", paramLabel = "SYMBOL", defaultValue = "SPY",
            description = "bought and held for comparison; its trading days are the calendar (default: ${DEFAULT-VALUE})")
    String benchmark;

    @Option(names = "--rebalance", paramLabel = "RULE",
            description = "trade the whole portfolio as one by RULE, re-applying --weights at each rebalance: daily, "
                    + "weekly, monthly, quarterly, yearly, none, or threshold:F to trade when a holding's weight "
                    + "drifts more than F (e.g. 0.05) from target. Default: each symphony its own "
                    + ":rebalance-frequency or :rebalance-threshold, in a sleeve of its own")
    String rebalance;

    @Option(names = "--anchor", paramLabel = "DAY", defaultValue = "first",
            description = "the trading day of each week, month, quarter or year on which weekly ... yearly rules "
                    + "trade: first or last (default: ${DEFAULT-VALUE})")
    String anchor;

    @Mixin
    CostsOption costs;

    @Option(names = "--cost-bps", paramLabel = "BPS",
            description = "cost per trade, basis points of the dollars traded (default: 0); not with --costs")
    Double costBps;

    @Option(names = "--slippage-bps", paramLabel = "BPS",
            description = "slippage, basis points of the dollars traded (default: 0)")
    Double slippageBps;

    @Option(names = "--capital", paramLabel = "DOLLARS", defaultValue = "10000",
            description = "start capital (default: ${DEFAULT-VALUE})")
    double capital;

    @Option(names = "--risk-free", paramLabel = "RATE", defaultValue = "0",
            description = "annual risk-free rate for Sharpe and Sortino, a fraction: 0.02 = 2%% (default: ${DEFAULT-VALUE})")
    double riskFree;

    @Mixin
    JsonOption json;

    @Option(names = "--report", paramLabel = "FILE.html", description = "write a self-contained HTML report")
    Path report;

    @Option(names = "--csv", paramLabel = "DIR", description = "write equity.csv, weights.csv, trades.csv, stats.csv")
    Path csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return backtest(out, err);
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

    private int backtest(PrintWriter out, PrintWriter err) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println("error: cannot read symphony " + file + ": no such file");
                return ExitCodes.INPUT;
            }
        }
        List<Double> allocation = weights(weights, files.size());
        List<Symphony> symphonies = compileAll(err);
        if (symphonies == null) {
            return ExitCodes.INPUT;
        }
        SymphonyBacktest.RuleChoice rule = rebalance == null ? SymphonyBacktest.defaultRule(symphonies)
                : new SymphonyBacktest.RuleChoice(UsageException.checking(() -> SymphonyBacktest.parseRule(rebalance)),
                        "--rebalance");
        Symbol bench = UsageException.checking(() -> Symbol.of(benchmark));
        PriceHistory marketData = data.open(to); // the backtest's session ends at --to: later bars are never read
        LocalDate end = to != null ? to : UsageException.checking(() -> SymphonyBacktest.lastBenchmarkDate(marketData,
                bench, LocalDate.now(Scheduler.MARKET_ZONE)));
        BacktestSettings settings = costs(UsageException.checking(() -> new BacktestSettings(from, end, capital, 0, 0,
                bench, riskFree, rule.rule())).withAnchor(anchor(anchor)));
        BacktestProgress progress = System.console() != null ? new TerminalProgress(err) : BacktestProgress.none();
        BacktestRun run;
        try {
            run = SymphonyBacktest.run(symphonies, allocation, marketData, settings, rule.source(), progress);
        } catch (EvaluationException e) {
            err.println(e.render());
            if (from != null && e.reason() == EvaluationException.Reason.INSUFFICIENT_HISTORY) {
                hintHistoryStart(symphonies, marketData, end, err);
            }
            return ExitCodes.INPUT;
        }
        PrintWriter notes = json.enabled ? err : out;
        out.print(json.enabled ? BacktestJson.render(run) : BacktestSummary.render(run));
        if (report != null) {
            BacktestReport.write(run, report);
            notes.println("report: " + report);
        }
        if (csv != null) {
            BacktestCsv.write(run, csv);
            notes.println("csv: " + csv + " (" + String.join(", ", BacktestCsv.FILES) + ")");
        }
        return ExitCodes.OK;
    }

    /**
     * The settings with the costs asked for: a {@code --costs} preset, or {@code --cost-bps} and
     * {@code --slippage-bps}.
     *
     * @throws UsageException for an unknown preset, a preset given with basis points, or basis points out of range
     */
    private BacktestSettings costs(BacktestSettings s) {
        if (costs.preset == null) {
            return UsageException.checking(() -> new BacktestSettings(s.from(), s.to(), s.startCapital(),
                    costBps == null ? 0 : costBps, slippageBps == null ? 0 : slippageBps, s.benchmark(), s.riskFreeRate(),
                    s.rule(), s.fees(), s.anchor()));
        }
        JobSettings.Costs preset = costs.orNone();
        if (costBps != null || slippageBps != null) {
            throw new UsageException("--costs " + costs.preset + " sets the costs itself; leave out --cost-bps and "
                    + "--slippage-bps, or leave out --costs");
        }
        return preset == JobSettings.Costs.COMPOSER ? s.withComposerCosts() : s;
    }

    /** {@code first} or {@code last}. @throws UsageException for anything else */
    static RebalanceAnchor anchor(String text) {
        switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "first":
                return RebalanceAnchor.FIRST_TRADING_DAY;
            case "last":
                return RebalanceAnchor.LAST_TRADING_DAY;
            default:
                throw new UsageException("--anchor " + text + ": expected first or last (trading day of "
                        + "each week, month, quarter or year)");
        }
    }

    /** Every symphony compiled, or {@code null} after printing every file's diagnostics. */
    private List<Symphony> compileAll(PrintWriter err) {
        List<Symphony> out = new ArrayList<>();
        boolean failed = false;
        for (Path file : files) {
            try {
                out.add(Symphonies.compile(file));
            } catch (SymphonyException e) {
                err.println(e.render());
                failed = true;
            }
        }
        return failed ? null : out;
    }

    /** After a too-early --from: the date the history allows, per symphony, found without failing again. */
    private static void hintHistoryStart(List<Symphony> symphonies, PriceHistory history, LocalDate end,
            PrintWriter err) {
        EvaluationSession session = EvaluationSession.open(history, end);
        for (Symphony s : symphonies) {
            try {
                HistoryStart start = SymphonyEvaluator.historyStart(s, session);
                err.println("hint: " + s.position().file() + " can start on " + start.date() + " (" + start.requirement()
                        + "); leave out --from to start there");
            } catch (SymphonyException e) {
                err.println("hint: " + s.position().file() + " has no start date in this data: " + e.getMessage());
            }
        }
    }

    /**
     * The allocation of each file: {@code text} parsed as comma-separated fractions, or equal when absent.
     *
     * @throws UsageException if a value is no number or negative, the count differs from the files', or the sum is
     *                        not 1
     */
    static List<Double> weights(String text, int files) {
        List<Double> out = new ArrayList<>();
        if (text == null) {
            for (int i = 0; i < files; i++) {
                out.add(1.0 / files);
            }
            return out;
        }
        for (String part : text.split(",", -1)) {
            double w;
            try {
                w = Double.parseDouble(part.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--weights " + text + ": '" + part.trim() + "' is not a number");
            }
            if (!Double.isFinite(w) || w < 0) {
                throw new UsageException("--weights " + text + ": each weight is a fraction of at least 0");
            }
            out.add(w);
        }
        if (out.size() != files) {
            throw new UsageException("--weights " + text + " gives " + out.size() + " weight"
                    + (out.size() == 1 ? "" : "s") + " for " + files + " file" + (files == 1 ? "" : "s")
                    + ": give one per FILE, in order");
        }
        double sum = out.stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1) > 1e-6) {
            throw new UsageException("--weights " + text + " sums to " + Format.plain(sum, 6)
                    + "; the weights must sum to 1");
        }
        return out;
    }
}
