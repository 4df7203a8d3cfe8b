package io.alchemiser.core.application.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import io.alchemiser.core.domain.portfolio.MergedPortfolio;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SleeveMergerTest {
    static final Symbol SPY = Symbol.of("SPY");
    static final Symbol QQQ = Symbol.of("QQQ");
    static final Symbol TLT = Symbol.of("TLT");

    @Test
    void theAccountTargetIsTheSumOfTheSleevesByTheirValue() {
        // Sleeve a grew to $6,000 and rebalances to SPY 100%; sleeve b is worth $3,000 and drifts at QQQ 2/3, TLT 1/3;
        // the account has $1,000 of cash outside both.
        MergedPortfolio m = new SleeveMerger().merge(List.of(
                new SleeveMerger.SleeveTarget("a", 6_000, Weights.single(SPY)),
                new SleeveMerger.SleeveTarget("b", 3_000, Weights.of(Map.of(QQQ, 2 / 3.0, TLT, 1 / 3.0)))), 10_000);

        assertThat(m.weights().weight(SPY)).isCloseTo(0.6, within(1e-12));
        assertThat(m.weights().weight(QQQ)).isCloseTo(0.2, within(1e-12));
        assertThat(m.weights().weight(TLT)).isCloseTo(0.1, within(1e-12));
        assertThat(m.weights().cash()).isCloseTo(0.1, within(1e-12));
        assertThat(m.contributors(QQQ)).containsOnlyKeys("b");
    }

    @Test
    void aSwapBetweenSleevesNetsOut() {
        // Sleeve a moves from SPY to QQQ while sleeve b moves from QQQ to SPY, both worth $5,000: the account target is
        // what it already holds (half each), so the planner trades nothing.
        MergedPortfolio m = new SleeveMerger().merge(List.of(
                new SleeveMerger.SleeveTarget("a", 5_000, Weights.single(QQQ)),
                new SleeveMerger.SleeveTarget("b", 5_000, Weights.single(SPY))), 10_000);

        assertThat(m.weights().bySymbol()).containsOnly(Map.entry(QQQ, 0.5), Map.entry(SPY, 0.5));
        assertThat(m.contributors(SPY)).containsOnly(Map.entry("b", 0.5));
    }

    @Test
    void refusesSleevesWorthMoreThanTheAccountOrNamedTwice() {
        SleeveMerger merger = new SleeveMerger();
        assertThatThrownBy(() -> merger.merge(List.of(new SleeveMerger.SleeveTarget("a", 11_000, Weights.single(SPY))),
                10_000)).hasMessageContaining("worth 11000.0");
        assertThatThrownBy(() -> merger.merge(List.of(new SleeveMerger.SleeveTarget("a", 1, Weights.single(SPY)),
                new SleeveMerger.SleeveTarget("a", 1, Weights.single(QQQ))), 10)).hasMessageContaining("two sleeves");
    }
}
