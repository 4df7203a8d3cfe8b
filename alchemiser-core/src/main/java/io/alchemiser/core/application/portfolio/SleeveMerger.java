package io.alchemiser.core.application.portfolio;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The account's target as the sum of its sleeves: each sleeve's weights (its target if it rebalances today, its
 * drifted holdings if it does not, see {@link SleevePolicy}) scaled by the sleeve's value, as fractions of the
 * account's equity. The result is one {@link MergedPortfolio}, with per symbol the share each strategy contributes,
 * which the {@link RebalancePlanner} turns into one set of netted orders: a swap from one sleeve to another cancels
 * out instead of being traded twice.
 *
 * <p>Unlike {@link PortfolioMerger}, which re-applies the configured allocations (40 / 35 / 25) every time, sleeves
 * keep whatever value they have grown or shrunk to, as separate Composer symphonies in one account do.
 */
public final class SleeveMerger {

    /**
     * One sleeve's part of the account.
     *
     * @param strategy the strategy's name, for attribution
     * @param value    the sleeve's value at today's prices (holdings and cash), in dollars, not negative
     * @param weights  the sleeve's weights after its decision, as fractions of {@code value}
     */
    public record SleeveTarget(String strategy, double value, Weights weights) {
        public SleeveTarget {
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(weights, "weights");
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException("value of sleeve '" + strategy + "' must be finite and not negative, got "
                        + value);
            }
        }
    }

    /**
     * The account's weights: Σ sleeve value × sleeve weight ÷ {@code equity}, per symbol.
     *
     * @param equity the account's equity; at least the sum of the sleeves' values (what exceeds it stays cash)
     * @throws IllegalArgumentException if a strategy appears twice or the sleeves are worth more than the equity
     */
    public MergedPortfolio merge(List<SleeveTarget> sleeves, double equity) {
        Set<String> names = new HashSet<>();
        double total = 0;
        for (SleeveTarget s : sleeves) {
            if (!names.add(s.strategy())) {
                throw new IllegalArgumentException("strategy '" + s.strategy() + "' has two sleeves");
            }
            total += s.value();
        }
        if (!(equity > 0) || total > equity * (1 + Weights.TOLERANCE)) {
            throw new IllegalArgumentException("the sleeves are worth " + total + " but the account's equity is " + equity);
        }
        Map<Symbol, Double> merged = new TreeMap<>();
        Map<Symbol, Map<String, Double>> attribution = new TreeMap<>();
        for (SleeveTarget s : sleeves) {
            double share = s.value() / equity;
            for (Map.Entry<Symbol, Double> e : s.weights().bySymbol().entrySet()) {
                double part = share * e.getValue();
                if (part <= 0) {
                    continue;
                }
                merged.merge(e.getKey(), part, Double::sum);
                attribution.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).merge(s.strategy(), part, Double::sum);
            }
        }
        double sum = merged.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 1) {
            merged.replaceAll((s, w) -> Math.min(1.0, w / sum));
        }
        return new MergedPortfolio(new Weights(merged), attribution);
    }
}
