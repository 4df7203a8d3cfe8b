package io.alchemiser.examples.backtest;

import io.alchemiser.core.application.backtest.BacktestResult;
import io.alchemiser.core.application.backtest.BacktestSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A backtest of symphony files as it was asked and what it produced: what the summary, the HTML report, the CSV
 * files and the JSON present.
 *
 * @param symphonies   the symphonies in the order given, with their files and allocation weights
 * @param settings     the engine settings as run ({@code from} is {@code null} when the history start chose it)
 * @param ruleSource   where the rebalance rule came from, for people: {@code "--rebalance"}, {@code "the
 *                     symphony's :rebalance-frequency"}, ...
 * @param result       the engine's result
 * @param elapsedNanos wall time of the whole backtest (loading, evaluation and simulation)
 */
public record BacktestRun(List<Entry> symphonies, BacktestSettings settings, String ruleSource, BacktestResult result,
        long elapsedNanos) {

    /**
     * One symphony of the run.
     *
     * @param file   the file as the user named it
     * @param name   the strategy name (the symphony's name, made unique among the run's symphonies)
     * @param weight the fraction of the portfolio allocated to it
     */
    public record Entry(String file, String name, double weight) {
        public Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(name, "name");
        }
    }

    public BacktestRun {
        symphonies = List.copyOf(symphonies);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(ruleSource, "ruleSource");
        Objects.requireNonNull(result, "result");
        if (symphonies.isEmpty()) {
            throw new IllegalArgumentException("a backtest runs at least one symphony");
        }
        if (result.dates().isEmpty()) {
            throw new IllegalArgumentException("a backtest result has at least one day");
        }
    }

    /** The first simulated trading day. */
    public LocalDate firstDate() {
        return result.dates().get(0);
    }

    /** The last simulated trading day. */
    public LocalDate lastDate() {
        return result.dates().get(result.dates().size() - 1);
    }

    /** Trading days simulated (each one evaluated or held). */
    public int days() {
        return result.dates().size();
    }

    /** Simulated trading days per second of wall time. */
    public double daysPerSecond() {
        return elapsedNanos <= 0 ? Double.NaN : days() / (elapsedNanos / 1e9);
    }

    /** The history-start note: the date and what set it, or empty text when the caller chose the start. */
    public String historyStartNote() {
        return result.historyStart().map(h -> h.date() + ", set by " + h.setBy()).orElse("");
    }
}
