package io.alchemiser.core.application.backtest;

import io.alchemiser.core.domain.portfolio.RebalanceRule;
import io.alchemiser.core.domain.portfolio.SleeveDecision.Reason;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one sleeve of a backtest did: its rule, when it first bought its target, every day it rebalanced, how many
 * days it decided for each reason, and what it was worth at the end.
 *
 * @param name       the strategy's name, or {@code "portfolio"} when the merged portfolio is one sleeve
 * @param rule       the rule it followed
 * @param allocation its share of the start capital
 * @param firstDay   the day it first bought its target, or {@code null} if its history never started in the window
 * @param rebalances every day it traded to target, its first day included
 * @param reasons    the number of days decided for each reason
 * @param finalValue its value at the last close
 */
public record SleeveReport(String name, RebalanceRule rule, double allocation, LocalDate firstDay,
        List<LocalDate> rebalances, Map<Reason, Integer> reasons, double finalValue) {
    public SleeveReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        rebalances = List.copyOf(rebalances);
        EnumMap<Reason, Integer> copy = new EnumMap<>(Reason.class);
        copy.putAll(reasons);
        reasons = Collections.unmodifiableMap(copy);
    }

    /** The days decided for {@code reason}. */
    public int days(Reason reason) {
        return reasons.getOrDefault(reason, 0);
    }
}
