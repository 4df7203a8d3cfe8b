package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.contract.PriceHistoryContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** {@link ParquetPriceHistory} on a local lake keeps the port's promises. */
class ParquetPriceHistoryContractTest extends PriceHistoryContract {
    @TempDir
    Path dir;

    @Override
    protected PriceHistory history(List<BarSeries> series) {
        ParquetBarStore store = ParquetBarStore.local(dir.resolve("lake-" + System.nanoTime()));
        series.forEach(store::writeSeries);
        return ParquetPriceHistory.of(store);
    }
}
