package io.alchemiser.core.domain.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a strategy's reasoning on one date, for people to read and for the ledger to keep:
 * which branch an {@code if} took, which children a {@code filter} kept, how an inverse-volatility node
 * weighted its children. {@code kind} names the operator ("if", "filter", ...), {@code location} where it
 * stands in the source ({@code file:line:col}), {@code summary} says what happened in a sentence, and
 * {@code values} keeps the numbers behind it (operand values, scores, volatilities), in insertion order.
 */
public record DecisionStep(String kind, String location, String summary, Map<String, Double> values) {
    public DecisionStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(summary, "summary");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
    }

    @Override
    public String toString() {
        return (location.isEmpty() ? "" : location + " ") + kind + ": " + summary;
    }
}
