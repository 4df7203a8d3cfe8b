package io.alchemiser.s3.internal;

import java.math.BigDecimal;

/** Turns stored {@code double} prices back into the decimals they were written from. */
public final class Decimals {
    private static final int MAX_SCALE = 15;
    private static final double[] POWERS_OF_TEN = new double[MAX_SCALE + 1];
    /** Integers up to 2^53 are exact in a double. */
    private static final double EXACT_LIMIT = 9007199254740992.0;

    static {
        double p = 1;
        for (int i = 0; i <= MAX_SCALE; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private Decimals() {
    }

    /**
     * The decimal with the fewest fraction digits (at most 15) that reads back as {@code value}, or
     * {@link BigDecimal#valueOf(double)} when there is none. A price written from a decimal with up to 15 significant
     * digits comes back numerically equal to it, with trailing fraction zeros removed: {@code 91.132774},
     * {@code 100}, {@code 514500000000}. Magnitudes from 2^53 up are written with a negative scale and the fewest
     * significant digits that read back ({@code 7.2057594037929E+16}).
     *
     * <p>Why it is exact: for an integer {@code u < 2^53} and a power of ten {@code 10^s <= 10^15}, both doubles are
     * exact, and IEEE division rounds the exact quotient {@code u / 10^s} correctly, so {@code u / 10^s == value}
     * holds exactly when parsing the decimal {@code u·10^-s} yields {@code value}. It avoids
     * {@link BigDecimal#valueOf(double)}'s string conversion, which dominates decoding time otherwise.
     *
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static BigDecimal of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (Math.abs(value) >= EXACT_LIMIT) {
            return large(value);
        }
        for (int scale = 0; scale <= MAX_SCALE; scale++) {
            double scaled = value * POWERS_OF_TEN[scale];
            if (Math.abs(scaled) >= EXACT_LIMIT) {
                break;
            }
            double unscaled = Math.rint(scaled);
            if (unscaled / POWERS_OF_TEN[scale] == value) {
                return BigDecimal.valueOf((long) unscaled, scale);
            }
        }
        return BigDecimal.valueOf(value);
    }

    /** Beyond 2^53: the fewest significant digits {@code u·10^k} (k up to 15) that reads back as {@code value}. */
    private static BigDecimal large(double value) {
        for (int exponent = MAX_SCALE; exponent >= 1; exponent--) {
            double unscaled = Math.rint(value / POWERS_OF_TEN[exponent]);
            if (Math.abs(unscaled) < EXACT_LIMIT && unscaled * POWERS_OF_TEN[exponent] == value) {
                return BigDecimal.valueOf((long) unscaled, -exponent);
            }
        }
        return BigDecimal.valueOf(value);
    }
}
