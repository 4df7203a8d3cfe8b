package io.alchemiser.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.dsl.compile.Symphony;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Trees far deeper than the corpus's 288 levels evaluate without overflowing any stack. */
class DeepNestingTest {
    private static final int TRIPLES = 1000;

    /** SPY rises 1% a day, TLT falls 1% a day. */
    private static TestMarket market() {
        double[] up = new double[10];
        double[] down = new double[10];
        for (int i = 0; i < 10; i++) {
            up[i] = 100 * Math.pow(1.01, i);
            down[i] = 100 * Math.pow(0.99, i);
        }
        return TestMarket.builder().add("SPY", up).add("TLT", down).build();
    }

    /**
     * 1,000 times (if SPY > 50 [(weight-equal [(group [...])])] [TLT]), 3,000 levels, around a filter that ranks a
     * group holding SPY against TLT by their last daily return.
     */
    private static String deepText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < TRIPLES; i++) {
            text.append("(if (> (current-price \"SPY\") 50) [(weight-equal [(group \"level ").append(i).append("\" [\n");
        }
        text.append("(filter (cumulative-return {:window 1}) (select-top 1)"
                + " [(group \"spy\" [(asset \"SPY\")]) (asset \"TLT\")])");
        for (int i = 0; i < TRIPLES; i++) {
            text.append("])])] [(asset \"TLT\")])");
        }
        return text.toString();
    }

    @Test
    void aTreeThreeThousandLevelsDeepEvaluates() {
        Symphony symphony = Fixtures.compile(deepText());
        LocalDate date = TestMarket.day(5);
        EvaluationSession context = EvaluationSession.open(market(), date);
        assertThat(SymphonyRun.in(context, symphony).depth()).isGreaterThan(3000);

        StrategyResult result = SymphonyEvaluator.evaluate(symphony, context, date);

        // every condition holds (SPY > 50); the filter keeps the group holding SPY (+1%) over TLT (-1%)
        assertThat(result.weights().bySymbol()).containsOnlyKeys(Symbol.of("SPY"));
        assertThat(result.decisionPath()).hasSize(TRIPLES + 1);
        assertThat(result.decisionPath()).filteredOn(s -> s.kind().equals("if")).hasSize(TRIPLES);
        DecisionStep filter = result.decisionPath().get(TRIPLES);
        assertThat(filter.kind()).isEqualTo("filter");
        assertThat(filter.values()).containsEntry("kept group \"spy\"", 1.0);
    }

    @Test
    void theTreeWalksRunOnATinyStackWithoutOverflowing() throws InterruptedException {
        // symbols, node count and history start walk the tree with explicit stacks: no recursion to overflow
        Symphony symphony = Fixtures.compile(deepText());
        LocalDate date = TestMarket.day(5);
        Object outcome = onATinyStack(() -> List.of(symphony.symbols(), symphony.nodeCount(),
                SymphonyEvaluator.historyStart(symphony, EvaluationSession.open(market(), date))));
        assertThat(outcome).isInstanceOf(List.class);
        List<?> results = (List<?>) outcome;
        assertThat(results.get(0)).isEqualTo(java.util.Set.of(Symbol.of("SPY"), Symbol.of("TLT")));
        // per level: if, weight-equal, group and the else-branch's TLT; then the filter, its group, SPY and TLT
        assertThat(results.get(1)).isEqualTo(4 * TRIPLES + 4);
        // the filter's cumulative-return 1 of the group's history needs day 1
        assertThat(((HistoryStart) results.get(2)).date()).isEqualTo(TestMarket.day(1));
    }

    @Test
    void aCallerWithATinyStackCanEvaluateADeepTree() throws InterruptedException {
        Symphony symphony = Fixtures.compile(deepText());
        LocalDate date = TestMarket.day(5);
        Object outcome = onATinyStack(() -> SymphonyEvaluator.evaluate(symphony,
                EvaluationSession.open(market(), date), date));
        assertThat(outcome).isInstanceOf(StrategyResult.class);
    }

    /** What {@code work} returns, or what it throws, run on a thread with a 256 KB stack. */
    private static Object onATinyStack(Supplier<Object> work) throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread caller = new Thread(null, () -> {
            try {
                outcome.set(work.get());
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "small-stack", 256 * 1024);
        caller.start();
        caller.join();
        return outcome.get();
    }
}
