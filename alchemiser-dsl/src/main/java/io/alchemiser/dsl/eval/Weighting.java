package io.alchemiser.dsl.eval;

import java.util.List;

/**
 * How a parent combines what its children hold: the one place that decides what happens to the share of a child
 * that allocates nothing on a day (an {@code if} without an else whose condition fails, or a subtree built only of
 * such nodes).
 *
 * <p><b>Rule:</b> a child that allocates nothing is left out and the others' shares are scaled up to fill the
 * parent; a parent whose children all allocate nothing allocates nothing itself, and passes the question up. So a
 * symphony holds cash only when its root allocates nothing. This applies to every weighting: {@code weight-equal}
 * splits equally among the children that allocate something, {@code weight-specified} renormalises the given
 * weights over them, {@code weight-inverse-volatility} weights only them.
 *
 * <p>Evidence: the design brief says an {@code if} without an else "allocates nothing from that node (the weight
 * goes to the siblings' normalisation)"; the Python original's {@code weight-equal} drops empty children before
 * splitting. Holding an empty child's share as cash instead would make one sibling's weight depend on whether
 * another branch happens to be empty, a cash position no Composer block produces; no corpus symphony has an
 * {@code if} without an else, so no export contradicts the rule.
 */
final class Weighting {
    private Weighting() {
    }

    /** Equal shares among the non-empty parts. */
    static Allocation equal(List<Allocation> parts) {
        double[] shares = new double[parts.size()];
        java.util.Arrays.fill(shares, 1.0);
        return proportional(parts, shares);
    }

    /**
     * Parts weighted by {@code shares} (non-negative), after leaving out the empty parts and renormalising the
     * shares of the rest to sum to 1. Empty when every part is empty or every remaining share is 0.
     */
    static Allocation proportional(List<Allocation> parts, double[] shares) {
        if (parts.size() == 1 && shares[0] > 0) {
            return parts.get(0);
        }
        double total = 0;
        double[] kept = new double[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).isEmpty() && shares[i] > 0) {
                kept[i] = shares[i];
                total += shares[i];
            }
        }
        if (total <= 0) {
            return Allocation.EMPTY;
        }
        for (int i = 0; i < kept.length; i++) {
            kept[i] /= total;
        }
        return Allocation.combine(parts, kept);
    }
}
