package io.alchemiser.dsl.eval;

import io.alchemiser.core.strategy.DecisionStep;
import io.alchemiser.dsl.read.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the decision path of one evaluation, in evaluation order; {@link #OFF} collects nothing (the
 * evaluations behind a synthetic allocation history are not part of the path). Not thread-safe: one per call.
 */
final class Trace {
    static final Trace OFF = new Trace(false);

    private final boolean on;
    private final List<DecisionStep> steps = new ArrayList<>();

    private Trace(boolean on) {
        this.on = on;
    }

    /** A trace that records. */
    static Trace recording() {
        return new Trace(true);
    }

    boolean on() {
        return on;
    }

    /** A trace for a part whose steps are kept only if the part is (a filter's candidates): OFF when this is. */
    Trace fork() {
        return on ? new Trace(true) : OFF;
    }

    /** Appends the steps of a fork. */
    void append(Trace fork) {
        if (on) {
            steps.addAll(fork.steps);
        }
    }

    void add(String kind, SourcePosition position, String summary, Map<String, Double> values) {
        if (on) {
            steps.add(new DecisionStep(kind, position.toString(), summary, values));
        }
    }

    List<DecisionStep> steps() {
        return List.copyOf(steps);
    }
}
