package io.alchemiser.core.application.portfolio;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.StrategyAllocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges strategies into one portfolio: each symbol's weight is the sum over strategies of
 * allocation × the strategy's weight for it, and every contribution is kept as attribution.
 *
 * <p>Allocations must be finite, non-negative and sum to 1 within {@value #ALLOCATION_TOLERANCE}; they are then
 * normalised to sum to exactly 1, so the merged weights sum to the allocated fraction within 1e-9. Cash a
 * strategy holds stays cash in the merged portfolio.
 */
public final class PortfolioMerger {
    public static final double ALLOCATION_TOLERANCE = 1e-6;

    /** @throws IllegalArgumentException naming the offending strategy or the sum */
    public MergedPortfolio merge(List<StrategyAllocation> allocations) {
        Map<String, Double> byName = new LinkedHashMap<>();
        for (StrategyAllocation a : allocations) {
            if (byName.put(a.strategy(), a.allocation()) != null) {
                throw new IllegalArgumentException("strategy '" + a.strategy() + "' appears twice");
            }
        }
        double sum = checkAllocations(byName);
        Map<Symbol, Double> merged = new TreeMap<>();
        Map<Symbol, Map<String, Double>> attribution = new TreeMap<>();
        for (StrategyAllocation a : allocations) {
            double share = a.allocation() / sum;
            for (Map.Entry<Symbol, Double> e : a.weights().bySymbol().entrySet()) {
                double part = share * e.getValue();
                if (part <= 0) {
                    continue;
                }
                merged.merge(e.getKey(), part, Double::sum);
                attribution.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).merge(a.strategy(), part, Double::sum);
            }
        }
        // Floating sums can overshoot 1 by an ulp or two; bring them back so Weights accepts them.
        double total = merged.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total > 1) {
            merged.replaceAll((s, w) -> Math.min(1.0, w / total));
        }
        return new MergedPortfolio(new Weights(merged), attribution);
    }

    /**
     * Checks allocations by strategy name: each finite and non-negative, summing to 1 within
     * {@value #ALLOCATION_TOLERANCE}.
     *
     * @return their sum
     * @throws IllegalArgumentException naming the offending strategy, or the sum
     */
    public static double checkAllocations(Map<String, Double> allocations) {
        if (allocations.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: no strategies");
        }
        double sum = 0;
        for (Map.Entry<String, Double> a : allocations.entrySet()) {
            if (!Double.isFinite(a.getValue()) || a.getValue() < 0) {
                throw new IllegalArgumentException("allocation of strategy '" + a.getKey()
                        + "' must be a finite, non-negative fraction, got " + a.getValue());
            }
            sum += a.getValue();
        }
        if (Math.abs(sum - 1) > ALLOCATION_TOLERANCE) {
            throw new IllegalArgumentException("strategy allocations must sum to 1 (within " + ALLOCATION_TOLERANCE
                    + "), got " + sum + " for " + allocations);
        }
        return sum;
    }
}
