package io.alchemiser.s3.csv;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.s3.ParquetBarStore;
import io.alchemiser.s3.internal.SymbolJob;
import io.alchemiser.s3.model.LakeBar;
import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Imports a folder of {@code SYMBOL.csv} files ({@link CsvBarReader}'s format, e.g. {@code ../shared/prices/}) into
 * the Parquet data lake. Each CSV is a symbol's whole history, so its file in the lake is replaced (atomically) by
 * the CSV's rows, every column kept: raw close, adjusted close, open, high, low and volume where present.
 *
 * <p>Per symbol the outcome is fetched ("imported N bars"), or failed with the CSV's file:line error; a failed symbol
 * leaves its lake file unchanged and the others go on. Files run in parallel (default as many as processors).
 */
public final class CsvBarImporter {
    private final ParquetBarStore store;
    private final int parallelism;
    private final ProgressListener progress;

    public CsvBarImporter(ParquetBarStore store, int parallelism, ProgressListener progress) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.parallelism = parallelism;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** An importer using every processor and reporting nothing. */
    public CsvBarImporter(ParquetBarStore store) {
        this(store, Runtime.getRuntime().availableProcessors(), ProgressListener.silent());
    }

    /** The symbols of the {@code *.csv} files in {@code folder}, sorted. Other files are ignored. */
    public static List<Symbol> symbolsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".csv"))
                    .map(name -> name.substring(0, name.length() - ".csv".length()))
                    .filter(CsvBarImporter::isSymbol)
                    .map(Symbol::new)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new MarketDataException("cannot list " + folder + ": " + e, e);
        }
    }

    /** Imports every {@code SYMBOL.csv} in {@code folder}. */
    public RefreshReport importFolder(Path folder) {
        return importSymbols(folder, symbolsIn(folder));
    }

    /** Imports {@code SYMBOL.csv} from {@code folder} for each of {@code symbols}. */
    public RefreshReport importSymbols(Path folder, Collection<Symbol> symbols) {
        Path dir = folder.toAbsolutePath().normalize();
        return SymbolJob.run("import", new ArrayList<>(symbols), s -> importOne(dir, s), parallelism, progress);
    }

    private SymbolOutcome importOne(Path folder, Symbol symbol) {
        Path file = folder.resolve(symbol.value() + ".csv");
        List<LakeBar> bars = CsvBarReader.read(file);
        store.write(symbol, bars);
        return SymbolOutcome.fetched(symbol, bars.size(), "imported " + bars.size() + " bars "
                + bars.get(0).date() + ".." + bars.get(bars.size() - 1).date() + " from " + file.getFileName());
    }

    private static boolean isSymbol(String name) {
        try {
            new Symbol(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
