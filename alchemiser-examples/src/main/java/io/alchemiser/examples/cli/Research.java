package io.alchemiser.examples.cli;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.examples.backtest.TerminalProgress;
import io.alchemiser.examples.research.OutputSink;
import io.alchemiser.examples.research.ResearchEngine;
import io.alchemiser.examples.research.ResearchJob;
import io.alchemiser.examples.research.ResearchReport;
import io.alchemiser.examples.research.UnitExecutor;
import io.alchemiser.examples.research.UnitResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What {@code rank} and {@code sweep} share around a job: running it, its report, the timing line, the exit code. */
final class Research {
    private Research() {
    }

    /** A progress bar of backtests on a terminal; nothing for a file or a pipe. */
    static BacktestProgress progress(PrintWriter err, String label) {
        return System.console() != null ? new TerminalProgress(err, label, "backtests") : BacktestProgress.none();
    }

    /** {@code 62 backtests in 14.2 s on 2 threads on this machine: 4.4 backtests/s}. */
    static String timing(int units, long nanos, UnitExecutor executor) {
        double seconds = nanos / 1e9;
        return String.format(Locale.ROOT, "%d backtest%s in %.1f s on %s: %.1f backtests/s", units,
                units == 1 ? "" : "s", seconds, executor.describe(), units / Math.max(seconds, 1e-9));
    }

    /**
     * Runs {@code job} on {@code engine} with a progress bar labelled {@code label}, prints its report ({@code json}
     * or text) on {@code out}, writes the report's files and the results to {@code --out} when given, and prints
     * where they went and the timing line (on {@code err} with {@code --json}, which keeps {@code out} one document).
     *
     * @return the exit code of {@link #exitCode}
     */
    static int runAndReport(ResearchJob job, ResearchEngine engine, ResearchOptions options, boolean json,
            String label, Function<List<UnitResult>, ResearchReport> reportOf, PrintWriter out, PrintWriter err) {
        UnitExecutor executor = engine.executor(options.jobs());
        long start = System.nanoTime();
        List<UnitResult> results = executor.run(job, progress(err, label));
        long nanos = System.nanoTime() - start;
        ResearchReport report = reportOf.apply(results);
        out.print(json ? report.json() : report.text());
        PrintWriter notes = json ? err : out;
        if (options.out != null) {
            OutputSink sink = engine.output(options.out);
            report.writeTo(sink);
            sink.results(job, results);
            String stem = report.files().get(0).replaceFirst("\\.[^.]*$", "");
            notes.println(stem + ": " + sink.locate(stem + ".{txt,csv,json,html}"));
        }
        notes.println(timing(results.size(), nanos, executor));
        return exitCode(results, err);
    }

    /**
     * 0, or {@link ExitCodes#INTERNAL} after naming them when some unit hit an internal error (a bug: its row says
     * which exception, the job's other results stand).
     */
    static int exitCode(List<UnitResult> results, PrintWriter err) {
        long bugs = results.stream().filter(r -> r.failure() == UnitResult.Failure.BUG).count();
        if (bugs == 0) {
            return ExitCodes.OK;
        }
        err.println("error: " + bugs + " backtest" + (bugs == 1 ? "" : "s")
                + " hit an internal error, a bug in Alchemiser (listed as 'internal error' above); please report it");
        return ExitCodes.INTERNAL;
    }
}
