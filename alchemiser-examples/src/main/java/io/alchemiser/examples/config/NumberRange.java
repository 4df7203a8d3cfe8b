package io.alchemiser.examples.config;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The numbers a key accepts: bounds (each inclusive or not) and whether only whole numbers are allowed. Numbers are
 * read as exact decimals from the text as written, so a value far out of range ({@code 9223372036854775807}, or
 * {@code 1e400}) is refused with the range instead of overflowing later. Only decimal notation is accepted: no
 * {@code .inf}, {@code .nan}, hexadecimal, octal or {@code 1_000}.
 */
record NumberRange(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive, boolean whole) {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,4})?");

    /** Whole numbers from {@code min} to {@code max}, both included. */
    static NumberRange whole(long min, long max) {
        return new NumberRange(BigDecimal.valueOf(min), true, BigDecimal.valueOf(max), true, true);
    }

    /** Numbers from {@code min} to {@code max}, both included. */
    static NumberRange from(String min, String max) {
        return new NumberRange(new BigDecimal(min), true, new BigDecimal(max), true, false);
    }

    /** Numbers above {@code min} (excluded) up to {@code max} (included). */
    static NumberRange above(String min, String max) {
        return new NumberRange(new BigDecimal(min), false, new BigDecimal(max), true, false);
    }

    /** Numbers from {@code min} (included) up to but not including {@code max}. */
    static NumberRange below(String min, String max) {
        return new NumberRange(new BigDecimal(min), true, new BigDecimal(max), false, false);
    }

    /** Numbers strictly between {@code min} and {@code max}. */
    static NumberRange between(String min, String max) {
        return new NumberRange(new BigDecimal(min), false, new BigDecimal(max), false, false);
    }

    /** The value of {@code node} if it is a number in this range. @throws ConfigException saying the range */
    BigDecimal read(ConfigNode node) {
        String text = node.text().strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw node.error("expected " + describe() + ", got '" + node.shown() + "'");
        }
        BigDecimal value = new BigDecimal(text);
        int low = value.compareTo(min);
        int high = value.compareTo(max);
        boolean inRange = (minInclusive ? low >= 0 : low > 0) && (maxInclusive ? high <= 0 : high < 0);
        if (!inRange || whole && value.stripTrailingZeros().scale() > 0) {
            throw node.error("must be " + describe() + ", got " + node.shown());
        }
        return value;
    }

    /** The range in words: "a whole number from 1 to 600", "a number above 0 and at most 1000". */
    String describe() {
        String kind = whole ? "a whole number" : "a number";
        String low = min.toPlainString();
        String high = max.toPlainString();
        if (minInclusive && maxInclusive) {
            return kind + " from " + low + " to " + high;
        }
        return kind + (minInclusive ? " from " + low : " above " + low)
                + (maxInclusive ? " and at most " + high : " and below " + high);
    }
}
