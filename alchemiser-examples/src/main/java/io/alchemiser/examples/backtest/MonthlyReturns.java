package io.alchemiser.examples.backtest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Monthly and yearly returns of an equity curve. A month's return runs from the close of the previous month's last
 * trading day to the close of its own last trading day; the first month runs from the first day's close, and the
 * last month ends at the last day, however partial. A year's return compounds its months (the same as last close
 * of the year over last close of the year before, or over the first close for the first year). Months outside the
 * curve are {@code NaN}.
 */
public final class MonthlyReturns {
    private final SortedMap<Integer, double[]> byYear;

    private MonthlyReturns(SortedMap<Integer, double[]> byYear) {
        this.byYear = byYear;
    }

    /**
     * The returns of {@code equity}, one value per date.
     *
     * @throws IllegalArgumentException if the lengths differ or the dates are empty
     */
    public static MonthlyReturns of(List<LocalDate> dates, double[] equity) {
        if (dates.isEmpty() || dates.size() != equity.length) {
            throw new IllegalArgumentException("one equity value per date, and at least one date");
        }
        SortedMap<Integer, double[]> years = new TreeMap<>();
        double monthStart = equity[0];
        double yearStart = equity[0];
        for (int i = 0; i < equity.length; i++) {
            LocalDate d = dates.get(i);
            boolean monthEnds = i == equity.length - 1 || !sameMonth(d, dates.get(i + 1));
            if (!monthEnds) {
                continue;
            }
            double[] row = years.computeIfAbsent(d.getYear(), y -> blankRow());
            row[d.getMonthValue() - 1] = equity[i] / monthStart - 1;
            monthStart = equity[i];
            boolean yearEnds = i == equity.length - 1 || dates.get(i + 1).getYear() != d.getYear();
            if (yearEnds) {
                row[12] = equity[i] / yearStart - 1;
                yearStart = equity[i];
            }
        }
        return new MonthlyReturns(years);
    }

    /** The years covered, ascending. */
    public List<Integer> years() {
        return List.copyOf(byYear.keySet());
    }

    /** The return of {@code month} (1–12) of {@code year}, or {@code NaN} outside the curve. */
    public double month(int year, int month) {
        double[] row = byYear.get(year);
        return row == null ? Double.NaN : row[month - 1];
    }

    /** The return of {@code year}, or {@code NaN} outside the curve. */
    public double year(int year) {
        double[] row = byYear.get(year);
        return row == null ? Double.NaN : row[12];
    }

    /** Year → 13 values (January to December, then the year), a copy. */
    public Map<Integer, double[]> table() {
        SortedMap<Integer, double[]> copy = new TreeMap<>();
        byYear.forEach((y, row) -> copy.put(y, row.clone()));
        return Collections.unmodifiableSortedMap(copy);
    }

    private static boolean sameMonth(LocalDate a, LocalDate b) {
        return a.getYear() == b.getYear() && a.getMonthValue() == b.getMonthValue();
    }

    private static double[] blankRow() {
        double[] row = new double[13];
        Arrays.fill(row, Double.NaN);
        return row;
    }
}
