package io.alchemiser.core.application.run;

import io.alchemiser.core.application.execution.ExecutionSettings;
import io.alchemiser.core.application.portfolio.RebalanceSettings;
import java.util.Objects;

/**
 * Settings of a daily run.
 *
 * @param rebalance        how the plan is made
 * @param execution        how orders are worked
 * @param evaluationThreads strategies evaluated at once
 */
public record RunSettings(RebalanceSettings rebalance, ExecutionSettings execution, int evaluationThreads) {
    public RunSettings {
        Objects.requireNonNull(rebalance, "rebalance");
        Objects.requireNonNull(execution, "execution");
        if (evaluationThreads < 1) {
            throw new IllegalArgumentException("evaluation threads must be at least 1, got " + evaluationThreads);
        }
    }

    public static RunSettings defaults() {
        return new RunSettings(RebalanceSettings.defaults(), ExecutionSettings.defaults(), 4);
    }
}
