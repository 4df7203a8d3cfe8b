package io.alchemiser.examples.backtest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;

/**
 * How a replay of a symphony here compares with the user's Composer backtest of it, day by day.
 *
 * @param run           the replay (same days, the symphony's own rule, the chosen costs)
 * @param composer      Composer's backtest
 * @param tolerance     two allocations match when no weight (cash included) differs by more than this
 * @param compared      the days both have
 * @param matching      the compared days whose allocations match
 * @param notReplayed   Composer's days this replay has no close for (a calendar difference)
 * @param first         the first day that does not match, if any
 * @param worst         the day with the largest difference, if any does not match (the earliest of equals)
 * @param returns       the daily returns compared: their number, correlation, tracking error, and both totals
 * @param differences   each compared day's largest difference of one weight
 */
public record ParityResult(BacktestRun run, ComposerBacktest composer, double tolerance, int compared, int matching,
        List<LocalDate> notReplayed, Optional<Divergence> first, Optional<Divergence> worst, Returns returns,
        NavigableMap<LocalDate, Double> differences) {

    public ParityResult {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(composer, "composer");
        notReplayed = List.copyOf(notReplayed);
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(worst, "worst");
        Objects.requireNonNull(returns, "returns");
        differences = java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(differences));
    }

    /** The share of compared days whose allocations match (NaN when no day is compared). */
    public double matchShare() {
        return compared == 0 ? Double.NaN : (double) matching / compared;
    }

    /**
     * One day whose allocations differ.
     *
     * @param date       the day
     * @param difference the largest difference of one weight (cash included)
     * @param ours       this replay's weights at the close, by symbol and {@link ComposerBacktest#CASH}
     * @param theirs     Composer's
     * @param pathDate   the day whose decision set the holdings: the sleeve's last rebalance on or before
     *                   {@code date}
     * @param path       the decision path of {@code pathDate}, each step with its margin
     * @param decisive   the step with the smallest margin: the condition or ranking most likely to have gone the
     *                   other way on Composer
     */
    public record Divergence(LocalDate date, double difference, Map<String, Double> ours, Map<String, Double> theirs,
            LocalDate pathDate, List<DecisionMargins.MarginStep> path, Optional<DecisionMargins.MarginStep> decisive) {
        public Divergence {
            ours = Map.copyOf(ours);
            theirs = Map.copyOf(theirs);
            path = List.copyOf(path);
        }
    }

    /**
     * The daily returns of both curves over the days both have, in order.
     *
     * @param days           the number of daily returns compared
     * @param correlation    Pearson correlation of the two series (NaN for fewer than two returns or a flat series)
     * @param trackingError  sample standard deviation of (ours − Composer's) × √252
     * @param ourReturn      this replay's total return over those days
     * @param composerReturn Composer's
     * @param composerCapital Composer's value on each compared day
     */
    public record Returns(int days, double correlation, double trackingError, double ourReturn, double composerReturn,
            NavigableMap<LocalDate, Double> composerCapital) {
    }
}
