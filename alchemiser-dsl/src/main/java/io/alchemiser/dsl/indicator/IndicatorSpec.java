package io.alchemiser.dsl.indicator;

import java.util.Objects;

/**
 * Which indicator to compute and with which windows; a value, usable as a cache key.
 *
 * <p>Windows count trading days (bars). A spec holds only the windows its kind uses; every unused
 * window is {@code 0}, so two specs that describe the same series are equal:
 * <ul>
 *   <li>{@link IndicatorKind#CURRENT_PRICE}: no window at all;</li>
 *   <li>{@link IndicatorKind#PERCENTAGE_PRICE_OSCILLATOR}: {@code shortWindow} and {@code longWindow};</li>
 *   <li>{@link IndicatorKind#PERCENTAGE_PRICE_OSCILLATOR_SIGNAL}: those two and {@code smoothWindow};</li>
 *   <li>every other kind: {@code window} only. {@link IndicatorKind#STDEV_RETURN} and
 *       {@link IndicatorKind#STDEV_PRICE} need {@code window >= 2}, because the sample standard
 *       deviation of one value is undefined (its divisor n-1 is 0).</li>
 * </ul>
 * Used windows are between 1 and {@value #MAX_WINDOW}. The short window of an oscillator may be
 * larger than its long window; the formula is still defined, so it is not refused here.
 *
 * @param kind         the indicator
 * @param window       bars for the single-window kinds, else 0
 * @param shortWindow  the fast EMA of an oscillator, else 0
 * @param longWindow   the slow EMA of an oscillator, else 0
 * @param smoothWindow the EMA of the oscillator line for the signal, else 0
 */
public record IndicatorSpec(IndicatorKind kind, int window, int shortWindow, int longWindow, int smoothWindow) {

    /** The longest window accepted: about 4,000 years of trading days, far beyond any history. */
    public static final int MAX_WINDOW = 1_000_000;

    /**
     * Validates the windows against what {@code kind} uses; see the class comment.
     *
     * @param kind         the indicator
     * @param window       bars for the single-window kinds, else 0
     * @param shortWindow  the fast EMA of an oscillator, else 0
     * @param longWindow   the slow EMA of an oscillator, else 0
     * @param smoothWindow the EMA of the oscillator line for the signal, else 0
     * @throws IllegalArgumentException if a used window is out of range or an unused one is not 0
     */
    public IndicatorSpec {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case CURRENT_PRICE -> {
                requireUnused(kind, "window", window);
                requireNoOscillatorWindows(kind, shortWindow, longWindow, smoothWindow);
            }
            case PERCENTAGE_PRICE_OSCILLATOR -> {
                requireUnused(kind, "window", window);
                requireInRange(kind, "short-window", shortWindow, 1);
                requireInRange(kind, "long-window", longWindow, 1);
                requireUnused(kind, "smooth-window", smoothWindow);
            }
            case PERCENTAGE_PRICE_OSCILLATOR_SIGNAL -> {
                requireUnused(kind, "window", window);
                requireInRange(kind, "short-window", shortWindow, 1);
                requireInRange(kind, "long-window", longWindow, 1);
                requireInRange(kind, "smooth-window", smoothWindow, 1);
            }
            case STDEV_RETURN, STDEV_PRICE -> {
                requireInRange(kind, "window", window, 2);
                requireNoOscillatorWindows(kind, shortWindow, longWindow, smoothWindow);
            }
            default -> {
                requireInRange(kind, "window", window, 1);
                requireNoOscillatorWindows(kind, shortWindow, longWindow, smoothWindow);
            }
        }
    }

    /**
     * A single-window indicator, such as {@code (rsi "SPY" {:window 10})}.
     *
     * @param kind   any kind but the two oscillators
     * @param window the {@code :window} in bars; ignored for {@link IndicatorKind#CURRENT_PRICE}
     * @return the spec
     * @throws IllegalArgumentException if {@code kind} is an oscillator or the window is out of range
     */
    public static IndicatorSpec of(IndicatorKind kind, int window) {
        Objects.requireNonNull(kind, "kind");
        if (kind.isOscillator()) {
            throw new IllegalArgumentException(kind.dslName()
                    + " takes :short-window and :long-window, not :window; use IndicatorSpec.ppo");
        }
        return new IndicatorSpec(kind, kind == IndicatorKind.CURRENT_PRICE ? 0 : window, 0, 0, 0);
    }

    /**
     * A percentage price oscillator or its signal line, such as
     * {@code (percentage-price-oscillator-signal "SOXL" {:short-window 12, :long-window 26, :smooth-window 9})}.
     *
     * @param kind         {@link IndicatorKind#PERCENTAGE_PRICE_OSCILLATOR} or
     *                     {@link IndicatorKind#PERCENTAGE_PRICE_OSCILLATOR_SIGNAL}
     * @param shortWindow  the fast EMA window
     * @param longWindow   the slow EMA window
     * @param smoothWindow the signal EMA window; ignored (stored as 0) for the oscillator line,
     *                     which it does not affect
     * @return the spec
     * @throws IllegalArgumentException if {@code kind} is not an oscillator or a used window is out of range
     */
    public static IndicatorSpec ppo(IndicatorKind kind, int shortWindow, int longWindow, int smoothWindow) {
        Objects.requireNonNull(kind, "kind");
        if (!kind.isOscillator()) {
            throw new IllegalArgumentException(kind.dslName() + " is not a percentage price oscillator; use IndicatorSpec.of");
        }
        int smooth = kind == IndicatorKind.PERCENTAGE_PRICE_OSCILLATOR ? 0 : smoothWindow;
        return new IndicatorSpec(kind, 0, shortWindow, longWindow, smooth);
    }

    /**
     * Bars of history needed before the first defined value: in a series from
     * {@link Indicators#series}, indices {@code 0 .. warmup()-1} are {@code NaN} and every later
     * index is defined.
     *
     * <table>
     *   <caption>warm-up by kind</caption>
     *   <tr><td>rsi, cumulative-return, moving-average-return, stdev-return</td><td>window (they use window changes)</td></tr>
     *   <tr><td>moving-average-price, exponential-moving-average-price, stdev-price, max-drawdown</td><td>window - 1</td></tr>
     *   <tr><td>current-price</td><td>0</td></tr>
     *   <tr><td>percentage-price-oscillator</td><td>max(short, long) - 1</td></tr>
     *   <tr><td>percentage-price-oscillator-signal</td><td>max(short, long) - 1 + smooth - 1</td></tr>
     * </table>
     *
     * @return the number of leading {@code NaN} values
     */
    public int warmup() {
        return switch (kind) {
            case RSI, CUMULATIVE_RETURN, MOVING_AVERAGE_RETURN, STDEV_RETURN -> window;
            case MOVING_AVERAGE_PRICE, EXPONENTIAL_MOVING_AVERAGE_PRICE, STDEV_PRICE, MAX_DRAWDOWN -> window - 1;
            case CURRENT_PRICE -> 0;
            case PERCENTAGE_PRICE_OSCILLATOR -> Math.max(shortWindow, longWindow) - 1;
            case PERCENTAGE_PRICE_OSCILLATOR_SIGNAL -> Math.max(shortWindow, longWindow) - 1 + smoothWindow - 1;
        };
    }

    /**
     * A short human-readable form for messages and decision paths, for example
     * {@code "rsi(window 10)"}, {@code "current-price"} or
     * {@code "percentage-price-oscillator(short-window 12, long-window 26)"}.
     *
     * @return the description
     */
    public String describe() {
        return switch (kind) {
            case CURRENT_PRICE -> kind.dslName();
            case PERCENTAGE_PRICE_OSCILLATOR ->
                    kind.dslName() + "(short-window " + shortWindow + ", long-window " + longWindow + ")";
            case PERCENTAGE_PRICE_OSCILLATOR_SIGNAL -> kind.dslName() + "(short-window " + shortWindow
                    + ", long-window " + longWindow + ", smooth-window " + smoothWindow + ")";
            default -> kind.dslName() + "(window " + window + ")";
        };
    }

    private static void requireInRange(IndicatorKind kind, String name, int value, int min) {
        if (value < min || value > MAX_WINDOW) {
            throw new IllegalArgumentException(kind.dslName() + " needs :" + name + " between " + min + " and "
                    + MAX_WINDOW + " bars, got " + value);
        }
    }

    private static void requireUnused(IndicatorKind kind, String name, int value) {
        if (value != 0) {
            throw new IllegalArgumentException(kind.dslName() + " does not take :" + name + " (got " + value
                    + "); unused windows must be 0");
        }
    }

    private static void requireNoOscillatorWindows(IndicatorKind kind, int shortWindow, int longWindow, int smoothWindow) {
        requireUnused(kind, "short-window", shortWindow);
        requireUnused(kind, "long-window", longWindow);
        requireUnused(kind, "smooth-window", smoothWindow);
    }
}
