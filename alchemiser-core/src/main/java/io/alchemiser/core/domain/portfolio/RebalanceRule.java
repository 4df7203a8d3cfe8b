package io.alchemiser.core.domain.portfolio;

import java.util.Locale;
import java.util.Objects;

/**
 * When a sleeve (one strategy's share of an account) trades back to its target: Composer's
 * {@code :rebalance-frequency} or {@code :rebalance-threshold}.
 *
 * <ul>
 *   <li><b>Calendar</b> ({@link #every}): {@code DAILY} trades to target at every close; {@code WEEKLY},
 *       {@code MONTHLY}, {@code QUARTERLY} and {@code YEARLY} trade on one trading day of each period (which day is
 *       the anchor, a setting of the service that applies the rule) and let the holdings drift in between;
 *       {@code NONE} buys the target on the sleeve's first day and then only drifts.</li>
 *   <li><b>Corridor</b> ({@link #corridor}): a band of {@code threshold} in absolute weight around each target
 *       weight (0.05 = five percentage points, so a 20% target may drift within 15%..25%). When any holding leaves
 *       its band ({@code |held − target| > threshold}), every holding goes back to target; when the target's set of
 *       symbols changes (a branch switch, a new filter pick), the sleeve rebalances fully whatever the band says.</li>
 * </ul>
 * Immutable; {@code threshold} is {@code NaN} for a calendar rule.
 */
public record RebalanceRule(Frequency frequency, double threshold) {
    private static final RebalanceRule DAILY = new RebalanceRule(Frequency.DAILY, Double.NaN);

    /** Calendar schedules, as Composer names them. */
    public enum Frequency {
        DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY, NONE;

        /** {@code daily}, {@code weekly}, ...: the keyword as Composer writes it, without the colon. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @throws IllegalArgumentException if a threshold is given that is not a fraction in (0, 1) */
    public RebalanceRule {
        Objects.requireNonNull(frequency, "frequency");
        if (!Double.isNaN(threshold) && !(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("rebalance threshold must be a fraction in (0, 1), got " + threshold);
        }
        if (!Double.isNaN(threshold) && frequency != Frequency.NONE) {
            throw new IllegalArgumentException("a corridor rule has no calendar frequency, got " + frequency);
        }
    }

    /** A calendar rule. */
    public static RebalanceRule every(Frequency frequency) {
        return frequency == Frequency.DAILY ? DAILY : new RebalanceRule(frequency, Double.NaN);
    }

    /** Trade to target at every close: what a strategy without a rule of its own does. */
    public static RebalanceRule daily() {
        return DAILY;
    }

    /** Trade back to target when a holding drifts more than {@code threshold} (absolute weight) from its target. */
    public static RebalanceRule corridor(double threshold) {
        return new RebalanceRule(Frequency.NONE, threshold);
    }

    /** Same as {@link #corridor}: the name the backtest's {@code threshold:F} option has always used. */
    public static RebalanceRule drift(double threshold) {
        return corridor(threshold);
    }

    /** Whether this is a corridor ({@code :rebalance-threshold}) rule. */
    public boolean isThreshold() {
        return !Double.isNaN(threshold);
    }

    /** {@code daily}, {@code monthly}, ... or {@code threshold:0.05}: the text the backtest command accepts. */
    public String keyword() {
        return isThreshold() ? "threshold:" + threshold : frequency.keyword();
    }

    @Override
    public String toString() {
        return keyword();
    }
}
