package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.model.LakeBar;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small bar sets built in the tests. */
final class TestBars {
    private TestBars() {
    }

    /** Adjusted-close-only bars on consecutive weekdays from {@code first}. */
    static List<LakeBar> closes(LocalDate first, String... closes) {
        List<LakeBar> bars = new ArrayList<>();
        LocalDate day = first;
        for (String close : closes) {
            day = weekday(day);
            bars.add(LakeBar.adjustedCloseOnly(day, new BigDecimal(close)));
            day = day.plusDays(1);
        }
        return bars;
    }

    /** Full bars (every column) on consecutive weekdays from {@code first}, prices drifting from {@code start}. */
    static List<LakeBar> full(LocalDate first, int count, double start) {
        List<LakeBar> bars = new ArrayList<>();
        LocalDate day = first;
        double price = start;
        for (int i = 0; i < count; i++) {
            day = weekday(day);
            BigDecimal close = BigDecimal.valueOf(Math.round(price * 100) / 100.0);
            BigDecimal adjusted = BigDecimal.valueOf(Math.round(price * 0.98 * 1_000_000) / 1_000_000.0);
            bars.add(new LakeBar(day, close.subtract(BigDecimal.ONE), close.add(BigDecimal.ONE),
                    close.subtract(new BigDecimal("1.5")), close, adjusted, 1_000_000L + i));
            price *= 1 + ((i * 7919) % 13 - 6) / 1000.0;
            day = day.plusDays(1);
        }
        return bars;
    }

    /** The domain series of lake bars. */
    static BarSeries series(Symbol symbol, List<LakeBar> bars) {
        List<DailyBar> daily = new ArrayList<>();
        for (LakeBar bar : bars) {
            daily.add(bar.toDailyBar());
        }
        return new BarSeries(symbol, daily);
    }

    /** {@code day}, or the next Monday when it falls on a weekend. */
    static LocalDate weekday(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Numeric equality of two bar lists, column by column (scales may differ: 100.50 equals 100.5). */
    static boolean sameNumbers(List<LakeBar> a, List<LakeBar> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            LakeBar x = a.get(i);
            LakeBar y = b.get(i);
            if (!x.date().equals(y.date()) || !same(x.open(), y.open()) || !same(x.high(), y.high())
                    || !same(x.low(), y.low()) || !same(x.close(), y.close()) || !same(x.adjClose(), y.adjClose())
                    || !java.util.Objects.equals(x.volume(), y.volume())) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(BigDecimal x, BigDecimal y) {
        return x == null ? y == null : y != null && x.compareTo(y) == 0;
    }
}
