package io.alchemiser.core.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The daily bars of one symbol in strictly increasing date order, with a columnar view
 * ({@link #closes()}) that indicators read without creating objects. Immutable.
 */
public final class BarSeries {
    private final Symbol symbol;
    private final List<DailyBar> bars;
    private final LocalDate[] dates;
    private final double[] closes;

    /** @throws IllegalArgumentException if dates are not strictly increasing */
    public BarSeries(Symbol symbol, List<DailyBar> bars) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.bars = List.copyOf(bars);
        this.dates = new LocalDate[this.bars.size()];
        this.closes = new double[this.bars.size()];
        for (int i = 0; i < dates.length; i++) {
            DailyBar bar = this.bars.get(i);
            if (i > 0 && !bar.date().isAfter(dates[i - 1])) {
                throw new IllegalArgumentException(symbol + ": bar dates must strictly increase, but "
                        + bar.date() + " follows " + dates[i - 1]);
            }
            dates[i] = bar.date();
            closes[i] = bar.close().doubleValue();
        }
    }

    public static BarSeries empty(Symbol symbol) {
        return new BarSeries(symbol, List.of());
    }

    public Symbol symbol() {
        return symbol;
    }

    public List<DailyBar> bars() {
        return bars;
    }

    public int size() {
        return bars.size();
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    public LocalDate date(int index) {
        return dates[index];
    }

    public LocalDate firstDate() {
        return isEmpty() ? null : dates[0];
    }

    public LocalDate lastDate() {
        return isEmpty() ? null : dates[dates.length - 1];
    }

    /** Adjusted closes as doubles, oldest first. The caller must not modify the returned array. */
    public double[] closes() {
        return closes;
    }

    /**
     * Index of the last bar on or before {@code date}, or -1 if every bar is later.
     */
    public int indexAtOrBefore(LocalDate date) {
        int i = Arrays.binarySearch(dates, date);
        return i >= 0 ? i : -i - 2;
    }

    /** The bars from {@code from} to {@code to}, both inclusive. */
    public BarSeries between(LocalDate from, LocalDate to) {
        int start = indexAtOrBefore(from.minusDays(1)) + 1;
        int end = indexAtOrBefore(to) + 1;
        if (start == 0 && end == bars.size()) {
            return this;
        }
        return new BarSeries(symbol, bars.subList(start, Math.max(start, end)));
    }

    /** This series with {@code bar} appended, or replacing the last bar when it has the same date. */
    public BarSeries withLast(DailyBar bar) {
        List<DailyBar> copy = new java.util.ArrayList<>(bars);
        if (!copy.isEmpty() && copy.get(copy.size() - 1).date().equals(bar.date())) {
            copy.set(copy.size() - 1, bar);
        } else {
            copy.add(bar);
        }
        return new BarSeries(symbol, copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BarSeries other && symbol.equals(other.symbol) && bars.equals(other.bars);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, bars);
    }

    @Override
    public String toString() {
        return "BarSeries[" + symbol + ", " + size() + " bars" + (isEmpty() ? "" : ", " + firstDate() + ".." + lastDate()) + "]";
    }
}
