package io.alchemiser.examples.backtest;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.inmemory.InMemoryMarketData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Small price sets built in the tests: one close per weekday from a start date, given as a function of the day
 * index, written as {@code SYMBOL.csv} files in the shared-data layout or held in memory.
 */
public final class TestPrices {
    private final LocalDate start;
    private final int days;
    private final Map<String, double[]> closes = new LinkedHashMap<>();

    public TestPrices(LocalDate start, int days) {
        this.start = start;
        this.days = days;
    }

    /** Adds {@code symbol} with close {@code close(i)} on weekday {@code i}. */
    public TestPrices with(String symbol, IntToDoubleFunction close) {
        double[] c = new double[days];
        for (int i = 0; i < days; i++) {
            c[i] = close.applyAsDouble(i);
        }
        closes.put(symbol, c);
        return this;
    }

    /** The weekdays from the start, one per bar. */
    public List<LocalDate> dates() {
        List<LocalDate> out = new ArrayList<>();
        LocalDate d = start;
        while (out.size() < days) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(d);
            }
            d = d.plusDays(1);
        }
        return out;
    }

    public double[] closes(String symbol) {
        return closes.get(symbol).clone();
    }

    /** Writes {@code SYMBOL.csv} per symbol ({@code date,open,high,low,close,adj_close,volume}, only adj_close). */
    public Path writeCsv(Path dir) {
        List<LocalDate> dates = dates();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, double[]> e : closes.entrySet()) {
                StringBuilder sb = new StringBuilder("date,open,high,low,close,adj_close,volume\n");
                for (int i = 0; i < days; i++) {
                    sb.append(dates.get(i)).append(",,,,,").append(BigDecimal.valueOf(e.getValue()[i]).toPlainString())
                            .append(",\n");
                }
                Files.writeString(dir.resolve(e.getKey() + ".csv"), sb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The same bars in memory. */
    public InMemoryMarketData inMemory() {
        List<LocalDate> dates = dates();
        InMemoryMarketData data = new InMemoryMarketData();
        for (Map.Entry<String, double[]> e : closes.entrySet()) {
            List<DailyBar> bars = new ArrayList<>();
            for (int i = 0; i < days; i++) {
                bars.add(DailyBar.closeOnly(dates.get(i), BigDecimal.valueOf(e.getValue()[i])));
            }
            data.putBars(new BarSeries(Symbol.of(e.getKey()), bars));
        }
        return data;
    }

    /**
     * A set where AAA rises 0.1% a day, BBB falls 0.1% a day and SPY rises 0.05% a day, over {@code days} weekdays
     * from Monday 2024-01-01: hand-computable growth.
     */
    public static TestPrices steady(int days) {
        return new TestPrices(LocalDate.of(2024, 1, 1), days)
                .with("AAA", i -> 100 * Math.pow(1.001, i))
                .with("BBB", i -> 100 * Math.pow(0.999, i))
                .with("SPY", i -> 100 * Math.pow(1.0005, i));
    }

    /** A set where AAA swings (so an RSI condition flips), BBB trends up, SPY drifts: for switching symphonies. */
    public static TestPrices swinging(int days) {
        return new TestPrices(LocalDate.of(2023, 1, 2), days)
                .with("AAA", i -> 100 + 12 * Math.sin(i / 4.0) + 0.05 * i)
                .with("BBB", i -> 50 * Math.pow(1.0004, i) + Math.cos(i / 3.0))
                .with("SPY", i -> 400 + 0.2 * i + 5 * Math.sin(i / 9.0));
    }
}
