package io.alchemiser.core.application.run;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.StrategyException;
import io.alchemiser.core.port.WeightedStrategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.MDC;

/**
 * Evaluates strategies in parallel in one session, on a pool the call owns. Strategies that fail with a
 * {@link StrategyException} fail the evaluation together, each error kept as it is; anything else a strategy throws
 * is a bug and propagates as such.
 */
final class ParallelEvaluation {
    private ParallelEvaluation() {
    }

    /**
     * @throws RunFailedException with {@link RunFailure.EvaluationFailed} naming every strategy that failed
     */
    static List<StrategyResult> evaluate(List<WeightedStrategy> strategies, EvaluationSession session, LocalDate asOf,
            int threads, RunId runId) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, strategies.size())));
        try {
            Map<String, String> mdc = MDC.getCopyOfContextMap();
            List<Future<StrategyResult>> futures = new ArrayList<>();
            for (WeightedStrategy ws : strategies) {
                futures.add(pool.submit(() -> {
                    if (mdc != null) {
                        MDC.setContextMap(mdc);
                    }
                    try {
                        return ws.strategy().evaluate(session, asOf);
                    } finally {
                        MDC.clear();
                    }
                }));
            }
            List<StrategyResult> results = new ArrayList<>();
            Map<String, StrategyException> failures = new LinkedHashMap<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof StrategyException s) {
                        failures.put(strategies.get(i).strategy().name(), s);
                    } else if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    } else if (e.getCause() instanceof Error err) {
                        throw err;
                    } else {
                        throw new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RunFailedException(runId, new RunFailure.Interrupted("interrupted while evaluating"),
                            true, e);
                }
            }
            if (!failures.isEmpty()) {
                throw new RunFailedException(runId, new RunFailure.EvaluationFailed(failures), true,
                        failures.values().iterator().next());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
