package io.alchemiser.spark;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.ParquetBarStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** A small symphony set and generated prices, as a CSV folder or a Parquet data lake. */
final class SparkFixtures {
    static final LocalDate FIRST = LocalDate.of(2023, 1, 2);
    static final int DAYS = 320;

    static final String SWITCHER = "(defsymphony \"switcher\" {:rebalance-frequency :daily}\n"
            + "  (if (> (rsi \"AAA\" {:window 5}) 50)\n"
            + "    [(asset \"AAA\")]\n"
            + "    [(weight-equal [(asset \"BBB\") (asset \"SPY\")])]))\n";
    static final Map<String, String> LIBRARY = Map.of(
            "a_switcher.clj", SWITCHER,
            "b_monthly.clj", "(defsymphony \"monthly\" {:rebalance-frequency :monthly}\n"
                    + "  (weight-equal [(asset \"AAA\") (asset \"BBB\")]))\n",
            "c_corridor.clj", "(defsymphony \"corridor\" {:rebalance-threshold 0.05}\n"
                    + "  (weight-specified 0.7 (asset \"BBB\") 0.3 (asset \"SPY\")))\n",
            "d_filter.clj", "(defsymphony \"filter\" {:rebalance-frequency :weekly}\n"
                    + "  (filter (cumulative-return {:window 20}) (select-top 1) [(asset \"AAA\") (asset \"BBB\")]))\n",
            "e_missing.clj", "(defsymphony \"needs UNH\" {} (asset \"UNH\"))\n",
            "f_broken.clj", "(defsymphony \"broken\" {}\n  (asset \"AAA\" ))\n  )\n");

    private SparkFixtures() {
    }

    static Path library(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : LIBRARY.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, IntToDoubleFunction> closes() {
        return Map.of(
                "AAA", i -> 100 + 12 * Math.sin(i / 4.0) + 0.05 * i,
                "BBB", i -> 50 * Math.pow(1.0004, i) + Math.cos(i / 3.0),
                "SPY", i -> 400 + 0.2 * i + 5 * Math.sin(i / 9.0));
    }

    static List<LocalDate> dates() {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = FIRST; out.size() < DAYS; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(d);
            }
        }
        return out;
    }

    /** {@code SYMBOL.csv} files, adjusted close only. */
    static Path csvPrices(Path dir) {
        List<LocalDate> dates = dates();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, IntToDoubleFunction> e : closes().entrySet()) {
                StringBuilder sb = new StringBuilder("date,open,high,low,close,adj_close,volume\n");
                for (int i = 0; i < DAYS; i++) {
                    sb.append(dates.get(i)).append(",,,,,")
                            .append(BigDecimal.valueOf(e.getValue().applyAsDouble(i)).toPlainString()).append(",\n");
                }
                Files.writeString(dir.resolve(e.getKey() + ".csv"), sb);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same bars in a local Parquet data lake. */
    static Path lake(Path dir) {
        List<LocalDate> dates = dates();
        ParquetBarStore store = ParquetBarStore.local(dir);
        for (Map.Entry<String, IntToDoubleFunction> e : closes().entrySet()) {
            List<DailyBar> bars = new ArrayList<>();
            for (int i = 0; i < DAYS; i++) {
                bars.add(DailyBar.closeOnly(dates.get(i), BigDecimal.valueOf(e.getValue().applyAsDouble(i))));
            }
            store.writeSeries(new BarSeries(Symbol.of(e.getKey()), bars));
        }
        return dir;
    }
}
