package io.alchemiser.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.strategy.DecisionStep;
import io.alchemiser.core.domain.strategy.StrategyResult;
import io.alchemiser.core.port.EvaluationSession;
import io.alchemiser.dsl.compile.Node;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.compile.Symphony;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The corpus symphonies that change when a filter is one unit to its weighting parent ({@link Units}), on the shared
 * prices: {@code nuclear.clj}, {@code rains_core_catalysts.clj} and {@code doctor_strange.clj}. ({@code 2_nuclear.clj}
 * has {@code weight-equal} where {@code nuclear.clj} has inverse volatility, and evaluates the same under both
 * rules on every trading day of 2024 to July 2026.)
 */
@Tag("shared")
class FilterAsUnitCorpusTest {
    private static CsvPriceHistory prices;

    @BeforeAll
    static void load() {
        prices = new CsvPriceHistory(SharedFolder.prices());
    }

    private static Symphony compile(String file) throws IOException {
        return Symphonies.compile(SharedFolder.strategies().resolve(file));
    }

    /**
     * Evidence: Composer's own live allocations for {@code nuclear.clj} on 9 trading days of January 2026 were 1/3
     * each. Its bull branch is {@code (weight-inverse-volatility 90 [(filter (moving-average-return {:window 90})
     * (select-top 3) [SMR BWXT LEU EXC NLR OKLO])])}: the filter is the weighting's only unit, takes all of it and
     * splits it equally. Weighting the three kept assets by their own inverse volatility, as this engine did
     * before, gave uneven weights on every one of these days (2026-01-09: BWXT 0.5716, LEU 0.2327, OKLO 0.1958).
     */
    @Test
    void nuclearHoldsItsThreeNuclearNamesAThirdEachOnEveryTradingDayOfJanuary2026() throws IOException {
        Symphony nuclear = compile("nuclear.clj");
        LocalDate last = LocalDate.of(2026, 1, 30);
        EvaluationSession session = EvaluationSession.open(prices, last);
        PriceTable table = SymphonyRun.in(session, nuclear).table();
        int days = 0;
        for (LocalDate date = LocalDate.of(2026, 1, 2); !date.isAfter(last); date = date.plusDays(1)) {
            if (table.dayIndex(date) < 0) {
                continue;
            }
            days++;
            StrategyResult result = SymphonyEvaluator.evaluate(nuclear, session, date);
            assertThat(result.weights().bySymbol()).as(date.toString()).hasSize(3)
                    .allSatisfy((symbol, weight) -> assertThat(weight).isCloseTo(1 / 3.0, within(1e-12)));
            assertThat(result.decisionPath()).filteredOn(s -> s.kind().equals("weight-inverse-volatility"))
                    .extracting(DecisionStep::summary)
                    .containsExactly("weights by 1 / stdev-return(window 90): only filter@214:50 holds something,"
                            + " so it takes the whole weight");
        }
        assertThat(days).isEqualTo(20);
    }

    /**
     * {@code rains_core_catalysts.clj:415:67} is {@code (weight-equal [TQQQ (filter (rsi 10) (select-bottom 2) [TQQQ
     * TQQQ TECL SOXL]) (filter (rsi 10) (select-bottom 1) [TQQQ TECL])])}. On 2026-05-28 the first filter keeps SOXL
     * and TQQQ, the second TQQQ. Three units of 1/3: TQQQ 1/3 + 1/6 + 1/3 = 5/6 and SOXL 1/6. With each kept asset a
     * unit of its own (the old rule) there were four units, TQQQ 3/4 and SOXL 1/4.
     */
    @Test
    void rainsCoreCatalystsGivesEachOfItsSideBySideFiltersAThird() throws IOException {
        Symphony rains = compile("rains_core_catalysts.clj");
        assertThat(nodeAt(rains.root(), 415, 67).children()).extracting(n -> n.getClass().getSimpleName())
                .containsExactly("Asset", "Filter", "Filter");
        Weights weights = subtreeOn(rains, 415, 67, LocalDate.of(2026, 5, 28));
        assertThat(Fixtures.plain(weights)).containsOnlyKeys("TQQQ", "SOXL");
        assertThat(weights.weight(Symbol.of("TQQQ"))).isCloseTo(5 / 6.0, within(1e-12));
        assertThat(weights.weight(Symbol.of("SOXL"))).isCloseTo(1 / 6.0, within(1e-12));
    }

    /**
     * {@code doctor_strange.clj:9218:36} holds {@code (weight-equal [(filter (cumulative-return {:window 5})
     * (select-top 2) [SVXY VIXM BTAL]) (filter (cumulative-return {:window 6}) (select-top 3) [SVXY VIXM BTAL])])}.
     * On 2025-11-03 the first keeps VIXM and BTAL, the second all three. Two units of 1/2: VIXM and BTAL 1/4 + 1/6 =
     * 5/12 each, SVXY 1/6. With each kept asset a unit (the old rule) there were five: VIXM and BTAL 2/5, SVXY 1/5.
     */
    @Test
    void doctorStrangeSplitsEachFilterOfItsVolatilityBlockAmongWhatItKeeps() throws IOException {
        Symphony doctor = compile("doctor_strange.clj");
        Node block = nodeAt(doctor.root(), 9218, 36);
        assertThat(block).isInstanceOf(Node.WeightEqual.class);
        assertThat(block.children()).allSatisfy(child -> assertThat(child).isInstanceOf(Node.Filter.class));
        Weights weights = subtreeOn(doctor, 9218, 36, LocalDate.of(2025, 11, 3));
        assertThat(Fixtures.plain(weights)).containsOnlyKeys("VIXM", "BTAL", "SVXY");
        assertThat(weights.weight(Symbol.of("VIXM"))).isCloseTo(5 / 12.0, within(1e-12));
        assertThat(weights.weight(Symbol.of("BTAL"))).isCloseTo(5 / 12.0, within(1e-12));
        assertThat(weights.weight(Symbol.of("SVXY"))).isCloseTo(1 / 6.0, within(1e-12));
    }

    /** What the node written at {@code line:column} of {@code symphony} holds at the close of {@code date}. */
    private static Weights subtreeOn(Symphony symphony, int line, int column, LocalDate date) {
        SymphonyRun run = SymphonyRun.in(EvaluationSession.open(prices, date), symphony);
        Node node = nodeAt(symphony.root(), line, column);
        int day = run.table().dayIndex(date);
        return DeepStack.call(run.depth(), () -> run.allocator().allocate(node, day, Trace.OFF)).toWeights(run.table());
    }

    private static Node nodeAt(Node root, int line, int column) {
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node.position().line() == line && node.position().column() == column) {
                return node;
            }
            node.children().forEach(pending::push);
        }
        throw new AssertionError("no node at " + line + ":" + column);
    }
}
