package io.alchemiser.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corpus symphony, including the 25 whose symbols are not all in the shared prices and the deepest
 * ({@code ftl_starburst_gen2.clj}, 288 levels of forms), evaluated on made-up random-walk prices long enough for every
 * window: no stack overflow, weights full or cash.
 */
@Tag("shared")
class SyntheticCorpusTest {
    private static final int BARS = 1200;
    private static List<Corpus.Entry> corpus;
    private static TestMarket market;

    @BeforeAll
    static void build() {
        corpus = Corpus.all();
        Set<Symbol> symbols = new TreeSet<>();
        corpus.forEach(entry -> symbols.addAll(entry.symphony().symbols()));
        TestMarket.Builder builder = TestMarket.builder();
        for (Symbol symbol : symbols) {
            Random random = new Random(symbol.value().hashCode());
            double[] closes = new double[BARS];
            double close = 10 + 90 * random.nextDouble();
            for (int i = 0; i < BARS; i++) {
                close *= 1 + (random.nextDouble() - 0.5) * 0.06;
                closes[i] = Math.round(close * 1e4) / 1e4;
            }
            builder.add(symbol.value(), closes);
        }
        market = builder.build();
    }

    @Test
    void theCorpusHoldsEightySevenSymphoniesTheDeepestWith144NodesInOnePath() {
        // 288 levels of forms: each node and the vector of its children
        assertThat(corpus).hasSize(87);
        Corpus.Entry deepest = corpus.stream().filter(e -> e.name().equals("ftl_starburst_gen2.clj")).findFirst()
                .orElseThrow();
        LocalDate last = TestMarket.day(BARS - 1);
        assertThat(SymphonyRun.in(EvaluationSession.open(market, last), deepest.symphony()).depth()).isEqualTo(144);
    }

    @TestFactory
    List<DynamicTest> everySymphonyEvaluatesOnMadeUpPrices() {
        List<DynamicTest> tests = new ArrayList<>();
        LocalDate last = TestMarket.day(BARS - 1);
        for (Corpus.Entry entry : corpus) {
            tests.add(DynamicTest.dynamicTest(entry.name(), () -> {
                StrategyResult result = SymphonyEvaluator.evaluate(entry.symphony(),
                        EvaluationSession.open(market, last), last);
                if (!result.weights().isCashOnly()) {
                    assertThat(result.weights().total()).isCloseTo(1.0, within(1e-9));
                }
                assertThat(result.decisionPath()).allSatisfy(step ->
                        assertThat(step.location()).startsWith(entry.file().toString() + ":"));
            }));
        }
        return tests;
    }
}
