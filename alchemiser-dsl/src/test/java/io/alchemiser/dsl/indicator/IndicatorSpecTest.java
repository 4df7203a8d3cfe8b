package io.alchemiser.dsl.indicator;

import static io.alchemiser.dsl.indicator.IndicatorKind.CURRENT_PRICE;
import static io.alchemiser.dsl.indicator.IndicatorKind.EXPONENTIAL_MOVING_AVERAGE_PRICE;
import static io.alchemiser.dsl.indicator.IndicatorKind.MAX_DRAWDOWN;
import static io.alchemiser.dsl.indicator.IndicatorKind.PERCENTAGE_PRICE_OSCILLATOR;
import static io.alchemiser.dsl.indicator.IndicatorKind.PERCENTAGE_PRICE_OSCILLATOR_SIGNAL;
import static io.alchemiser.dsl.indicator.IndicatorKind.RSI;
import static io.alchemiser.dsl.indicator.IndicatorKind.STDEV_PRICE;
import static io.alchemiser.dsl.indicator.IndicatorKind.STDEV_RETURN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IndicatorSpecTest {

    @Test
    void everyKindRoundTripsThroughItsComposerName() {
        assertThat(Arrays.stream(IndicatorKind.values()).map(IndicatorKind::dslName).collect(Collectors.toList()))
                .containsExactly("rsi", "moving-average-price", "exponential-moving-average-price",
                        "cumulative-return", "moving-average-return", "stdev-return", "stdev-price",
                        "max-drawdown", "current-price", "percentage-price-oscillator",
                        "percentage-price-oscillator-signal");
        for (IndicatorKind kind : IndicatorKind.values()) {
            assertThat(IndicatorKind.fromDslName(kind.dslName())).contains(kind);
        }
    }

    @Test
    void unknownNamesAreEmptyNotGuessed() {
        assertThat(IndicatorKind.fromDslName("moving-average")).isEmpty();
        assertThat(IndicatorKind.fromDslName("RSI")).isEmpty();
        assertThat(IndicatorKind.fromDslName("")).isEmpty();
        assertThat(IndicatorKind.fromDslName(null)).isEmpty();
    }

    @Test
    void warmupIsTheNumberOfLeadingNaNBars() {
        assertThat(IndicatorSpec.of(RSI, 10).warmup()).isEqualTo(10);
        assertThat(IndicatorSpec.of(IndicatorKind.MOVING_AVERAGE_PRICE, 200).warmup()).isEqualTo(199);
        assertThat(IndicatorSpec.of(EXPONENTIAL_MOVING_AVERAGE_PRICE, 50).warmup()).isEqualTo(49);
        assertThat(IndicatorSpec.of(IndicatorKind.CUMULATIVE_RETURN, 5).warmup()).isEqualTo(5);
        assertThat(IndicatorSpec.of(IndicatorKind.MOVING_AVERAGE_RETURN, 90).warmup()).isEqualTo(90);
        assertThat(IndicatorSpec.of(STDEV_RETURN, 21).warmup()).isEqualTo(21);
        assertThat(IndicatorSpec.of(STDEV_PRICE, 21).warmup()).isEqualTo(20);
        assertThat(IndicatorSpec.of(MAX_DRAWDOWN, 60).warmup()).isEqualTo(59);
        assertThat(IndicatorSpec.of(CURRENT_PRICE, 0).warmup()).isZero();
        assertThat(IndicatorSpec.ppo(PERCENTAGE_PRICE_OSCILLATOR, 12, 26, 0).warmup()).isEqualTo(25);
        assertThat(IndicatorSpec.ppo(PERCENTAGE_PRICE_OSCILLATOR_SIGNAL, 12, 26, 9).warmup()).isEqualTo(33);
    }

    @Test
    void describesItselfAsTheExportWritesIt() {
        assertThat(IndicatorSpec.of(RSI, 10).describe()).isEqualTo("rsi(window 10)");
        assertThat(IndicatorSpec.of(CURRENT_PRICE, 0).describe()).isEqualTo("current-price");
        assertThat(IndicatorSpec.ppo(PERCENTAGE_PRICE_OSCILLATOR, 12, 26, 9).describe())
                .isEqualTo("percentage-price-oscillator(short-window 12, long-window 26)");
        assertThat(IndicatorSpec.ppo(PERCENTAGE_PRICE_OSCILLATOR_SIGNAL, 12, 26, 9).describe())
                .isEqualTo("percentage-price-oscillator-signal(short-window 12, long-window 26, smooth-window 9)");
    }

    @Test
    void unusedWindowsAreNormalisedSoEqualSeriesHaveEqualSpecs() {
        assertThat(IndicatorSpec.of(CURRENT_PRICE, 14)).isEqualTo(IndicatorSpec.of(CURRENT_PRICE, 0));
        assertThat(IndicatorSpec.ppo(PERCENTAGE_PRICE_OSCILLATOR, 12, 26, 9))
                .isEqualTo(IndicatorSpec.ppo(PERCENTAGE_PRICE_OSCILLATOR, 12, 26, 0))
                .isEqualTo(new IndicatorSpec(PERCENTAGE_PRICE_OSCILLATOR, 0, 12, 26, 0));
    }

    @Test
    void refusesWindowsOutOfRange() {
        assertThatThrownBy(() -> IndicatorSpec.of(RSI, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rsi needs :window between 1 and 1000000 bars, got 0");
        assertThatThrownBy(() -> IndicatorSpec.of(MAX_DRAWDOWN, -3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndicatorSpec.of(RSI, IndicatorSpec.MAX_WINDOW + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndicatorSpec.of(STDEV_RETURN, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 2 and");
        assertThatThrownBy(() -> IndicatorSpec.ppo(PERCENTAGE_PRICE_OSCILLATOR_SIGNAL, 12, 26, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":smooth-window");
        assertThatThrownBy(() -> IndicatorSpec.ppo(PERCENTAGE_PRICE_OSCILLATOR, 0, 26, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":short-window");
    }

    @Test
    void refusesWindowsTheKindDoesNotTake() {
        assertThatThrownBy(() -> IndicatorSpec.of(PERCENTAGE_PRICE_OSCILLATOR, 12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use IndicatorSpec.ppo");
        assertThatThrownBy(() -> IndicatorSpec.ppo(RSI, 12, 26, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use IndicatorSpec.of");
        assertThatThrownBy(() -> new IndicatorSpec(RSI, 10, 12, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not take :short-window");
        assertThatThrownBy(() -> new IndicatorSpec(CURRENT_PRICE, 5, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndicatorSpec(PERCENTAGE_PRICE_OSCILLATOR, 0, 12, 26, 9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndicatorSpec(null, 1, 0, 0, 0)).isInstanceOf(NullPointerException.class);
    }
}
