package io.alchemiser.inmemory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The New York Stock Exchange's rule-based holidays and 13:00 early closes for a year, as the exchange has applied
 * them since 2022 (Juneteenth included from 2022 on). One-off closures (national days of mourning, storms) follow
 * no rule and are not here; add them with {@link ManualScheduler.Builder#holiday}.
 */
final class NyseRules {
    private static final Map<Integer, Set<LocalDate>> HOLIDAYS = new ConcurrentHashMap<>();
    private static final Map<Integer, Set<LocalDate>> EARLY_CLOSES = new ConcurrentHashMap<>();

    private NyseRules() {
    }

    static Set<LocalDate> holidays(int year) {
        return HOLIDAYS.computeIfAbsent(year, NyseRules::computeHolidays);
    }

    static Set<LocalDate> earlyCloses(int year) {
        return EARLY_CLOSES.computeIfAbsent(year, NyseRules::computeEarlyCloses);
    }

    private static Set<LocalDate> computeHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        // A Saturday New Year's Day is not observed on the Friday before (that Friday ends the prior year).
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            days.add(newYear.plusDays(1));
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            days.add(newYear);
        }
        days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
        days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
        days.add(easterSunday(year).minusDays(2));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        if (year >= 2022) {
            days.add(observed(LocalDate.of(year, Month.JUNE, 19)));
        }
        days.add(observed(LocalDate.of(year, Month.JULY, 4)));
        days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
        days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
        days.add(observed(LocalDate.of(year, Month.DECEMBER, 25)));
        return Set.copyOf(days);
    }

    private static Set<LocalDate> computeEarlyCloses(int year) {
        Set<LocalDate> days = new HashSet<>();
        LocalDate july3 = LocalDate.of(year, Month.JULY, 3);
        if (isMondayToThursday(july3)) {
            days.add(july3);
        }
        days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4).plusDays(1));
        LocalDate christmasEve = LocalDate.of(year, Month.DECEMBER, 24);
        if (isMondayToThursday(christmasEve)) {
            days.add(christmasEve);
        }
        return Set.copyOf(days);
    }

    /** A Saturday holiday is observed on Friday, a Sunday holiday on Monday. */
    private static LocalDate observed(LocalDate day) {
        switch (day.getDayOfWeek()) {
            case SATURDAY:
                return day.minusDays(1);
            case SUNDAY:
                return day.plusDays(1);
            default:
                return day;
        }
    }

    private static boolean isMondayToThursday(LocalDate day) {
        return day.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue();
    }

    private static LocalDate nth(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
