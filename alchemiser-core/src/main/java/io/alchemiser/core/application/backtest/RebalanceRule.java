package io.alchemiser.core.application.backtest;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Objects;

/**
 * When a backtest trades back to target: on a calendar schedule, or when the portfolio drifts too far.
 *
 * <p>Schedule: the first trading day of the run, then the first trading day of each new period (ISO week,
 * month, quarter, year); {@code DAILY} trades every day; {@code NONE} only on the first day.
 *
 * <p>Threshold (the drift rule): the strategy is evaluated at every close; the portfolio trades back to target
 * when, for some symbol, |current weight − target weight| &gt; {@code threshold}, in absolute weight (0.05 = five
 * percentage points). A change of target (a branch switching assets) is such a drift.
 */
public record RebalanceRule(Frequency frequency, double threshold) {

    /** Calendar schedules. */
    public enum Frequency {
        DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY, NONE
    }

    public RebalanceRule {
        Objects.requireNonNull(frequency, "frequency");
        if (!Double.isNaN(threshold) && !(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("rebalance threshold must be a fraction in (0, 1), got " + threshold);
        }
    }

    public static RebalanceRule every(Frequency frequency) {
        return new RebalanceRule(frequency, Double.NaN);
    }

    public static RebalanceRule daily() {
        return every(Frequency.DAILY);
    }

    /** Trade when some symbol drifts more than {@code threshold} (absolute weight) from target. */
    public static RebalanceRule drift(double threshold) {
        return new RebalanceRule(Frequency.NONE, threshold);
    }

    public boolean isThreshold() {
        return !Double.isNaN(threshold);
    }

    /** Whether the strategy must be evaluated at this close (every day unless on a calendar schedule). */
    boolean evaluatesOn(LocalDate previous, LocalDate date) {
        return previous == null || isThreshold() || startsPeriod(previous, date);
    }

    /** Whether {@code date} starts a new scheduled period after {@code previous}. */
    boolean startsPeriod(LocalDate previous, LocalDate date) {
        switch (frequency) {
            case DAILY:
                return true;
            case WEEKLY:
                return date.get(IsoFields.WEEK_BASED_YEAR) != previous.get(IsoFields.WEEK_BASED_YEAR)
                        || date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != previous.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTHLY:
                return date.getMonthValue() != previous.getMonthValue() || date.getYear() != previous.getYear();
            case QUARTERLY:
                return date.get(IsoFields.QUARTER_OF_YEAR) != previous.get(IsoFields.QUARTER_OF_YEAR)
                        || date.getYear() != previous.getYear();
            case YEARLY:
                return date.getYear() != previous.getYear();
            default:
                return false;
        }
    }

    @Override
    public String toString() {
        return isThreshold() ? "drift > " + threshold : frequency.name().toLowerCase(java.util.Locale.ROOT);
    }
}
