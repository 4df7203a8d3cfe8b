package io.alchemiser.examples.backtest;

import io.alchemiser.core.domain.strategy.DecisionStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How close each step of a decision path came to going the other way, read from the numbers the step records.
 *
 * <ul>
 *   <li>An {@code if}: its two sides {@code left} and {@code right}; margin = |left − right| / max(|left|, |right|),
 *       so 0.004 means the sides were 0.4% apart.</li>
 *   <li>A {@code filter}: the scores of its children and which it kept; margin between the weakest child kept and the
 *       strongest child dropped, by the same formula (0 for a tie at the cut-off).</li>
 * </ul>
 * Other steps (an inverse-volatility weighting) decide no branch and have no margin. The step with the smallest
 * margin is the one a slightly different price would most easily flip.
 */
public final class DecisionMargins {
    private DecisionMargins() {
    }

    /** One step of a path and its margin, if it has one. */
    public record MarginStep(DecisionStep step, OptionalDouble margin) {
    }

    /** Every step of {@code path} with its margin. */
    public static List<MarginStep> of(List<DecisionStep> path) {
        List<MarginStep> out = new ArrayList<>(path.size());
        for (DecisionStep s : path) {
            out.add(new MarginStep(s, margin(s)));
        }
        return out;
    }

    /** The step with the smallest margin, if any step has one. */
    public static java.util.Optional<MarginStep> decisive(List<MarginStep> steps) {
        MarginStep best = null;
        for (MarginStep s : steps) {
            if (s.margin().isPresent() && (best == null || s.margin().getAsDouble() < best.margin().getAsDouble())) {
                best = s;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** The margin of one step: see the class comment. */
    public static OptionalDouble margin(DecisionStep step) {
        Map<String, Double> v = step.values();
        if ("if".equals(step.kind()) && v.containsKey("left") && v.containsKey("right")) {
            return OptionalDouble.of(relative(v.get("left"), v.get("right")));
        }
        if ("filter".equals(step.kind())) {
            return filterMargin(v);
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble filterMargin(Map<String, Double> v) {
        List<Double> kept = new ArrayList<>();
        List<Double> dropped = new ArrayList<>();
        for (Map.Entry<String, Double> e : v.entrySet()) {
            if (e.getKey().startsWith("kept ")) {
                continue;
            }
            (v.containsKey("kept " + e.getKey()) ? kept : dropped).add(e.getValue());
        }
        if (kept.isEmpty() || dropped.isEmpty()) {
            return OptionalDouble.empty();
        }
        double minKept = kept.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
        double maxKept = kept.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
        double minDropped = dropped.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
        double maxDropped = dropped.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
        // select-top keeps the highest scores: the cut runs between the lowest kept and the highest dropped;
        // select-bottom the other way round.
        boolean top = minKept >= maxDropped;
        boolean bottom = maxKept <= minDropped;
        if (top && bottom) {
            return OptionalDouble.of(0);
        }
        if (top) {
            return OptionalDouble.of(relative(minKept, maxDropped));
        }
        if (bottom) {
            return OptionalDouble.of(relative(maxKept, minDropped));
        }
        return OptionalDouble.empty();
    }

    private static double relative(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }
}
