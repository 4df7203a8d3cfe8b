package io.alchemiser.core.application.portfolio;

import io.alchemiser.core.domain.portfolio.RebalanceRule.Frequency;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** The calendar periods of the rebalance frequencies, numbered so that consecutive periods differ by one. */
final class Periods {
    /** 1970-01-05, the first Monday after the epoch: ISO weeks are numbered from it. */
    private static final long FIRST_MONDAY = 4;

    private Periods() {
    }

    /** The number of the period {@code date} falls in: its day, ISO week, month, quarter or year. */
    static long index(Frequency frequency, LocalDate date) {
        switch (frequency) {
            case DAILY:
                return date.toEpochDay();
            case WEEKLY:
                return Math.floorDiv(date.toEpochDay() - FIRST_MONDAY, 7);
            case MONTHLY:
                return date.getYear() * 12L + date.getMonthValue() - 1;
            case QUARTERLY:
                return date.getYear() * 4L + date.get(IsoFields.QUARTER_OF_YEAR) - 1;
            case YEARLY:
                return date.getYear();
            default:
                throw new IllegalArgumentException(frequency + " has no periods");
        }
    }

    /** The period for people: {@code 2024-01-02}, {@code the week of 2024-01-08}, {@code 2024-02}, ... */
    static String name(Frequency frequency, LocalDate date) {
        switch (frequency) {
            case DAILY:
                return date.toString();
            case WEEKLY:
                return "the week of " + date.minusDays(date.getDayOfWeek().getValue() - 1L);
            case MONTHLY:
                return String.format(Locale.ROOT, "%d-%02d", date.getYear(), date.getMonthValue());
            case QUARTERLY:
                return date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
            case YEARLY:
                return String.valueOf(date.getYear());
            default:
                throw new IllegalArgumentException(frequency + " has no periods");
        }
    }
}
