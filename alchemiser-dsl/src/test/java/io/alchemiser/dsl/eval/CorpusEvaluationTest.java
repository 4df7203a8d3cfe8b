package io.alchemiser.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
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

    private static CsvPriceHistory prices;
    private static List<Corpus.Entry> covered;
    private static final AtomicInteger EVALUATED = new AtomicInteger();
    private static final Map<String, String> SKIPPED = new TreeMap<>();

    @BeforeAll
    static void load() {
        prices = new CsvPriceHistory(SharedFolder.prices());
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

    @TestFactory
    List<DynamicTest> everyCoveredSymphonyEvaluatesOnItsHistoryStart() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Entry entry : covered) {
            tests.add(DynamicTest.dynamicTest(entry.name(), () -> {
                EvaluationSession context = EvaluationSession.open(prices, THROUGH);
                HistoryStart start = SymphonyEvaluator.historyStart(entry.symphony(), context);
                assertThat(start.position().file()).isEqualTo(entry.file().toString());
                StrategyResult result = SymphonyEvaluator.evaluate(entry.symphony(), context, start.date());
                assertThat(result.weights().isCashOnly() || Math.abs(result.weights().total() - 1) < 1e-9).isTrue();
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> aWarmContextAgreesWithAFreshOneOnRankedGroups() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : List.of("feaver.clj", "6_tqqq_flt.clj")) {
            Corpus.Entry entry = covered.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                EvaluationSession warm = EvaluationSession.open(prices, THROUGH);
                LocalDate date = LocalDate.of(2025, 6, 2);
                List<StrategyResult> forward = new ArrayList<>();
                for (int i = 0; i < 15; i++, date = date.plusDays(1)) {
                    if (SymphonyRun.in(warm, entry.symphony()).table().dayIndex(date) >= 0) {
                        forward.add(SymphonyEvaluator.evaluate(entry.symphony(), warm, date));
                    }
                }
                for (StrategyResult seen : List.of(forward.get(0), forward.get(forward.size() - 1))) {
                    StrategyResult fresh = SymphonyEvaluator.evaluate(entry.symphony(),
                            EvaluationSession.open(prices, seen.asOf()), seen.asOf());
                    assertThat(fresh.weights()).as(name + " on " + seen.asOf()).isEqualTo(seen.weights());
                    assertThat(fresh.decisionPath()).isEqualTo(seen.decisionPath());
                }
            }));
        }
        return tests;
    }

    private static void evaluateOnEveryDate(Corpus.Entry entry) {
        EvaluationSession context = EvaluationSession.open(prices, THROUGH);
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
