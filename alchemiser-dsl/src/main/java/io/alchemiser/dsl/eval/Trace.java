package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.strategy.DecisionStep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the decision path of one evaluation, in evaluation order; {@link #OFF} collects nothing (the
 * evaluations behind a synthetic allocation history are not part of the path). Not thread-safe: one per call.
 */
final class Trace {
    static final Trace OFF = new Trace(false, 0);

    private final boolean on;
    private final double fragileMargin;
    private final List<Supplier<DecisionStep>> steps = new ArrayList<>();

    private Trace(boolean on, double fragileMargin) {
        this.on = on;
        this.fragileMargin = fragileMargin;
    }

    /** A trace that records, marking decisions fragile by {@code options}. */
    static Trace recording(EvaluationOptions options) {
        return new Trace(true, options.fragileMargin());
    }

    boolean on() {
        return on;
    }

    /** The relative margin below which a recorded decision is fragile ({@link Closeness}). */
    double fragileMargin() {
        return fragileMargin;
    }

    /** A trace for a part whose steps are kept only if the part is (a filter's candidates): OFF when this is. */
    Trace fork() {
        return on ? new Trace(true, fragileMargin) : OFF;
    }

    /** Appends the steps of a fork. */
    void append(Trace fork) {
        if (on) {
            steps.addAll(fork.steps);
        }
    }

    /**
     * Adds a step, written only if it ends up in the path: the steps of a fork that is never appended (a child a
     * filter did not keep) cost no formatting.
     */
    void add(Supplier<DecisionStep> step) {
        if (on) {
            steps.add(step);
        }
    }

    List<DecisionStep> steps() {
        List<DecisionStep> out = new ArrayList<>(steps.size());
        for (Supplier<DecisionStep> step : steps) {
            out.add(step.get());
        }
        return out;
    }
}
