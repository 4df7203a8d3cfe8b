package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one node holds on one day: weights by symbol number ({@link PriceTable}), each positive, summing to 1;
 * or nothing at all ({@link #EMPTY}). No allocation is ever partly cash: a node either allocates its whole share
 * or gives it back to its parent (see {@link Weighting}). Immutable.
 */
final class Allocation {
    static final Allocation EMPTY = new Allocation(new int[0], new double[0]);

    private final int[] ids;
    private final double[] weights;

    private Allocation(int[] ids, double[] weights) {
        this.ids = ids;
        this.weights = weights;
    }

    /** All of it in one symbol. */
    static Allocation single(int id) {
        return new Allocation(new int[] {id}, new double[] {1.0});
    }

    /**
     * The sum of {@code shares[i]} times {@code parts.get(i)}, over the parts with a positive share, rescaled to sum
     * to 1; empty when nothing has weight. Works on the held symbols only, whatever the number of symbols.
     */
    static Allocation combine(List<Allocation> parts, double[] shares) {
        int entries = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (shares[i] > 0) {
                entries += parts.get(i).ids.length;
            }
        }
        int[] ids = new int[entries];
        double[] weights = new double[entries];
        int n = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (shares[i] > 0) {
                Allocation part = parts.get(i);
                for (int k = 0; k < part.ids.length; k++) {
                    // insertion into the sorted prefix, adding to an equal id
                    int id = part.ids[k];
                    double w = shares[i] * part.weights[k];
                    int at = n;
                    while (at > 0 && ids[at - 1] > id) {
                        at--;
                    }
                    if (at > 0 && ids[at - 1] == id) {
                        weights[at - 1] += w;
                        continue;
                    }
                    System.arraycopy(ids, at, ids, at + 1, n - at);
                    System.arraycopy(weights, at, weights, at + 1, n - at);
                    ids[at] = id;
                    weights[at] = w;
                    n++;
                }
            }
        }
        double total = 0;
        for (int k = 0; k < n; k++) {
            total += weights[k];
        }
        if (n == 0 || !(total > 0)) {
            return EMPTY;
        }
        for (int k = 0; k < n; k++) {
            weights[k] /= total;
        }
        return new Allocation(n == entries ? ids : Arrays.copyOf(ids, n), n == entries ? weights : Arrays.copyOf(weights, n));
    }

    boolean isEmpty() {
        return ids.length == 0;
    }

    int size() {
        return ids.length;
    }

    int id(int k) {
        return ids[k];
    }

    double weight(int k) {
        return weights[k];
    }

    /** As core weights, by symbol; empty means all cash. */
    Weights toWeights(PriceTable table) {
        Map<Symbol, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < ids.length; k++) {
            out.put(table.symbol(ids[k]), weights[k]);
        }
        return Weights.of(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Allocation && Arrays.equals(ids, ((Allocation) o).ids)
                && Arrays.equals(weights, ((Allocation) o).weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int k = 0; k < ids.length; k++) {
            out.append(k == 0 ? "" : ", ").append(ids[k]).append('=').append(weights[k]);
        }
        return out.append('}').toString();
    }
}
