package io.alchemiser.s3;

import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Prints progress for people. On an interactive terminal it redraws one line in place with {@code \r}:
 * {@code refresh [##########..........]  512/1146  44%  SPY}; failures are printed above it as they happen. When
 * the output is not a terminal (CI logs, pipes) it prints one plain line per symbol instead, so a log shows what
 * happened to each. Both end with the report's summary.
 */
public final class TerminalProgress implements ProgressListener {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean interactive;
    private String task = "";
    private int lastLineLength;

    /**
     * @param out where to print
     * @param interactive whether {@code out} is a terminal that honours {@code \r}
     */
    public TerminalProgress(PrintStream out, boolean interactive) {
        this.out = Objects.requireNonNull(out, "out");
        this.interactive = interactive;
    }

    /** Progress on standard error, redrawn in place when the JVM has a console. */
    public static TerminalProgress onStandardError() {
        return new TerminalProgress(System.err, System.console() != null);
    }

    @Override
    public void started(String task, int total) {
        this.task = task;
        if (interactive) {
            redraw(bar(0, total) + "  starting");
        } else {
            out.println(task + ": " + total + " symbols");
        }
    }

    @Override
    public void advanced(SymbolOutcome outcome, int done, int total) {
        if (interactive) {
            if (outcome.status() == SymbolOutcome.Status.FAILED) {
                clearLine();
                out.println(outcome);
            }
            redraw(bar(done, total) + "  " + outcome.symbol());
        } else {
            out.println(String.format(Locale.ROOT, "%s [%" + digits(total) + "d/%d] %s", task, done, total, outcome));
        }
    }

    @Override
    public void finished(RefreshReport report) {
        if (interactive) {
            clearLine();
        }
        out.println(task + ": " + report.summary());
        out.flush();
    }

    private String bar(int done, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        return String.format(Locale.ROOT, "%s [%s%s] %" + digits(total) + "d/%d %3d%%", task, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, percent);
    }

    private void redraw(String line) {
        String padding = " ".repeat(Math.max(0, lastLineLength - line.length()));
        out.print("\r" + line + padding);
        out.flush();
        lastLineLength = line.length();
    }

    private void clearLine() {
        out.print("\r" + " ".repeat(lastLineLength) + "\r");
        lastLineLength = 0;
    }

    private static int digits(int n) {
        return Integer.toString(Math.max(n, 1)).length();
    }
}
