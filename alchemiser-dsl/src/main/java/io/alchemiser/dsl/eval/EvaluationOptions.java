package io.alchemiser.dsl.eval;

/**
 * How an evaluation reports its decisions. Options change only the decision path, never the weights.
 *
 * @param fragileMargin a decision is marked fragile when the two quantities that decided it differ, relatively, by
 *                      less than this fraction (0.005 = 0.5%): an {@code if}'s two sides, or a {@code filter}'s last
 *                      kept and first dropped scores. The relative difference of {@code a} and {@code b} is
 *                      {@code |a - b| / max(|a|, |b|)}, and 0 when both are 0. A margin of 0 marks nothing.
 */
public record EvaluationOptions(double fragileMargin) {
    /** The default margin: 0.5%. */
    public static final double DEFAULT_FRAGILE_MARGIN = 0.005;

    /** Fragile below a 0.5% relative difference. */
    public static final EvaluationOptions DEFAULTS = new EvaluationOptions(DEFAULT_FRAGILE_MARGIN);

    public EvaluationOptions {
        if (!(fragileMargin >= 0 && fragileMargin <= 1)) {
            throw new IllegalArgumentException("the fragile margin is a fraction in [0, 1] (0.005 = 0.5%), got "
                    + fragileMargin);
        }
    }

    /** These options with another fragile margin. */
    public EvaluationOptions withFragileMargin(double margin) {
        return new EvaluationOptions(margin);
    }
}
