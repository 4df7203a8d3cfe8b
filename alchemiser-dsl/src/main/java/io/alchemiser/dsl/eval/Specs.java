package io.alchemiser.dsl.eval;

import io.alchemiser.dsl.indicator.IndicatorKind;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import io.alchemiser.dsl.read.SourcePosition;

/** The indicator a weighting reads that the tree does not spell out: inverse volatility's stdev-return. */
final class Specs {
    private Specs() {
    }

    /** The volatility {@code weight-inverse-volatility N} weights by: stdev-return over N days. */
    static IndicatorSpec volatility(int window, SourcePosition position) {
        try {
            return IndicatorSpec.of(IndicatorKind.STDEV_RETURN, window);
        } catch (IllegalArgumentException e) {
            throw new EvaluationException(EvaluationException.Reason.INVALID, position, null,
                    "weight-inverse-volatility " + window + " cannot weigh by volatility: " + e.getMessage(), e);
        }
    }
}
