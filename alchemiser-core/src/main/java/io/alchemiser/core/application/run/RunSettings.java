package io.alchemiser.core.application.run;

import io.alchemiser.core.application.execution.ExecutionSettings;
import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.core.application.portfolio.RebalanceSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a daily run.
 *
 * @param rebalance         how the plan is made
 * @param execution         how orders are worked
 * @param evaluationThreads strategies evaluated at once (1 to 64)
 * @param intraday          while the market is open, evaluate on today's live price as the last bar (as Composer
 *                          does when it trades shortly before the close); otherwise on the latest stored close
 * @param orderCutoff       no order is started this close to the session's close (early closes included), so a walk
 *                          can finish before the bell (0 to 60 minutes; default 2)
 * @param anchor            which day of a week, month, quarter or year a sleeve with a calendar rule trades on
 *                          (default the first trading day of each new period)
 */
public record RunSettings(RebalanceSettings rebalance, ExecutionSettings execution, int evaluationThreads,
        boolean intraday, Duration orderCutoff, RebalanceAnchor anchor) {
    public RunSettings {
        Objects.requireNonNull(rebalance, "rebalance");
        Objects.requireNonNull(execution, "execution");
        if (evaluationThreads < 1 || evaluationThreads > 64) {
            throw new IllegalArgumentException("evaluation threads must be in [1, 64], got " + evaluationThreads);
        }
        Objects.requireNonNull(orderCutoff, "orderCutoff");
        Objects.requireNonNull(anchor, "anchor");
        if (orderCutoff.isNegative() || orderCutoff.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("order cutoff must be between 0 and 60 minutes, got " + orderCutoff);
        }
    }

    /** Intraday on, a two-minute cutoff. */
    public RunSettings(RebalanceSettings rebalance, ExecutionSettings execution, int evaluationThreads) {
        this(rebalance, execution, evaluationThreads, true, Duration.ofMinutes(2), RebalanceAnchor.FIRST_TRADING_DAY);
    }

    public static RunSettings defaults() {
        return new RunSettings(RebalanceSettings.defaults(), ExecutionSettings.defaults(), 4);
    }

    /** These settings with intraday evaluation on or off. */
    public RunSettings withIntraday(boolean on) {
        return new RunSettings(rebalance, execution, evaluationThreads, on, orderCutoff, anchor);
    }

    /** These settings with calendar rules anchored on {@code day}. */
    public RunSettings withAnchor(RebalanceAnchor day) {
        return new RunSettings(rebalance, execution, evaluationThreads, intraday, orderCutoff, day);
    }
}
