package io.alchemiser.s3.csv;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.port.MarketData;
import io.alchemiser.core.port.contract.MarketDataContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvMarketData} over files written by the test keeps the port's promises (it serves no quotes). */
class CsvMarketDataContractTest extends MarketDataContract {
    @TempDir
    Path dir;

    @Override
    protected MarketData marketData(List<BarSeries> series, List<Quote> quotes) {
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
        return new CsvMarketData(folder, 4);
    }

    @Override
    protected boolean servesQuotes() {
        return false;
    }
}
