package io.alchemiser.examples.backtest;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.examples.format.Format;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar for a terminal, redrawn in place with a carriage return each time the whole percentage
 * changes, and ended with a line break when the last step is done: {@code backtest [########............]  40%
 * 1,008/2,520 days}. Use it only when a terminal is attached; for a file or a pipe, use
 * {@link BacktestProgress#none()}. Not thread-safe: callers on several threads tell it one at a time.
 */
public final class TerminalProgress implements BacktestProgress {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final String label;
    private final String unit;
    private int lastPercent = -1;

    /** A bar for the days of one backtest: {@code backtest [...] 40%  1,008/2,520 days}. */
    public TerminalProgress(PrintWriter out) {
        this(out, "backtest", "days");
    }

    /** A bar labelled {@code label} counting {@code unit}: {@code rank [...] 40%  24/60 backtests}. */
    public TerminalProgress(PrintWriter out, String label, String unit) {
        this.out = out;
        this.label = label;
        this.unit = unit;
    }

    @Override
    public void day(int done, int total) {
        int percent = total <= 0 ? 100 : (int) (100L * done / total);
        if (percent == lastPercent && done != total) {
            return;
        }
        lastPercent = percent;
        int filled = WIDTH * percent / 100;
        out.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%%  %s/%s %s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), percent, Format.count(done), Format.count(total), unit));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
