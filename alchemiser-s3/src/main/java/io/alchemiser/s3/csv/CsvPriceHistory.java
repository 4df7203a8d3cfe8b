package io.alchemiser.s3.csv;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.s3.internal.SeriesCache;
import io.alchemiser.s3.model.LakeBar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link PriceHistory} over a folder of {@code SYMBOL.csv} files ({@link CsvBarReader}'s format), named by the
 * canonical symbol ({@code BRK.B.csv}). For evaluating and backtesting on local files without a data lake.
 *
 * <p>Each file is parsed once per instance; bulk requests parse missing files in parallel. A missing file is a
 * {@link MarketDataException} naming the symbol and the folder; a malformed file names file, line and column. Thread-safe.
 */
public final class CsvPriceHistory implements PriceHistory {
    private final Path folder;
    private final SeriesCache cache;
    private final LocalDate through;

    /** Bars from {@code folder}, parsing up to {@code parallelism} files at once. */
    public CsvPriceHistory(Path folder, int parallelism) {
        this(folder, parallelism, null);
    }

    /**
     * Bars from {@code folder} dated {@code through} or earlier: each file is read only up to its last row on or
     * before that date (rows are in date order), and the history answers as if the files ended there.
     * {@code null} reads every row.
     */
    public CsvPriceHistory(Path folder, int parallelism, LocalDate through) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        this.through = through;
        this.cache = new SeriesCache(this::load, parallelism, "alchemiser-csv-read");
    }

    /** Bars from {@code folder}, parsing as many files at once as there are processors. */
    public CsvPriceHistory(Path folder) {
        this(folder, Runtime.getRuntime().availableProcessors());
    }

    /** The folder read from. */
    public Path folder() {
        return folder;
    }

    /** The file a symbol's bars are read from. */
    public Path fileOf(Symbol symbol) {
        return folder.resolve(symbol.value() + ".csv");
    }

    @Override
    public BarSeries dailyBars(Symbol symbol, LocalDate from, LocalDate to) {
        checkRange(from, to);
        return cache.get(symbol).between(from, to);
    }

    @Override
    public Map<Symbol, BarSeries> dailyBars(Collection<Symbol> symbols, LocalDate from, LocalDate to) {
        checkRange(from, to);
        Map<Symbol, BarSeries> out = new LinkedHashMap<>();
        cache.getAll(symbols).forEach((symbol, series) -> out.put(symbol, series.between(from, to)));
        return out;
    }

    private BarSeries load(Symbol symbol) {
        Path file = fileOf(symbol);
        if (!Files.isRegularFile(file)) {
            throw new MarketDataException("no bars for " + symbol + ": " + file.getFileName()
                    + " does not exist in " + folder);
        }
        List<LakeBar> rows = CsvBarReader.read(file, through);
        List<DailyBar> bars = new ArrayList<>(rows.size());
        for (LakeBar row : rows) {
            bars.add(row.toDailyBar());
        }
        return new BarSeries(symbol, bars);
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    @Override
    public String toString() {
        return "CsvPriceHistory[" + folder + "]";
    }
}
