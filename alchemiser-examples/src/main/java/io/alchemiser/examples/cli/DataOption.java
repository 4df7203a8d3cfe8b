package io.alchemiser.examples.cli;

import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.examples.app.DataDirectory;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code --data DIR}, the price data of {@code eval} and {@code backtest} ({@code @Mixin}). */
final class DataOption {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "price data: CSV folder or data lake")
    Path dir;

    /** The price history in the folder. @throws io.alchemiser.core.port.MarketDataException if it holds none */
    PriceHistory open() {
        return DataDirectory.open(dir);
    }

    /**
     * The price history in the folder as if it ended on {@code through}: a command whose last day is known never
     * reads (CSV: parses) the bars after it. {@code null}: every bar.
     *
     * @throws io.alchemiser.core.port.MarketDataException if it holds none
     */
    PriceHistory open(LocalDate through) {
        return DataDirectory.open(dir, through);
    }
}
