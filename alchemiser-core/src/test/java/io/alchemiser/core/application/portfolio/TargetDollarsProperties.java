package io.alchemiser.core.application.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.Money;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.Weights;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The largest-remainder rule that turns weights into cents, for any weights and any equity. */
class TargetDollarsProperties {
    static final BigDecimal CENT = new BigDecimal("0.01");

    @Provide
    Arbitrary<Weights> weights() {
        return Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(10).map(raw -> {
            double sum = raw.stream().mapToDouble(Double::doubleValue).sum();
            Map<Symbol, Double> m = new HashMap<>();
            for (int i = 0; i < raw.size(); i++) {
                m.put(Symbol.of("S" + i), sum > 1 ? raw.get(i) / sum : raw.get(i));
            }
            return Weights.of(m);
        });
    }

    @Provide
    Arbitrary<BigDecimal> equities() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000000")).ofScale(2);
    }

    @Property(tries = 500)
    void theCentsAddUpToTheRoundedTotalAndGoToTheLargestRemainders(@ForAll("weights") Weights w,
            @ForAll("equities") BigDecimal equity) {
        Map<Symbol, BigDecimal> out = TargetDollars.of(w, equity);

        BigDecimal exactTotal = BigDecimal.ZERO;
        Map<Symbol, BigDecimal> remainder = new HashMap<>();
        for (Map.Entry<Symbol, Double> e : w.bySymbol().entrySet()) {
            BigDecimal exact = equity.multiply(Money.decimal(e.getValue()));
            BigDecimal floor = exact.setScale(2, RoundingMode.FLOOR);
            exactTotal = exactTotal.add(exact);
            remainder.put(e.getKey(), exact.subtract(floor));
            BigDecimal extra = out.get(e.getKey()).subtract(floor);
            assertThat(extra).as("each part is its floor or one cent more").isIn(BigDecimal.ZERO.setScale(2), CENT);
        }
        BigDecimal sum = out.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(Money.cash(exactTotal));
        assertThat(out.keySet()).isEqualTo(w.bySymbol().keySet());

        List<Symbol> gotCent = out.keySet().stream()
                .filter(s -> out.get(s).compareTo(equity.multiply(Money.decimal(w.weight(s)))
                        .setScale(2, RoundingMode.FLOOR)) > 0).toList();
        for (Symbol with : gotCent) {
            for (Symbol without : out.keySet()) {
                if (gotCent.contains(without)) {
                    continue;
                }
                int cmp = remainder.get(with).compareTo(remainder.get(without));
                assertThat(cmp > 0 || cmp == 0 && with.compareTo(without) < 0)
                        .as("%s got the spare cent before %s", with, without).isTrue();
            }
        }
    }
}
