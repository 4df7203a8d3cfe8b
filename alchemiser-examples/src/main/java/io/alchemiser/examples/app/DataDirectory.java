package io.alchemiser.examples.app;

import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.s3.ParquetBarStore;
import io.alchemiser.s3.ParquetPriceHistory;
import io.alchemiser.s3.csv.CsvPriceHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * Opens a folder of price data for {@code eval} and {@code backtest}: a folder of {@code SYMBOL.csv} files
 * ({@code date,open,high,low,close,adj_close,volume}, the layout of {@code ../shared/prices}) or a local Parquet
 * data lake (as written by {@code data import-csv} or {@code data refresh}).
 */
public final class DataDirectory {
    private DataDirectory() {
    }

    /** @throws MarketDataException if {@code dir} is neither */
    public static PriceHistory open(Path dir) {
        return open(dir, null);
    }

    /**
     * The prices in {@code dir} dated {@code through} or earlier: later bars are never read, and the history answers
     * as if the data ended on that date ({@code null}: every bar). Only the symbols asked for are ever read.
     *
     * @throws MarketDataException if {@code dir} is neither
     */
    public static PriceHistory open(Path dir, LocalDate through) {
        if (!Files.isDirectory(dir)) {
            throw new MarketDataException("price data folder " + dir + " does not exist");
        }
        if (hasCsv(dir)) {
            return new CsvPriceHistory(dir, Runtime.getRuntime().availableProcessors(), through);
        }
        ParquetBarStore store = ParquetBarStore.local(dir);
        if (!store.symbols().isEmpty()) {
            return ParquetPriceHistory.builder(store).through(through).build();
        }
        throw new MarketDataException(dir + " holds neither SYMBOL.csv files nor a Parquet data lake");
    }

    private static boolean hasCsv(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
