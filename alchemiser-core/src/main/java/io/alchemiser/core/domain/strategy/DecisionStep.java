package io.alchemiser.core.domain.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a strategy's reasoning on one date, for people to read and for the ledger to keep:
 * which branch an {@code if} took, which children a {@code filter} kept, how an inverse-volatility node
 * weighted its children. {@code kind} names the operator ("if", "filter", ...), {@code location} where it
 * stands in the source ({@code file:line:col}), {@code summary} says what happened in a sentence, and
 * {@code values} keeps the numbers behind it (operand values, scores, volatilities), in insertion order.
 * {@code fragility} is present when the decision was close enough that a small move of its inputs (a live
 * price a little different from the close) could have gone the other way.
 */
public record DecisionStep(String kind, String location, String summary, Map<String, Double> values,
        Optional<Fragility> fragility) {

    public DecisionStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(summary, "summary");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
        Objects.requireNonNull(fragility, "fragility");
    }

    /** A step that is not fragile (or whose fragility was not assessed). */
    public DecisionStep(String kind, String location, String summary, Map<String, Double> values) {
        this(kind, location, summary, values, Optional.empty());
    }

    /** Whether the decision was fragile. */
    public boolean isFragile() {
        return fragility.isPresent();
    }

    /**
     * {@code file:line:col kind: summary} ({@code kind: summary} without a location), then
     * {@code [FRAGILE: 0.21% apart, margin 0.5%]} when fragile.
     */
    @Override
    public String toString() {
        return (location.isEmpty() ? "" : location + " ") + kind + ": " + summary
                + fragility.map(f -> " [" + f + "]").orElse("");
    }

    /**
     * How close a fragile decision was: the two quantities that decided it (a condition's two sides, or a filter's
     * last kept and first dropped score) were {@code gap} apart, relatively, which is less than the {@code margin}
     * the evaluation was asked to flag. Both are fractions (0.005 = 0.5%); how the gap is measured is the
     * strategy's to define and document.
     */
    public record Fragility(double gap, double margin) {
        public Fragility {
            if (!(gap >= 0) || !Double.isFinite(gap)) {
                throw new IllegalArgumentException("a fragile decision's gap is finite and >= 0, got " + gap);
            }
            if (!(margin > 0) || !Double.isFinite(margin)) {
                throw new IllegalArgumentException("a fragility margin is finite and > 0, got " + margin);
            }
            if (!(gap < margin)) {
                throw new IllegalArgumentException("a fragile decision's gap " + gap + " is below its margin " + margin);
            }
        }

        /** {@code FRAGILE: 0.21% apart, margin 0.5%}. */
        @Override
        public String toString() {
            return "FRAGILE: " + percent(gap) + " apart, margin " + percent(margin);
        }

        private static String percent(double fraction) {
            BigDecimal value = BigDecimal.valueOf(fraction * 100).setScale(4, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros();
            return (value.signum() == 0 ? "0" : value.toPlainString()) + "%";
        }
    }
}
