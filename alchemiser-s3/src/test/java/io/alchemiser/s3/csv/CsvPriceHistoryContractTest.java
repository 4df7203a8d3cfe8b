package io.alchemiser.s3.csv;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.contract.PriceHistoryContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvPriceHistory} over files written by the test keeps the port's promises. */
class CsvPriceHistoryContractTest extends PriceHistoryContract {
    @TempDir
    Path dir;

    @Override
    protected PriceHistory history(List<BarSeries> series) {
        Path folder = dir.resolve("prices-" + System.nanoTime());
        try {
            Files.createDirectories(folder);
            for (BarSeries s : series) {
                StringBuilder csv = new StringBuilder("date,open,high,low,close,adj_close,volume\n");
                for (DailyBar b : s.bars()) {
                    csv.append(b.date()).append(',').append(b.open()).append(',').append(b.high()).append(',')
                            .append(b.low()).append(",,").append(b.close()).append(',').append(b.volume())
                            .append('\n');
                }
                Files.writeString(folder.resolve(s.symbol() + ".csv"), csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvPriceHistory(folder, 4);
    }
}
