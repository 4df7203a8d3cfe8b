package io.alchemiser.examples.backtest;

import java.util.Locale;

/** Number formats shared by the text summary and the HTML report; a NaN prints as {@code n/a}. */
final class Format {
    private Format() {
    }

    /** 0.1234 → {@code 12.34%}. */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** 1.2345 → {@code 1.23}. */
    static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** 12345.678 → {@code $12,345.68}. */
    static String dollars(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "$%,.2f", value);
    }

    /** 12345 → {@code 12,345}. */
    static String count(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }
}
