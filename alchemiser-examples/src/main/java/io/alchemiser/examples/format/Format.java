package io.alchemiser.examples.format;

import io.alchemiser.core.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers for people, one rule each, used by every report of the app (console, ledger, summaries, backtests):
 *
 * <ul>
 *   <li>percent: a fraction times 100 with a fixed number of decimals (two unless said), half-up:
 *       {@code 0.175 → 17.50%}, {@code -0.00001 → 0.00%} (never {@code -0.00%});</li>
 *   <li>money: dollars to the cent (the ledger's {@link Money#cash} rounding, half-even) with thousands
 *       separators, the sign before the dollar sign: {@code $1,234.50}, {@code -$3.00};</li>
 *   <li>ratio: two decimals, half-up ({@code 1.2345 → 1.23}); count: a whole number with separators.</li>
 * </ul>
 *
 * A number that is not finite (NaN, infinite) prints as {@value #NOT_AVAILABLE}; a {@code null} amount as
 * {@value #NONE}. {@link Locale#ROOT} always: output never depends on the machine's locale.
 */
public final class Format {
    /** What a statistic without a value (NaN or infinite) prints as. */
    public static final String NOT_AVAILABLE = "n/a";
    /** What a missing amount, price or quantity prints as. */
    public static final String NONE = "-";

    private Format() {
    }

    /** {@code fraction} as a percentage with two decimals: {@code 0.175 → 17.50%}. */
    public static String percent(double fraction) {
        return percent(fraction, 2);
    }

    /** {@code fraction} as a percentage with {@code decimals} decimals (0 to 10), half-up. */
    public static String percent(double fraction, int decimals) {
        if (!Double.isFinite(fraction)) {
            return NOT_AVAILABLE;
        }
        return percent(BigDecimal.valueOf(fraction), decimals);
    }

    /** An exact fraction as a percentage with {@code decimals} decimals (0 to 10), half-up. */
    public static String percent(BigDecimal fraction, int decimals) {
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("decimals must be 0 to 10, got " + decimals);
        }
        BigDecimal pct = fraction.movePointRight(2).setScale(decimals, RoundingMode.HALF_UP);
        return pct.toPlainString() + "%"; // a BigDecimal has no negative zero: -0.00001 prints 0.00%
    }

    /** As {@link #percent(BigDecimal, int)} with two decimals and a {@code +} for a gain: {@code +1.00%}. */
    public static String signedPercent(BigDecimal fraction) {
        String text = percent(fraction, 2);
        return text.startsWith("-") || text.equals(percent(BigDecimal.ZERO, 2)) ? text : "+" + text;
    }

    /** Dollars to the cent: {@code $1,234.50}, {@code -$3.00}; {@code null} is {@value #NONE}. */
    public static String money(BigDecimal amount) {
        if (amount == null) {
            return NONE;
        }
        BigDecimal cents = Money.cash(amount);
        return (cents.signum() < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,.2f", cents.abs());
    }

    /** A dollar figure computed in {@code double} (backtests), printed as {@link #money(BigDecimal)}. */
    public static String money(double amount) {
        return Double.isFinite(amount) ? money(BigDecimal.valueOf(amount)) : NOT_AVAILABLE;
    }

    /** As {@link #money(BigDecimal)}, with a {@code +} for a gain: {@code +$1,000.00}. */
    public static String signedMoney(BigDecimal amount) {
        String text = money(amount);
        return amount != null && Money.cash(amount).signum() > 0 ? "+" + text : text;
    }

    /** A ratio with two decimals, half-up: {@code 1.2345 → 1.23}. */
    public static String ratio(double value) {
        return decimal(value, 2);
    }

    /** {@code value} with exactly {@code decimals} decimals (0 to 10), half-up: {@code decimal(0.5, 4) → 0.5000}. */
    public static String decimal(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return NOT_AVAILABLE;
        }
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("decimals must be 0 to 10, got " + decimals);
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A count with thousands separators, rounded half-up to a whole number: {@code 12345 → 12,345}. */
    public static String count(double value) {
        if (!Double.isFinite(value)) {
            return NOT_AVAILABLE;
        }
        return String.format(Locale.ROOT, "%,d", BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
    }

    /**
     * {@code value} rounded half-up to at most {@code maxDecimals} decimals (0 to 10), without trailing zeros:
     * {@code plain(0.8999999999999999, 6) → 0.9}, {@code plain(2.0, 6) → 2}.
     */
    public static String plain(double value, int maxDecimals) {
        if (!Double.isFinite(value)) {
            return NOT_AVAILABLE;
        }
        if (maxDecimals < 0 || maxDecimals > 10) {
            throw new IllegalArgumentException("decimals must be 0 to 10, got " + maxDecimals);
        }
        return BigDecimal.valueOf(value).setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A quantity or price exactly as recorded, without trailing zeros or exponent: {@code 10.500 → 10.5}. */
    public static String quantity(BigDecimal value) {
        return value == null ? NONE : value.stripTrailingZeros().toPlainString();
    }

    /** A price exactly as quoted or recorded, every digit kept: {@code 151.7000}; {@code null} is {@value #NONE}. */
    public static String price(BigDecimal value) {
        return value == null ? NONE : value.toPlainString();
    }
}
