package io.alchemiser.dsl.eval;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Daily bars from the shared price files, {@code SYMBOL.csv} with header {@code date,open,high,low,close,adj_close,
 * volume} of which only {@code adj_close} is filled: each file is parsed once and kept. A symbol without a file is a
 * {@link MarketDataException} naming it. Serves no quotes.
 */
final class CsvPriceHistory implements PriceHistory {
    private final Path directory;
    private final Map<Symbol, BarSeries> parsed = new ConcurrentHashMap<>();

    CsvPriceHistory(Path directory) {
        this.directory = directory;
    }

    /** Whether the folder holds a file for {@code symbol}. */
    boolean has(Symbol symbol) {
        return Files.isRegularFile(file(symbol));
    }

    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        return parsed.computeIfAbsent(symbol, this::parse).between(from, to);
    }


    private Path file(Symbol symbol) {
        return directory.resolve(symbol.value() + ".csv");
    }

    private BarSeries parse(Symbol symbol) {
        Path file = file(symbol);
        if (!Files.isRegularFile(file)) {
            throw new MarketDataException(symbol + ": no price file " + file);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String[] header = lines.get(0).split(",", -1);
        int date = List.of(header).indexOf("date");
        int close = List.of(header).indexOf("adj_close");
        if (date < 0 || close < 0) {
            throw new MarketDataException(symbol + ": " + file + " has no date and adj_close columns");
        }
        List<DailyBar> bars = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] cells = line.split(",", -1);
                bars.add(DailyBar.closeOnly(LocalDate.parse(cells[date]), new BigDecimal(cells[close])));
            }
        }
        return new BarSeries(symbol, bars);
    }
}
