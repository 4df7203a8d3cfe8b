package io.alchemiser.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.OrderType;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Which of two states of one order the tracker keeps, whatever order they arrive in. */
class KnownOrdersTest {
    private static final Instant T0 = Instant.parse("2024-11-26T15:00:00Z");

    @Provide
    Arbitrary<Order> states() {
        return Combinators.combine(Arbitraries.of(OrderStatus.values()), Arbitraries.integers().between(0, 10),
                Arbitraries.integers().between(0, 120)).as((status, filled, second) -> {
                    BigDecimal qty = BigDecimal.TEN;
                    BigDecimal f = status == OrderStatus.FILLED ? qty : BigDecimal.valueOf(Math.min(filled, 9));
                    return new Order("o-1", new ClientOrderId("c-1"), Symbol.of("SPY"), Side.BUY, OrderType.LIMIT, qty,
                            BigDecimal.ONE, status, f, f.signum() > 0 ? BigDecimal.ONE : null, T0,
                            T0.plusSeconds(second), null);
                });
    }

    @Property
    void aTerminalStateIsNeverReplaced(@ForAll("states") Order known, @ForAll("states") Order candidate) {
        if (known.isTerminal()) {
            assertThat(KnownOrders.newer(candidate, known)).isFalse();
        }
    }

    @Property
    void aTerminalStateAlwaysReplacesAWorkingOne(@ForAll("states") Order known, @ForAll("states") Order candidate) {
        if (!known.isTerminal() && candidate.isTerminal()) {
            assertThat(KnownOrders.newer(candidate, known)).isTrue();
        }
    }

    @Property
    void aWorkingStateNeverGoesBackInTimeOrInFills(@ForAll("states") Order known, @ForAll("states") Order candidate) {
        if (!known.isTerminal() && !candidate.isTerminal() && KnownOrders.newer(candidate, known)) {
            assertThat(candidate.updatedAt()).isAfterOrEqualTo(known.updatedAt());
            assertThat(candidate.filledQuantity()).isGreaterThanOrEqualTo(known.filledQuantity());
        }
    }
}
