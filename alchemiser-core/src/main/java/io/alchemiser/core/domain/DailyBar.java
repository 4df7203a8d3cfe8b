package io.alchemiser.core.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One trading day of a symbol. {@code close} is the split- and dividend-adjusted close: the price every
 * indicator reads. Some sources publish the adjusted close only; then {@code open}, {@code high} and
 * {@code low} are {@code null} (never invented) and {@code volume} is 0.
 */
public record DailyBar(LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
        long volume) {

    public DailyBar {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(close, "close");
        requirePositive("close", date, close);
        if (open != null) requirePositive("open", date, open);
        if (high != null) requirePositive("high", date, high);
        if (low != null) requirePositive("low", date, low);
        if (high != null && low != null && high.compareTo(low) < 0) {
            throw new IllegalArgumentException("bar " + date + ": high " + high + " is below low " + low);
        }
        if (volume < 0) {
            throw new IllegalArgumentException("bar " + date + ": negative volume " + volume);
        }
    }

    /** A bar from a close-only source. */
    public static DailyBar closeOnly(LocalDate date, BigDecimal close) {
        return new DailyBar(date, null, null, null, close, 0);
    }

    /** Whether open, high and low are known. */
    public boolean hasRange() {
        return open != null && high != null && low != null;
    }

    private static void requirePositive(String field, LocalDate date, BigDecimal value) {
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("bar " + date + ": " + field + " must be positive, got " + value);
        }
    }
}
