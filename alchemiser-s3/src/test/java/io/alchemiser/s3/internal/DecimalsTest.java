package io.alchemiser.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void pricesOfTheSharedDataComeBackAsWritten() {
        for (String price : new String[] {"91.132774", "747.03003", "0.0077718496", "100", "5.145e+11", "0.01",
                "123456.78", "1e-9"}) {
            BigDecimal written = new BigDecimal(price);
            assertThat(Decimals.of(written.doubleValue())).as(price).isEqualByComparingTo(written);
        }
        assertThat(Decimals.of(100.0)).hasToString("100");
        assertThat(Decimals.of(91.132774)).hasToString("91.132774");
    }

    @Property(tries = 2000)
    void anyDecimalWithUpTo15SignificantDigitsReadsBackExactly(@ForAll @LongRange(min = 1, max = 999_999_999_999_999L)
            long unscaled, @ForAll @IntRange(min = -4, max = 20) int scale) {
        BigDecimal written = BigDecimal.valueOf(unscaled, scale);
        BigDecimal back = Decimals.of(written.doubleValue());
        assertThat(back).isEqualByComparingTo(written);
    }

    @Property(tries = 2000)
    void whateverItReturnsReadsBackAsTheSameDouble(
            @ForAll @LongRange(min = 0x0010000000000000L, max = 0x7FEFFFFFFFFFFFFFL) long bits) {
        double value = Double.longBitsToDouble(bits);
        assertThat(Decimals.of(value).doubleValue()).isEqualTo(value);
    }

    @Test
    void nonFiniteValuesAreRefused() {
        assertThatThrownBy(() -> Decimals.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decimals.of(Double.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
