package io.alchemiser.s3;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.port.MarketData;
import io.alchemiser.core.port.contract.MarketDataContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** {@link ParquetMarketData} on a local lake, with quotes from a live source, keeps the port's promises. */
class ParquetMarketDataContractTest extends MarketDataContract {
    @TempDir
    Path dir;

    @Override
    protected MarketData marketData(List<BarSeries> series, List<Quote> quotes) {
        ParquetBarStore store = ParquetBarStore.local(dir.resolve("lake-" + System.nanoTime()));
        series.forEach(store::writeSeries);
        ScriptedMarketData live = new ScriptedMarketData();
        quotes.forEach(q -> live.quotes.put(q.symbol(), q));
        return ParquetMarketData.builder(store).quotes(live).build();
    }
}
