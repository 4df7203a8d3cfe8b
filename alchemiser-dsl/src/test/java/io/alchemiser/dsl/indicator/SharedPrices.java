package io.alchemiser.dsl.indicator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real adjusted closes from {@code ../shared/prices} for the {@code @Tag("shared")} tests.
 *
 * <p>Walks up from the working directory to the first folder holding {@code shared/prices}. A
 * missing folder or an empty file is a failure, never a silent pass on no data.
 */
final class SharedPrices {

    private SharedPrices() {
    }

    /** The {@code shared/prices} directory. */
    static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path prices = dir.resolve("shared").resolve("prices");
            if (Files.isDirectory(prices)) {
                return prices;
            }
        }
        throw new AssertionError("no shared/prices folder above " + Path.of("").toAbsolutePath()
                + "; the real-price suites need ../shared beside the project");
    }

    /**
     * The {@code adj_close} column of {@code SYMBOL.csv}, oldest first.
     *
     * @param symbol a file name without {@code .csv}, such as {@code "SPY"}
     * @return the closes, at least one
     */
    static double[] adjustedCloses(String symbol) {
        Path file = directory().resolve(symbol + ".csv");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("date,")) {
            throw new AssertionError(file + " has no date,...,adj_close header");
        }
        int column = List.of(lines.get(0).split(",", -1)).indexOf("adj_close");
        if (column < 0) {
            throw new AssertionError(file + " has no adj_close column");
        }
        double[] closes = lines.stream().skip(1).filter(line -> !line.isBlank())
                .mapToDouble(line -> parse(file, line, column)).toArray();
        if (closes.length == 0) {
            throw new AssertionError(file + " has no rows");
        }
        return closes;
    }

    private static double parse(Path file, String line, int column) {
        String[] cells = line.split(",", -1);
        if (cells.length <= column || cells[column].isBlank()) {
            throw new AssertionError(file + ": no adj_close in row " + line);
        }
        return Double.parseDouble(cells[column]);
    }
}
