package io.alchemiser.s3.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.DailyBar;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LakeBarTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 15);

    @Test
    void theAdjustedCloseIsRequiredAndPositive() {
        assertThatThrownBy(() -> new LakeBar(DAY, null, null, null, BigDecimal.TEN, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adj_close is required");
        assertThatThrownBy(() -> LakeBar.adjustedCloseOnly(DAY, BigDecimal.ZERO))
                .hasMessageContaining("adj_close must be positive");
        assertThatThrownBy(() -> LakeBar.adjustedCloseOnly(DAY, new BigDecimal("-1")))
                .hasMessageContaining("2024-03-15");
    }

    @Test
    void pricesMustBeFiniteAsDoubles() {
        assertThatThrownBy(() -> LakeBar.adjustedCloseOnly(DAY, new BigDecimal("1e400")))
                .hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> LakeBar.adjustedCloseOnly(DAY, new BigDecimal("1e-400")))
                .hasMessageContaining("positive and finite");
    }

    @Test
    void highMayNotBeBelowLowAndVolumeMayNotBeNegative() {
        assertThatThrownBy(() -> new LakeBar(DAY, null, new BigDecimal("9"), new BigDecimal("10"), null,
                BigDecimal.TEN, null)).hasMessageContaining("high 9 is below low 10");
        assertThatThrownBy(() -> new LakeBar(DAY, null, null, null, null, BigDecimal.TEN, -5L))
                .hasMessageContaining("negative");
        assertThat(new LakeBar(DAY, null, BigDecimal.TEN, BigDecimal.TEN, null, BigDecimal.TEN, 0L).volume()).isZero();
    }

    @Test
    void theDomainBarClosesAtTheAdjustedClose() {
        LakeBar bar = new LakeBar(DAY, new BigDecimal("100"), new BigDecimal("102"), new BigDecimal("99"),
                new BigDecimal("101"), new BigDecimal("50.5"), 1200L);
        DailyBar daily = bar.toDailyBar();
        assertThat(daily.close()).isEqualTo(new BigDecimal("50.5"));
        assertThat(daily.volume()).isEqualTo(1200);
        assertThat(LakeBar.adjustedCloseOnly(DAY, BigDecimal.ONE).toDailyBar().volume()).isZero();
    }

    @Test
    void aDomainBarRoundTripsThroughTheLakeRow() {
        DailyBar full = new DailyBar(DAY, new BigDecimal("1"), new BigDecimal("3"), new BigDecimal("0.5"),
                new BigDecimal("2"), 777);
        DailyBar closeOnly = DailyBar.closeOnly(DAY, new BigDecimal("2"));
        assertThat(LakeBar.of(full).toDailyBar()).isEqualTo(full);
        assertThat(LakeBar.of(closeOnly).toDailyBar()).isEqualTo(closeOnly);
        assertThat(LakeBar.of(full).close()).as("raw close is unknown for a domain bar").isNull();
        assertThat(LakeBar.of(closeOnly).volume()).as("0 without a range means unknown").isNull();
    }

    @Test
    void rescalingMultipliesAdjustedPricesButNotTheRawClose() {
        LakeBar bar = new LakeBar(DAY, new BigDecimal("10"), new BigDecimal("12"), new BigDecimal("8"),
                new BigDecimal("11"), new BigDecimal("10.5"), 3L);
        LakeBar half = bar.rescaled(0.5);
        assertThat(half.open()).isEqualByComparingTo("5");
        assertThat(half.high()).isEqualByComparingTo("6");
        assertThat(half.low()).isEqualByComparingTo("4");
        assertThat(half.adjClose()).isEqualByComparingTo("5.25");
        assertThat(half.close()).isEqualByComparingTo("11");
        assertThat(half.volume()).isEqualTo(3L);
    }
}
