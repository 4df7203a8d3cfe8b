package io.alchemiser.core.application.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WalkTheBookTest {
    private static final Symbol X = Symbol.of("X");
    private final WalkTheBook walk = new WalkTheBook(ExecutionSettings.defaults());

    private static Quote quote(String bid, String ask) {
        return new Quote(X, bid == null ? null : new BigDecimal(bid), ask == null ? null : new BigDecimal(ask), null,
                Instant.EPOCH);
    }

    @Test
    void buyWalksTheDesignWorkedExampleThenGoesToMarket() {
        Quote q = quote("150.00", "152.00");
        assertThat(walk.price(Side.BUY, q, 0).limitPrice()).isEqualByComparingTo("151.50");
        assertThat(walk.price(Side.BUY, q, 1).limitPrice()).isEqualByComparingTo("151.70");
        assertThat(walk.price(Side.BUY, q, 2).limitPrice()).isEqualByComparingTo("151.90");
        assertThat(walk.price(Side.BUY, q, 3).isMarket()).isTrue();
    }

    @Test
    void sellMirrorsTheWalkFromTheAskDown() {
        Quote q = quote("150.00", "152.00");
        assertThat(walk.price(Side.SELL, q, 0).limitPrice()).isEqualByComparingTo("150.50");
        assertThat(walk.price(Side.SELL, q, 1).limitPrice()).isEqualByComparingTo("150.30");
        assertThat(walk.price(Side.SELL, q, 2).limitPrice()).isEqualByComparingTo("150.10");
        assertThat(walk.price(Side.SELL, q, 3).isMarket()).isTrue();
    }

    @Test
    void roundsBuysDownAndSellsUpToTheTick() {
        Quote q = quote("10.00", "10.03");
        assertThat(walk.price(Side.BUY, q, 0).limitPrice()).isEqualByComparingTo("10.02"); // 10.0225
        assertThat(walk.price(Side.SELL, q, 0).limitPrice()).isEqualByComparingTo("10.01"); // 10.0075
    }

    @Test
    void usesSubPennyTicksBelowOneDollar() {
        Quote q = quote("0.5000", "0.5040");
        assertThat(walk.price(Side.BUY, q, 0).limitPrice()).isEqualByComparingTo("0.5030");
    }

    @Test
    void aWideSpreadIsWalkedOnACappedBookAndNeverGoesToMarket() {
        Quote q = quote("90.00", "110.00"); // 20% wide, cap is 2% of mid 100
        PricedStep first = walk.price(Side.BUY, q, 0);
        PricedStep last = walk.price(Side.BUY, q, 3);
        assertThat(first.limitPrice()).isEqualByComparingTo("100.50"); // 99 + 0.75 * 2
        assertThat(last.isMarket()).isFalse();
        assertThat(last.limitPrice()).isEqualByComparingTo("101.00");
        assertThat(first.basis()).contains("synthetic");
    }

    @Test
    void aCrossedOrOneSidedQuoteFallsBackToTheLastPrice() {
        Quote crossed = new Quote(X, new BigDecimal("101"), new BigDecimal("99"), new BigDecimal("100"), Instant.EPOCH);
        assertThat(walk.price(Side.SELL, crossed, 0).limitPrice()).isEqualByComparingTo("99.50");
        Quote oneSided = new Quote(X, null, new BigDecimal("50"), null, Instant.EPOCH);
        assertThat(walk.price(Side.BUY, oneSided, 3).limitPrice()).isEqualByComparingTo("50.50");
    }

    @Test
    void refusesToPriceWithoutAnyPrice() {
        assertThatThrownBy(() -> walk.price(Side.BUY, quote(null, null), 0)).hasMessageContaining("X: no bid, ask or last");
    }

    @Property(tries = 500)
    void limitsStayInsideTheBookAndMoveMonotonicallyTowardTheFarSide(
            @ForAll @IntRange(min = 100, max = 1_000_000) int bidCents, @ForAll @IntRange(min = 0, max = 2000) int spreadBps,
            @ForAll boolean buy) {
        BigDecimal bid = BigDecimal.valueOf(bidCents, 2);
        BigDecimal ask = bid.add(bid.multiply(BigDecimal.valueOf(spreadBps, 4))).setScale(2, java.math.RoundingMode.UP);
        Quote q = new Quote(X, bid, ask, null, Instant.EPOCH);
        Side side = buy ? Side.BUY : Side.SELL;
        BigDecimal previous = null;
        for (int step = 0; step < walk.attempts(); step++) {
            PricedStep p = walk.price(side, q, step);
            if (p.isMarket()) {
                continue;
            }
            BigDecimal mid = bid.add(ask).divide(BigDecimal.valueOf(2));
            boolean quoted = ask.subtract(bid).compareTo(mid.multiply(new BigDecimal("0.02"))) <= 0;
            BigDecimal lo = quoted ? bid : mid.subtract(mid.multiply(new BigDecimal("0.01")));
            BigDecimal hi = quoted ? ask : mid.add(mid.multiply(new BigDecimal("0.01")));
            assertThat(p.limitPrice()).isBetween(lo, hi);
            if (previous != null) {
                if (buy) {
                    assertThat(p.limitPrice()).isGreaterThanOrEqualTo(previous);
                } else {
                    assertThat(p.limitPrice()).isLessThanOrEqualTo(previous);
                }
            }
            previous = p.limitPrice();
        }
    }
}
