package io.alchemiser.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The relative difference behind fragile decisions: |a - b| / max(|a|, |b|), 0 when both are 0. */
class ClosenessTest {

    @Test
    void isTheGapOverTheLargerMagnitude() {
        assertThat(Closeness.relativeDifference(100, 99.5)).isCloseTo(0.005, within(1e-15));
        assertThat(Closeness.relativeDifference(-100, -99.5)).isCloseTo(0.005, within(1e-15));
        assertThat(Closeness.relativeDifference(0, 0)).isZero();
        assertThat(Closeness.relativeDifference(0, 1e-12)).isEqualTo(1.0);
        assertThat(Closeness.relativeDifference(-1, 1)).isEqualTo(2.0);
    }

    @Test
    void isFragileStrictlyBelowTheMarginAndNeverWithAZeroMargin() {
        assertThat(Closeness.fragility(100, 99.6, 0.005)).isPresent();
        assertThat(Closeness.fragility(100, 99.5, 0.005)).isEmpty();
        assertThat(Closeness.fragility(7, 7, 0)).isEmpty();
        assertThat(Closeness.fragility(Double.NaN, 7, 0.005)).isEmpty();
    }

    @Property
    void isSymmetricScaleFreeAndWithinZeroAndTwo(@ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double b,
            @ForAll @DoubleRange(min = 0.01, max = 1e3) double scale) {
        double d = Closeness.relativeDifference(a, b);
        assertThat(d).isBetween(0.0, 2.0).isEqualTo(Closeness.relativeDifference(b, a));
        assertThat(Closeness.relativeDifference(a * scale, b * scale)).isCloseTo(d, within(1e-9));
    }
}
