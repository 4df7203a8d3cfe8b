package io.alchemiser.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.strategy.StrategyResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corpus symphony whose symbols all have shared prices, evaluated on several dates: weights sum to 1 or the
 * symphony holds cash, and every decision step names a position in the file. A (file, date) is skipped only when
 * a symbol lacks the history the date needs; skips are counted and printed.
 */
@Tag("shared")
class CorpusEvaluationTest {
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2020, 3, 16), LocalDate.of(2022, 6, 30),
            LocalDate.of(2024, 12, 31), LocalDate.of(2026, 7, 31));
    private static final LocalDate THROUGH = LocalDate.of(2026, 7, 31);

    private static CsvMarketData prices;
    private static List<Corpus.Entry> covered;
    private static final AtomicInteger EVALUATED = new AtomicInteger();
    private static final Map<String, String> SKIPPED = new TreeMap<>();

    @BeforeAll
    static void load() {
        prices = new CsvMarketData(SharedFolder.prices());
        covered = Corpus.covered(prices);
    }

    @AfterAll
    static void report() {
        System.out.printf("corpus evaluation: %d files with every symbol priced, %d (file, date) pairs evaluated,"
                + " %d skipped for short history%n", covered.size(), EVALUATED.get(), SKIPPED.size());
        SKIPPED.forEach((pair, why) -> System.out.println("  skipped " + pair + ": " + why));
    }

    @Test
    void sixtyTwoCorpusFilesHaveEverySymbolPriced() {
        assertThat(covered).hasSize(62);
    }

    @TestFactory
    List<DynamicTest> everyCoveredSymphonyAllocatesFullyOrHoldsCashOnEachDate() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Entry entry : covered) {
            tests.add(DynamicTest.dynamicTest(entry.name(), () -> evaluateOnEveryDate(entry)));
        }
        return tests;
    }

    private static void evaluateOnEveryDate(Corpus.Entry entry) {
        EvaluationContext context = EvaluationContext.create(prices, THROUGH);
        for (LocalDate date : DATES) {
            StrategyResult result;
            try {
                result = SymphonyEvaluator.evaluate(entry.symphony(), context, date);
            } catch (EvaluationException e) {
                assertThat(e.reason()).as(entry.name() + " on " + date + ": " + e.getMessage())
                        .isEqualTo(EvaluationException.Reason.INSUFFICIENT_HISTORY);
                synchronized (SKIPPED) {
                    SKIPPED.put(entry.name() + " " + date, e.detail());
                }
                continue;
            }
            EVALUATED.incrementAndGet();
            Weights weights = result.weights();
            if (!weights.isCashOnly()) {
                assertThat(weights.total()).as(entry.name() + " on " + date).isCloseTo(1.0, within(1e-9));
            }
            assertThat(result.asOf()).isEqualTo(date);
            assertThat(result.decisionPath()).allSatisfy(step ->
                    assertThat(step.location()).startsWith(entry.file().toString() + ":"));
        }
    }
}
