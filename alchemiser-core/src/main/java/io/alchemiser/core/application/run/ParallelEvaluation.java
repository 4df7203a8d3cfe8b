package io.alchemiser.core.application.run;

import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.core.port.WeightedStrategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.MDC;

/** Evaluates strategies in parallel on a pool the call owns; any failure fails the whole evaluation. */
final class ParallelEvaluation {
    private ParallelEvaluation() {
    }

    /**
     * @throws IllegalStateException naming every strategy that failed and why
     */
    static List<StrategyResult> evaluate(List<WeightedStrategy> strategies, EvaluationSession session, LocalDate asOf, int threads) {
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
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    failures.add("strategy '" + strategies.get(i).strategy().name() + "' failed to evaluate: "
                            + e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while evaluating strategies", e);
                }
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException(String.join("\n", failures));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
