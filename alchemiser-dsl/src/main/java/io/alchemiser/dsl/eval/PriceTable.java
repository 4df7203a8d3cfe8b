package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The closes of one symphony's symbols on one calendar, as arrays.
 *
 * <p><b>Calendar.</b> The evaluation's trading days are the union of the bar dates of every symbol the symphony
 * mentions. A symbol's value on a day is its bar dated exactly that day: there is no carrying forward of an older
 * bar, so a symbol with no bar on a day it is read on is an error ({@link EvaluationException.Reason#MISSING_BAR}).
 * A window counts the symbol's own bars; a daily return is its close over its previous bar's close.
 *
 * <p>Symbols are numbered in alphabetical order; allocations refer to them by number. Immutable.
 */
final class PriceTable {
    private final Symbol[] symbols;
    private final Map<Symbol, Integer> ids;
    private final BarSeries[] series;
    private final LocalDate[] days;
    private final long[] epochDays;
    /** barAt[symbol][day]: the symbol's bar index on that calendar day, or -1. */
    private final int[][] barAt;

    PriceTable(List<BarSeries> loaded) {
        BarSeries[] sorted = loaded.toArray(new BarSeries[0]);
        Arrays.sort(sorted, (a, b) -> a.symbol().compareTo(b.symbol()));
        this.series = sorted;
        this.symbols = new Symbol[sorted.length];
        this.ids = new HashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int s = 0; s < sorted.length; s++) {
            symbols[s] = sorted[s].symbol();
            ids.put(symbols[s], s);
            if (!sorted[s].isEmpty()) {
                first = Math.min(first, sorted[s].firstDate().toEpochDay());
                last = Math.max(last, sorted[s].lastDate().toEpochDay());
            }
        }
        // the calendar is the union of all bar dates: mark each date in a bitmap of the whole span, then collect
        boolean[] traded = new boolean[first > last ? 0 : Math.toIntExact(last - first + 1)];
        for (BarSeries one : sorted) {
            for (int b = 0; b < one.size(); b++) {
                traded[(int) (one.date(b).toEpochDay() - first)] = true;
            }
        }
        int distinct = 0;
        for (boolean t : traded) {
            distinct += t ? 1 : 0;
        }
        this.epochDays = new long[distinct];
        int k = 0;
        for (int i = 0; i < traded.length; i++) {
            if (traded[i]) {
                epochDays[k++] = first + i;
            }
        }
        this.days = new LocalDate[distinct];
        for (int i = 0; i < distinct; i++) {
            days[i] = LocalDate.ofEpochDay(epochDays[i]);
        }
        this.barAt = new int[sorted.length][];
        for (int s = 0; s < sorted.length; s++) {
            int[] at = new int[distinct];
            Arrays.fill(at, -1);
            int day = 0;
            for (int b = 0; b < sorted[s].size(); b++) {
                long epochDay = sorted[s].date(b).toEpochDay();
                while (epochDays[day] != epochDay) {
                    day++;
                }
                at[day] = b;
            }
            barAt[s] = at;
        }
    }

    int symbolCount() {
        return symbols.length;
    }

    Symbol symbol(int id) {
        return symbols[id];
    }

    /** The number of a symbol of this table. */
    int id(Symbol symbol) {
        Integer id = ids.get(symbol);
        if (id == null) {
            throw new IllegalArgumentException(symbol + " is not a symbol of this symphony");
        }
        return id;
    }

    BarSeries series(int id) {
        return series[id];
    }

    double[] closes(int id) {
        return series[id].closes();
    }

    int dayCount() {
        return days.length;
    }

    LocalDate day(int day) {
        return days[day];
    }

    /** The calendar index of {@code date}, or -1 when no symbol has a bar on it. */
    int dayIndex(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, date.toEpochDay());
        return i >= 0 ? i : -1;
    }

    /** The calendar index of the last trading day on or before {@code date}, or -1. */
    int dayAtOrBefore(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, date.toEpochDay());
        return i >= 0 ? i : -i - 2;
    }

    /** The symbol's bar index on a calendar day, or -1 when it has no bar that day. */
    int bar(int id, int day) {
        return barAt[id][day];
    }

    /** The calendar index of the symbol's bar number {@code bar}, or -1 when it has fewer bars. */
    int dayOfBar(int id, int bar) {
        if (bar >= series[id].size()) {
            return -1;
        }
        return dayIndex(series[id].date(bar));
    }
}
