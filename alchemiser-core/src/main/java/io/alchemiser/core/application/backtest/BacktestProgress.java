package io.alchemiser.core.application.backtest;

/** Told after each simulated day; a terminal shows a progress bar with it. */
@FunctionalInterface
public interface BacktestProgress {
    void day(int done, int total);

    static BacktestProgress none() {
        return (done, total) -> {
        };
    }
}
