package io.alchemiser.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** Writes SYMBOL.csv files in the ../shared/prices layout: weekdays, adjusted close only, a gentle walk. */
final class PriceFolder {
    private PriceFolder() {
    }

    static Path write(Path dir, LocalDate last, int days, String... symbols) throws IOException {
        Files.createDirectories(dir);
        int k = 0;
        for (String symbol : symbols) {
            k++;
            StringBuilder sb = new StringBuilder("date,open,high,low,close,adj_close,volume\n");
            LocalDate d = last;
            int count = 0;
            while (count < days) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    count++;
                }
                d = d.minusDays(1);
            }
            double price = 50 + 10 * k;
            int i = 0;
            for (LocalDate day = d.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() > 5) {
                    continue;
                }
                price *= 1 + 0.01 * Math.sin(i++ * 0.7 + k);
                sb.append(day).append(",,,,,").append(String.format(Locale.ROOT, "%.4f", price)).append(",\n");
            }
            Files.writeString(dir.resolve(symbol + ".csv"), sb.toString());
        }
        return dir;
    }
}
