package io.alchemiser.core.domain.portfolio;

import io.alchemiser.core.domain.Weights;
import java.util.Objects;

/**
 * What one sleeve decided on one trading day under its {@link RebalanceRule}: trade back to its target, or let its
 * holdings drift, with the reason in a word ({@link Reason}) and in a sentence ({@code explanation}, e.g.
 * {@code "SPY at 26.1% is 6.1 points from its target 20.0%: outside the 5-point corridor"}).
 *
 * @param weights the sleeve's weights after the decision, as fractions of the sleeve's own value: its target when
 *                it rebalances, its current (drifted) weights when it drifts; what is not held is cash
 */
public record SleeveDecision(Action action, Reason reason, String explanation, Weights weights) {

    /** Trade to target, or keep the holdings as they are. */
    public enum Action {
        REBALANCE, DRIFT
    }

    /** Why. The first four rebalance; the others drift. */
    public enum Reason {
        /** The sleeve's first day: it buys its target. */
        FIRST_DAY(Action.REBALANCE),
        /** A calendar rule's scheduled day ({@code :daily} every day). */
        SCHEDULED(Action.REBALANCE),
        /** A corridor rule: some holding left its band around the target. */
        OUTSIDE_CORRIDOR(Action.REBALANCE),
        /** A corridor rule: the target's set of symbols differs from what the sleeve holds. */
        TARGET_CHANGED(Action.REBALANCE),
        /** A calendar rule on a day that is not scheduled. */
        NOT_SCHEDULED(Action.DRIFT),
        /** A corridor rule: every holding is inside its band and the set of symbols is the same. */
        INSIDE_CORRIDOR(Action.DRIFT),
        /** {@code :none}: the sleeve keeps what it bought on its first day. */
        NEVER(Action.DRIFT),
        /** The sleeve cannot evaluate yet (its history starts later) and holds cash. */
        WAITING(Action.DRIFT);

        private final Action action;

        Reason(Action action) {
            this.action = action;
        }

        public Action action() {
            return action;
        }
    }

    /** @throws IllegalArgumentException if the reason belongs to the other action */
    public SleeveDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(weights, "weights");
        if (reason.action() != action) {
            throw new IllegalArgumentException(reason + " is a reason to " + reason.action() + ", not to " + action);
        }
    }

    /** A decision to trade to {@code target}. */
    public static SleeveDecision rebalance(Reason reason, String explanation, Weights target) {
        return new SleeveDecision(Action.REBALANCE, reason, explanation, target);
    }

    /** A decision to keep the holdings, whose weights are {@code current}. */
    public static SleeveDecision drift(Reason reason, String explanation, Weights current) {
        return new SleeveDecision(Action.DRIFT, reason, explanation, current);
    }

    public boolean rebalances() {
        return action == Action.REBALANCE;
    }

    @Override
    public String toString() {
        return action.name().toLowerCase(java.util.Locale.ROOT) + " (" + reason + "): " + explanation;
    }
}
