package io.alchemiser.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class WeightsTest {
    static final Symbol SPY = Symbol.of("SPY");
    static final Symbol QQQ = Symbol.of("QQQ");

    @Test
    void whatIsNotAllocatedIsCashAndZeroWeightsAreDropped() {
        Weights w = Weights.of(Map.of(SPY, 0.6, QQQ, 0.0));
        assertThat(w.bySymbol()).containsOnlyKeys(SPY);
        assertThat(w.cash()).isCloseTo(0.4, within(1e-15));
        assertThat(w.weight(QQQ)).isZero();
        assertThat(Weights.cashOnly().isCashOnly()).isTrue();
        assertThat(Weights.cashOnly().cash()).isEqualTo(1.0);
        assertThat(Weights.single(QQQ).total()).isEqualTo(1.0);
    }

    @Test
    void iteratesInSymbolOrderWhateverTheMapGiven() {
        Map<Symbol, Double> m = new HashMap<>();
        m.put(Symbol.of("ZZZ"), 0.1);
        m.put(Symbol.of("AAA"), 0.2);
        m.put(Symbol.of("MMM"), 0.3);
        assertThat(Weights.of(m).bySymbol().keySet()).extracting(Symbol::value).containsExactly("AAA", "MMM", "ZZZ");
    }

    @Test
    void refusesWeightsOutsideZeroToOneOrSummingPastOne() {
        assertThatThrownBy(() -> Weights.of(Map.of(SPY, -0.1))).hasMessageContaining("weight of SPY");
        assertThatThrownBy(() -> Weights.of(Map.of(SPY, 1.1))).hasMessageContaining("in [0, 1]");
        assertThatThrownBy(() -> Weights.of(Map.of(SPY, Double.NaN))).hasMessageContaining("finite");
        assertThatThrownBy(() -> Weights.of(Map.of(SPY, 0.6, QQQ, 0.5))).hasMessageContaining("more than 1");
        assertThat(Weights.of(Map.of(SPY, 0.5, QQQ, 0.5 + 1e-10)).total()).as("within 1e-9 of 1 is 1")
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theMapIsACopyThatCannotBeChanged() {
        Map<Symbol, Double> m = new HashMap<>(Map.of(SPY, 0.5));
        Weights w = Weights.of(m);
        m.put(QQQ, 0.5);
        assertThat(w.bySymbol()).containsOnlyKeys(SPY);
        assertThatThrownBy(() -> w.bySymbol().put(QQQ, 0.1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Property
    void anyFractionsScaledToSumAtMostOneAreWeightsWithCashTheRest(
            @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0, max = 1) Double> raw) {
        double sum = raw.stream().mapToDouble(Double::doubleValue).sum();
        Map<Symbol, Double> m = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            m.put(Symbol.of("S" + i), sum > 1 ? raw.get(i) / sum : raw.get(i));
        }
        Weights w = Weights.of(m);
        assertThat(w.total() + w.cash()).isCloseTo(1.0, within(1e-9));
        assertThat(w.cash()).isGreaterThanOrEqualTo(0);
        assertThat(w.bySymbol().values()).allMatch(x -> x > 0);
    }
}
