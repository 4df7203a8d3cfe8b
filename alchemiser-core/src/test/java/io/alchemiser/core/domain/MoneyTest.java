package io.alchemiser.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class MoneyTest {
    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void cashRoundsToTheCentHalfEven() {
        assertThat(Money.cash(d("1.005"))).isEqualTo(d("1.00"));
        assertThat(Money.cash(d("1.015"))).isEqualTo(d("1.02"));
        assertThat(Money.cash(d("-2.345"))).isEqualTo(d("-2.34"));
        assertThat(Money.cash(d("7"))).isEqualTo(d("7.00"));
    }

    @Test
    void decimalKeepsTheShortestTextOfADoubleAndRefusesNonFiniteOnes() {
        assertThat(Money.decimal(0.1)).isEqualTo(d("0.1"));
        assertThat(Money.decimal(1 / 3.0)).isEqualTo(d("0.3333333333333333"));
        assertThat(Money.decimal(0.1)).as("not the binary expansion new BigDecimal(0.1) gives")
                .isNotEqualTo(new BigDecimal(0.1));
        assertThatThrownBy(() -> Money.decimal(Double.NaN)).hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> Money.decimal(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pricesGoToCentsFromOneDollarAndToHundredthsOfACentBelow() {
        assertThat(Money.tickScale(d("1.00"))).isEqualTo(2);
        assertThat(Money.tickScale(d("0.9999"))).isEqualTo(4);
        assertThat(Money.toTick(d("151.505"), RoundingMode.DOWN)).isEqualTo(d("151.50"));
        assertThat(Money.toTick(d("0.12345"), RoundingMode.UP)).isEqualTo(d("0.1235"));
        // Rounding up can cross $1: 0.99995 becomes 1.0000, which is re-rounded at the $1 tick.
        assertThat(Money.toTick(d("0.99995"), RoundingMode.UP)).isEqualTo(d("1.00"));
    }

    @Test
    void quantitiesRoundTowardZeroToWholeSharesOrNineDecimals() {
        assertThat(Money.quantity(d("12.999"), false)).isEqualByComparingTo("12");
        assertThat(Money.quantity(d("0.1234567899"), true)).isEqualTo(d("0.123456789"));
        assertThat(Money.quantity(d("5.000000000"), true)).isEqualTo(d("5"));
        assertThat(Money.quantity(d("-1.5"), true)).as("never negative").isEqualByComparingTo("0");
    }

    @Property
    void aQuantityNeverExceedsTheSharesAskedAndIsWithinOneStepOfThem(
            @ForAll @BigRange(min = "0", max = "1000000") @Scale(12) BigDecimal shares, @ForAll boolean fractional) {
        BigDecimal q = Money.quantity(shares, fractional);
        BigDecimal step = fractional ? d("0.000000001") : BigDecimal.ONE;
        assertThat(q).isLessThanOrEqualTo(shares);
        assertThat(shares.subtract(q)).isLessThan(step);
        assertThat(q.scale()).isLessThanOrEqualTo(fractional ? Money.FRACTIONAL_QTY_SCALE : 0);
    }
}
