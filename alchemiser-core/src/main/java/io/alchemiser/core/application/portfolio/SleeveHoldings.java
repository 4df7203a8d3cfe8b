package io.alchemiser.core.application.portfolio;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one sleeve holds, valued at today's prices: dollars per symbol and the sleeve's cash. A backtest keeps its
 * sleeves in dollars; the daily run derives them from shares ({@link #ofShares}). The values serve only to weigh the
 * holdings against each other and against the target, so {@code double} is precise enough.
 *
 * @param values dollars per symbol, each finite and not negative (a zero value is not a holding)
 * @param cash   the sleeve's cash, finite
 */
public record SleeveHoldings(Map<Symbol, Double> values, double cash) {
    private static final SleeveHoldings NOTHING = new SleeveHoldings(Map.of(), 0);

    public SleeveHoldings {
        TreeMap<Symbol, Double> copy = new TreeMap<>();
        for (Map.Entry<Symbol, Double> e : values.entrySet()) {
            double v = Objects.requireNonNull(e.getValue(), "value");
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("sleeve value of " + e.getKey() + " must be finite and not negative, got " + v);
            }
            copy.put(Objects.requireNonNull(e.getKey(), "symbol"), v);
        }
        if (!Double.isFinite(cash)) {
            throw new IllegalArgumentException("sleeve cash must be finite, got " + cash);
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** A sleeve that holds nothing yet. */
    public static SleeveHoldings none() {
        return NOTHING;
    }

    /**
     * Holdings from shares: each symbol's value is shares × price.
     *
     * @throws IllegalArgumentException if a held symbol has no price, or a quantity or price is negative
     */
    public static SleeveHoldings ofShares(Map<Symbol, BigDecimal> shares, Map<Symbol, BigDecimal> prices, BigDecimal cash) {
        TreeMap<Symbol, Double> values = new TreeMap<>();
        for (Map.Entry<Symbol, BigDecimal> e : shares.entrySet()) {
            if (e.getValue().signum() == 0) {
                continue;
            }
            BigDecimal price = prices.get(e.getKey());
            if (price == null) {
                throw new IllegalArgumentException("no price for " + e.getKey() + ": cannot value the sleeve's holding");
            }
            if (e.getValue().signum() < 0 || price.signum() <= 0) {
                throw new IllegalArgumentException(e.getKey() + ": shares and price must be positive, got "
                        + e.getValue() + " at " + price);
            }
            values.put(e.getKey(), e.getValue().multiply(price).doubleValue());
        }
        return new SleeveHoldings(values, cash.doubleValue());
    }

    /** Cash plus every value. */
    public double total() {
        double sum = cash;
        for (double v : values.values()) {
            sum += v;
        }
        return sum;
    }

    /** The symbols held with a positive value. */
    public java.util.Set<Symbol> held() {
        java.util.Set<Symbol> out = new java.util.TreeSet<>();
        values.forEach((s, v) -> {
            if (v > 0) {
                out.add(s);
            }
        });
        return out;
    }

    /**
     * Each holding's share of {@link #total()}; all cash when the total is not positive. Shares that floating
     * arithmetic pushes past 1 in sum are scaled back.
     */
    public Weights weights() {
        double total = total();
        Map<Symbol, Double> w = new TreeMap<>();
        if (total > 0) {
            values.forEach((s, v) -> w.put(s, Math.min(1.0, v / total)));
        }
        double sum = w.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 1) {
            w.replaceAll((s, x) -> x / sum);
        }
        return new Weights(w);
    }
}
