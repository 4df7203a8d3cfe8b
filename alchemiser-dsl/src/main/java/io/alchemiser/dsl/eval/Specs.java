package io.alchemiser.dsl.eval;

import io.alchemiser.dsl.compile.Indicator;
import io.alchemiser.dsl.indicator.IndicatorKind;
import io.alchemiser.dsl.indicator.IndicatorSpec;
import io.alchemiser.dsl.read.SourcePosition;

/** Turns a compiled {@link Indicator} into the {@link IndicatorSpec} the indicator package computes. */
final class Specs implements Indicator.Visitor<IndicatorSpec> {
    private static final Specs INSTANCE = new Specs();

    private Specs() {
    }

    /**
     * The spec of {@code indicator}, read at {@code position}.
     *
     * @throws EvaluationException ({@link EvaluationException.Reason#INVALID}) when the windows cannot be computed,
     *                             such as a standard deviation over a window of 1
     */
    static IndicatorSpec of(Indicator indicator, SourcePosition position) {
        try {
            return indicator.accept(INSTANCE);
        } catch (IllegalArgumentException e) {
            throw new EvaluationException(EvaluationException.Reason.INVALID, position, null,
                    indicator.operator() + " cannot be computed: " + e.getMessage(), e);
        }
    }

    /** The volatility {@code weight-inverse-volatility N} weights by: stdev-return over N days. */
    static IndicatorSpec volatility(int window, SourcePosition position) {
        try {
            return IndicatorSpec.of(IndicatorKind.STDEV_RETURN, window);
        } catch (IllegalArgumentException e) {
            throw new EvaluationException(EvaluationException.Reason.INVALID, position, null,
                    "weight-inverse-volatility " + window + " cannot weigh by volatility: " + e.getMessage(), e);
        }
    }

    @Override
    public IndicatorSpec visitRsi(Indicator.Rsi rsi) {
        return IndicatorSpec.of(IndicatorKind.RSI, rsi.window());
    }

    @Override
    public IndicatorSpec visitMovingAveragePrice(Indicator.MovingAveragePrice indicator) {
        return IndicatorSpec.of(IndicatorKind.MOVING_AVERAGE_PRICE, indicator.window());
    }

    @Override
    public IndicatorSpec visitExponentialMovingAveragePrice(Indicator.ExponentialMovingAveragePrice indicator) {
        return IndicatorSpec.of(IndicatorKind.EXPONENTIAL_MOVING_AVERAGE_PRICE, indicator.window());
    }

    @Override
    public IndicatorSpec visitCumulativeReturn(Indicator.CumulativeReturn indicator) {
        return IndicatorSpec.of(IndicatorKind.CUMULATIVE_RETURN, indicator.window());
    }

    @Override
    public IndicatorSpec visitMovingAverageReturn(Indicator.MovingAverageReturn indicator) {
        return IndicatorSpec.of(IndicatorKind.MOVING_AVERAGE_RETURN, indicator.window());
    }

    @Override
    public IndicatorSpec visitStdevReturn(Indicator.StdevReturn indicator) {
        return IndicatorSpec.of(IndicatorKind.STDEV_RETURN, indicator.window());
    }

    @Override
    public IndicatorSpec visitStdevPrice(Indicator.StdevPrice indicator) {
        return IndicatorSpec.of(IndicatorKind.STDEV_PRICE, indicator.window());
    }

    @Override
    public IndicatorSpec visitMaxDrawdown(Indicator.MaxDrawdown indicator) {
        return IndicatorSpec.of(IndicatorKind.MAX_DRAWDOWN, indicator.window());
    }

    @Override
    public IndicatorSpec visitCurrentPrice(Indicator.CurrentPrice indicator) {
        return IndicatorSpec.of(IndicatorKind.CURRENT_PRICE, 0);
    }

    @Override
    public IndicatorSpec visitPercentagePriceOscillator(Indicator.PercentagePriceOscillator indicator) {
        return IndicatorSpec.ppo(IndicatorKind.PERCENTAGE_PRICE_OSCILLATOR, indicator.shortWindow(),
                indicator.longWindow(), 0);
    }

    @Override
    public IndicatorSpec visitPercentagePriceOscillatorSignal(Indicator.PercentagePriceOscillatorSignal indicator) {
        return IndicatorSpec.ppo(IndicatorKind.PERCENTAGE_PRICE_OSCILLATOR_SIGNAL, indicator.shortWindow(),
                indicator.longWindow(), indicator.smoothWindow());
    }
}
