package io.alchemiser.examples.cli;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.examples.backtest.TerminalProgress;
import io.alchemiser.examples.research.UnitExecutor;
import io.alchemiser.examples.research.UnitResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** What {@code rank} and {@code sweep} share around a job: the progress bar, the timing line, the exit code. */
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
