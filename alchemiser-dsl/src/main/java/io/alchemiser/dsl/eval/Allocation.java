package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

    /** From dense weights indexed by symbol number; zero entries are dropped, the rest scaled to sum to 1. */
    static Allocation fromDense(double[] dense) {
        int count = 0;
        double total = 0;
        for (double w : dense) {
            if (w > 0) {
                count++;
                total += w;
            }
        }
        if (count == 0) {
            return EMPTY;
        }
        int[] ids = new int[count];
        double[] weights = new double[count];
        int k = 0;
        for (int id = 0; id < dense.length; id++) {
            if (dense[id] > 0) {
                ids[k] = id;
                weights[k] = dense[id] / total;
                k++;
            }
        }
        return new Allocation(ids, weights);
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

    /** Adds {@code share} times this allocation into dense weights indexed by symbol number. */
    void addTo(double[] dense, double share) {
        for (int k = 0; k < ids.length; k++) {
            dense[ids[k]] += share * weights[k];
        }
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
