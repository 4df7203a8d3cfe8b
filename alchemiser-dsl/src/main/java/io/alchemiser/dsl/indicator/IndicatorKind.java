package io.alchemiser.dsl.indicator;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The indicators a Composer symphony can ask for, each named as Composer exports write it.
 *
 * <p>Every kind is computed over daily adjusted closes by {@link Indicators#series}; the formula of
 * each is stated on its constant. "Percent" means percent points: {@code 1.5} is 1.5%.
 */
public enum IndicatorKind {

    /**
     * {@code rsi}: Wilder's relative strength index, 0..100, over {@code window} daily changes.
     * Average gain and loss are seeded at bar {@code window} with the simple mean of the first
     * {@code window} changes, then smoothed with alpha = 1/window; RSI = 100 * G / (G + L).
     */
    RSI("rsi"),

    /** {@code moving-average-price}: the simple mean of the last {@code window} closes. */
    MOVING_AVERAGE_PRICE("moving-average-price"),

    /**
     * {@code exponential-moving-average-price}: EMA of closes with alpha = 2/(window+1), seeded at
     * bar {@code window-1} with the simple mean of the first {@code window} closes.
     */
    EXPONENTIAL_MOVING_AVERAGE_PRICE("exponential-moving-average-price"),

    /** {@code cumulative-return}: (close / close {@code window} bars ago - 1) * 100, in percent. */
    CUMULATIVE_RETURN("cumulative-return"),

    /** {@code moving-average-return}: the mean of the last {@code window} daily percent returns. */
    MOVING_AVERAGE_RETURN("moving-average-return"),

    /**
     * {@code stdev-return}: sample standard deviation (divisor n-1) of the last {@code window} daily
     * percent returns, in percent, not annualised.
     */
    STDEV_RETURN("stdev-return"),

    /** {@code stdev-price}: sample standard deviation (divisor n-1) of the last {@code window} closes. */
    STDEV_PRICE("stdev-price"),

    /**
     * {@code max-drawdown}: the largest peak-to-trough decline among the last {@code window} closes,
     * the peak preceding the trough, as a positive percent.
     */
    MAX_DRAWDOWN("max-drawdown"),

    /** {@code current-price}: the close itself; takes no window. */
    CURRENT_PRICE("current-price"),

    /**
     * {@code percentage-price-oscillator}: (EMA(short) - EMA(long)) / EMA(long) * 100, using
     * {@code :short-window} and {@code :long-window}.
     */
    PERCENTAGE_PRICE_OSCILLATOR("percentage-price-oscillator"),

    /**
     * {@code percentage-price-oscillator-signal}: the EMA over {@code :smooth-window} bars of the
     * percentage price oscillator line, seeded like every EMA here with a simple mean.
     */
    PERCENTAGE_PRICE_OSCILLATOR_SIGNAL("percentage-price-oscillator-signal");

    private static final Map<String, IndicatorKind> BY_DSL_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(IndicatorKind::dslName, Function.identity()));

    private final String dslName;

    IndicatorKind(String dslName) {
        this.dslName = dslName;
    }

    /**
     * The operator name as written in Composer exports.
     *
     * @return the name, such as {@code "rsi"}
     */
    public String dslName() {
        return dslName;
    }

    /**
     * The kind an exported operator name stands for.
     *
     * @param dslName an operator name such as {@code "moving-average-price"}; matched exactly
     * @return the kind, or empty when the name is not an indicator this package computes
     */
    public static Optional<IndicatorKind> fromDslName(String dslName) {
        return dslName == null ? Optional.empty() : Optional.ofNullable(BY_DSL_NAME.get(dslName));
    }

    /** Whether this kind is parameterised by {@code :short-window}/{@code :long-window} instead of {@code :window}. */
    boolean isOscillator() {
        return this == PERCENTAGE_PRICE_OSCILLATOR || this == PERCENTAGE_PRICE_OSCILLATOR_SIGNAL;
    }
}
