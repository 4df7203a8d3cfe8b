package io.alchemiser.dsl.compile;

/** The window rules for indicators and weightings, checked by the records and reported by the compiler. */
final class Windows {
    /** The longest window accepted, in trading days: far beyond any history, small enough to be a mistake. */
    static final int MAX = 1_000_000;

    private Windows() {
    }

    /** Standard deviations need at least two values (the sample divisor is n - 1); everything else one. */
    static int minimum(String operator) {
        return operator.startsWith("stdev-") || operator.equals("weight-inverse-volatility") ? 2 : 1;
    }

    static boolean isValid(String operator, long window) {
        return window >= minimum(operator) && window <= MAX;
    }

    /** What a window must be, for messages: {@code a whole number of trading days from 2 to 1000000}. */
    static String rule(String operator) {
        return "a whole number of trading days from " + minimum(operator) + " to " + MAX;
    }

    static void require(String operator, String key, int window) {
        if (!isValid(operator, window)) {
            throw new IllegalArgumentException(operator + " " + key + " must be " + rule(operator) + ", got " + window);
        }
    }
}
