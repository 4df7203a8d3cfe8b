package io.alchemiser.core.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Target weights by symbol: each finite and in [0, 1], summing to at most 1 (within 1e-9). What is not
 * allocated ({@link #cash()}) is held as cash; an empty map means all cash. Iteration is in symbol order.
 */
public record Weights(Map<Symbol, Double> bySymbol) {
    public static final double TOLERANCE = 1e-9;
    private static final Weights NONE = new Weights(Map.of());

    public Weights {
        Objects.requireNonNull(bySymbol, "weights");
        double sum = 0;
        TreeMap<Symbol, Double> sorted = new TreeMap<>();
        for (Map.Entry<Symbol, Double> e : bySymbol.entrySet()) {
            double w = Objects.requireNonNull(e.getValue(), "weight");
            if (!Double.isFinite(w) || w < 0 || w > 1 + TOLERANCE) {
                throw new IllegalArgumentException("weight of " + e.getKey() + " must be finite and in [0, 1], got " + w);
            }
            if (w > 0) {
                sorted.put(Objects.requireNonNull(e.getKey(), "symbol"), w);
            }
            sum += w;
        }
        if (sum > 1 + TOLERANCE) {
            throw new IllegalArgumentException("weights sum to " + sum + ", more than 1");
        }
        bySymbol = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    public static Weights cashOnly() {
        return NONE;
    }

    public static Weights of(Map<Symbol, Double> weights) {
        return new Weights(weights);
    }

    /** One symbol at 100%. */
    public static Weights single(Symbol symbol) {
        return new Weights(Map.of(symbol, 1.0));
    }

    public double weight(Symbol symbol) {
        return bySymbol.getOrDefault(symbol, 0.0);
    }

    public double total() {
        double sum = 0;
        for (double w : bySymbol.values()) {
            sum += w;
        }
        return sum;
    }

    /** The fraction held as cash: 1 − total, never negative. */
    public double cash() {
        return Math.max(0, 1 - total());
    }

    public boolean isCashOnly() {
        return bySymbol.isEmpty();
    }

    @Override
    public String toString() {
        return bySymbol.toString();
    }
}
