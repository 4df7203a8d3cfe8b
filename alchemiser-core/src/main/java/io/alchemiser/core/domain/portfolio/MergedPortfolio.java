package io.alchemiser.core.domain.portfolio;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Several strategies merged by their allocation weights into one portfolio. {@code attribution} says, per
 * symbol, how much of that symbol's merged weight each strategy contributed, as a fraction of the portfolio
 * (so a symbol's attributions sum to its weight).
 */
public record MergedPortfolio(Weights weights, Map<Symbol, Map<String, Double>> attribution) {
    public MergedPortfolio {
        Objects.requireNonNull(weights, "weights");
        TreeMap<Symbol, Map<String, Double>> copy = new TreeMap<>();
        attribution.forEach((s, m) -> copy.put(s, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        attribution = Collections.unmodifiableMap(copy);
    }

    /** The strategies behind a symbol and their share of the portfolio; empty if none targets it. */
    public Map<String, Double> contributors(Symbol symbol) {
        return attribution.getOrDefault(symbol, Map.of());
    }
}
