package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.strategy.DecisionStep.Fragility;
import java.util.Optional;

/**
 * When a decision is fragile: the one definition of how close two deciding quantities are.
 *
 * <p>The relative difference of {@code a} and {@code b} is {@code |a - b| / max(|a|, |b|)}: 0 for equal values, 1
 * when one is 0 and the other is not, up to 2 when they have opposite signs; 0 when both are 0. It is symmetric and
 * does not depend on the unit (percent, dollars). A decision is fragile when that difference is below the margin.
 * Near zero a relative difference is large however close the values are absolutely, so a comparison with 0 (or of
 * two indicators that straddle 0) is fragile only when both sides are exactly equal.
 */
final class Closeness {
    private Closeness() {
    }

    /** {@code |a - b| / max(|a|, |b|)}, 0 when both are 0. */
    static double relativeDifference(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    /** The fragility of a decision between {@code a} and {@code b} under {@code margin}, if it is fragile. */
    static Optional<Fragility> fragility(double a, double b, double margin) {
        if (!(margin > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            return Optional.empty();
        }
        double gap = relativeDifference(a, b);
        return gap < margin ? Optional.of(new Fragility(gap, margin)) : Optional.empty();
    }
}
