package io.alchemiser.examples.backtest;

import io.alchemiser.core.application.backtest.BacktestProgress;
import io.alchemiser.examples.format.Format;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar for a terminal, redrawn in place with a carriage return each time the whole percentage
 * changes, and ended with a line break when the last day is done: {@code [########............]  40%  1,008/2,520
 * days}. Use it only when a terminal is attached; for a file or a pipe, use {@link BacktestProgress#none()}.
 */
public final class TerminalProgress implements BacktestProgress {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private int lastPercent = -1;

    public TerminalProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void day(int done, int total) {
        int percent = total <= 0 ? 100 : (int) (100L * done / total);
        if (percent == lastPercent && done != total) {
            return;
        }
        lastPercent = percent;
        int filled = WIDTH * percent / 100;
        out.print(String.format(Locale.ROOT, "\rbacktest [%s%s] %3d%%  %s/%s days", "#".repeat(filled),
                ".".repeat(WIDTH - filled), percent, Format.count(done), Format.count(total)));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
