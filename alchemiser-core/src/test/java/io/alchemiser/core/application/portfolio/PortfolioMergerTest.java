package io.alchemiser.core.application.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import io.alchemiser.core.domain.portfolio.StrategyAllocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PortfolioMergerTest {
    private static final Symbol UVXY = Symbol.of("UVXY");
    private static final Symbol SPY = Symbol.of("SPY");
    private static final Symbol QQQ = Symbol.of("QQQ");
    private static final Symbol IBIT = Symbol.of("IBIT");

    private final PortfolioMerger merger = new PortfolioMerger();

    @Test
    void mergesTheDesignWorkedExample() {
        MergedPortfolio merged = merger.merge(List.of(
                new StrategyAllocation("s1", 0.40, Weights.single(UVXY)),
                new StrategyAllocation("s2", 0.35, Weights.of(Map.of(SPY, 0.5, QQQ, 0.5))),
                new StrategyAllocation("s3", 0.25, Weights.single(IBIT))));

        assertThat(merged.weights().weight(UVXY)).isCloseTo(0.40, within(1e-12));
        assertThat(merged.weights().weight(SPY)).isCloseTo(0.175, within(1e-12));
        assertThat(merged.weights().weight(QQQ)).isCloseTo(0.175, within(1e-12));
        assertThat(merged.weights().weight(IBIT)).isCloseTo(0.25, within(1e-12));
        assertThat(merged.weights().total()).isCloseTo(1.0, within(1e-9));
        assertThat(merged.contributors(SPY)).containsOnlyKeys("s2");
        assertThat(merged.contributors(SPY).get("s2")).isCloseTo(0.175, within(1e-12));
        assertThat(merged.contributors(QQQ)).containsOnlyKeys("s2");
    }

    @Test
    void attributesASymbolToEveryStrategyThatHoldsIt() {
        MergedPortfolio merged = merger.merge(List.of(
                new StrategyAllocation("a", 0.5, Weights.of(Map.of(SPY, 0.5, QQQ, 0.5))),
                new StrategyAllocation("b", 0.5, Weights.single(SPY))));
        assertThat(merged.weights().weight(SPY)).isCloseTo(0.75, within(1e-12));
        assertThat(merged.contributors(SPY)).containsEntry("a", 0.25).containsEntry("b", 0.5);
    }

    @Test
    void keepsCashThatAStrategyHolds() {
        MergedPortfolio merged = merger.merge(List.of(
                new StrategyAllocation("a", 0.6, Weights.cashOnly()),
                new StrategyAllocation("b", 0.4, Weights.single(SPY))));
        assertThat(merged.weights().weight(SPY)).isCloseTo(0.4, within(1e-12));
        assertThat(merged.weights().cash()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void rejectsNegativeAllocation() {
        assertThatThrownBy(() -> merger.merge(List.of(
                new StrategyAllocation("a", 1.2, Weights.single(SPY)),
                new StrategyAllocation("b", -0.2, Weights.single(QQQ)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allocation of strategy 'b'").hasMessageContaining("-0.2");
    }

    @Test
    void rejectsNonFiniteAllocation() {
        assertThatThrownBy(() -> merger.merge(List.of(new StrategyAllocation("a", Double.NaN, Weights.single(SPY)))))
                .hasMessageContaining("'a'").hasMessageContaining("finite");
    }

    @Test
    void rejectsAllocationsThatDoNotSumToOne() {
        assertThatThrownBy(() -> merger.merge(List.of(
                new StrategyAllocation("a", 0.4, Weights.single(SPY)),
                new StrategyAllocation("b", 0.5, Weights.single(QQQ)))))
                .hasMessageContaining("must sum to 1").hasMessageContaining("0.9");
    }

    @Test
    void acceptsRoundingNoiseWithinTheTolerance() {
        MergedPortfolio merged = merger.merge(List.of(
                new StrategyAllocation("a", 1 / 3.0, Weights.single(SPY)),
                new StrategyAllocation("b", 1 / 3.0, Weights.single(QQQ)),
                new StrategyAllocation("c", 0.3333334, Weights.single(UVXY))));
        assertThat(merged.weights().total()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void rejectsTheSameStrategyTwice() {
        assertThatThrownBy(() -> merger.merge(List.of(
                new StrategyAllocation("a", 0.5, Weights.single(SPY)),
                new StrategyAllocation("a", 0.5, Weights.single(QQQ)))))
                .hasMessageContaining("'a' appears twice");
    }

    @Property
    void mergedWeightsSumToOneWhenEveryStrategyIsFullyInvested(@ForAll("portfolios") List<StrategyAllocation> allocations) {
        MergedPortfolio merged = merger.merge(allocations);
        assertThat(merged.weights().total()).isCloseTo(1.0, within(1e-9));
        for (Symbol s : merged.weights().bySymbol().keySet()) {
            double attributed = merged.contributors(s).values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(attributed).isCloseTo(merged.weights().weight(s), within(1e-12));
        }
    }

    @Provide
    Arbitrary<List<StrategyAllocation>> portfolios() {
        Arbitrary<String> tickers = Arbitraries.of("SPY", "QQQ", "TQQQ", "UVXY", "GLD", "TLT", "BIL", "SOXL");
        Arbitrary<Weights> weights = tickers.set().ofMinSize(1).ofMaxSize(5).flatMap(set ->
                Arbitraries.doubles().between(0.01, 1).list().ofSize(set.size()).map(raw -> {
                    double sum = raw.stream().mapToDouble(Double::doubleValue).sum();
                    Map<Symbol, Double> m = new HashMap<>();
                    int i = 0;
                    for (String t : set) {
                        m.put(Symbol.of(t), raw.get(i++) / sum);
                    }
                    return fullyInvested(m);
                }));
        return Combinators.combine(weights.list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.doubles().between(0.01, 1).list().ofSize(6)).as((ws, raw) -> {
                    double sum = raw.subList(0, ws.size()).stream().mapToDouble(Double::doubleValue).sum();
                    List<StrategyAllocation> out = new ArrayList<>();
                    for (int i = 0; i < ws.size(); i++) {
                        out.add(new StrategyAllocation("s" + i, raw.get(i) / sum, ws.get(i)));
                    }
                    return out;
                });
    }

    /** Normalised doubles can sum to 1 + an ulp; trim the largest so Weights accepts them. */
    private static Weights fullyInvested(Map<Symbol, Double> m) {
        double sum = m.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 1) {
            Symbol first = m.keySet().iterator().next();
            m.put(first, m.get(first) - (sum - 1));
        }
        return Weights.of(m);
    }
}
