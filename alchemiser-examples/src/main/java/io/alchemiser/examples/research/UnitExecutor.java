package io.alchemiser.examples.research;

import io.alchemiser.core.application.backtest.BacktestProgress;
import java.util.List;

/**
 * Runs every unit of a job and hands back their results in unit order, each made by {@link UnitRunner}: on this
 * machine's cores ({@link LocalExecutor}) or on a cluster (the {@code alchemiser-spark} module).
 */
public interface UnitExecutor {
    /**
     * The result of every unit of {@code job}, the {@code i}-th for unit {@code i}.
     *
     * @param progress told {@code (units done, units)} as units finish, from any thread, one call at a time
     * @throws io.alchemiser.core.port.MarketDataException if the prices cannot be read at all
     */
    List<UnitResult> run(ResearchJob job, BacktestProgress progress);

    /** For the summary: {@code 2 threads on this machine}, {@code Spark local[2]}. */
    String describe();
}
