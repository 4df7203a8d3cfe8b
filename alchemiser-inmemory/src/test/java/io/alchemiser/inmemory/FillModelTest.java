package io.alchemiser.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.alchemiser.core.domain.Side;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FillModelTest {
    private static final BigDecimal BID = new BigDecimal("150.00");
    private static final BigDecimal ASK = new BigDecimal("152.00");

    @Test
    void theFractionToTheTouchIsMeasuredFromTheNearSideAndMirroredForSells() {
        assertThat(FillModel.fractionToTouch(Side.BUY, new BigDecimal("151.50"), BID, ASK)).isEqualTo(0.75);
        assertThat(FillModel.fractionToTouch(Side.SELL, new BigDecimal("150.50"), BID, ASK)).isEqualTo(0.75);
        assertThat(FillModel.fractionToTouch(Side.BUY, new BigDecimal("149.00"), BID, ASK)).isEqualTo(-0.5);
        assertThat(FillModel.fractionToTouch(Side.SELL, new BigDecimal("149.00"), BID, ASK)).isEqualTo(1.5);
    }

    @Test
    void aLockedBookIsAllOrNothing() {
        BigDecimal p = new BigDecimal("10.00");

        assertThat(FillModel.fractionToTouch(Side.BUY, p, p, p)).isEqualTo(1);
        assertThat(FillModel.fractionToTouch(Side.BUY, new BigDecimal("9.99"), p, p)).isZero();
        assertThat(FillModel.fractionToTouch(Side.SELL, new BigDecimal("10.01"), p, p)).isZero();
    }

    @Test
    void theDefaultCurveGivesTheWalkTheBookStepsRisingOdds() {
        FillModel model = FillModel.defaults();

        assertThat(model.probability(0.75)).isCloseTo(0.5625, within(1e-12));
        assertThat(model.probability(0.85)).isCloseTo(0.7225, within(1e-12));
        assertThat(model.probability(0.95)).isCloseTo(0.9025, within(1e-12));
        assertThat(model.probability(-0.3)).isZero();
        assertThat(model.probability(1.0)).isEqualTo(1);
    }

    @Test
    void theFillTimeInvertsTheExponentialSoTheReferenceWaitHoldsExactlyProbabilityP() {
        FillModel model = FillModel.defaults();
        double p = model.probability(0.75);

        assertThat(model.timeToFill(0.75, p)).contains(Duration.ofSeconds(30));
        assertThat(model.timeToFill(0.75, 0)).contains(Duration.ZERO);
        // u = 1 - (1 - p)^2 is exactly two reference waits.
        assertThat(model.timeToFill(0.75, 1 - (1 - p) * (1 - p)).orElseThrow().toMillis()).isEqualTo(60_000);
    }

    @Test
    void aZeroProbabilityNeverFillsAndAMarketableLimitFillsOnArrival() {
        FillModel model = FillModel.defaults();

        assertThat(model.timeToFill(0, 0.0)).isEmpty();
        assertThat(model.timeToFill(1.2, 0.99)).contains(Duration.ZERO);
        assertThat(model.withProbability(x -> 1.0).timeToFill(0.1, 0.99)).contains(Duration.ZERO);
        assertThat(model.withProbability(x -> Double.NaN).timeToFill(0.5, 0.0)).isEmpty();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> FillModel.defaults().withPartialFills(1.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FillModel.defaults().withPartialFills(0.5, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FillModel(x -> x, Duration.ZERO, 0, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
