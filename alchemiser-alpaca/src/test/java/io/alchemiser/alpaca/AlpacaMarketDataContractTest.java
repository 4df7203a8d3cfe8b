package io.alchemiser.alpaca;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Quotes;
import io.alchemiser.core.port.contract.PriceHistoryContract;
import io.alchemiser.core.port.contract.QuotesContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** Both market-data contracts, kept by {@link AlpacaMarketData} against {@link FakeAlpaca} on loopback. */
class AlpacaMarketDataContractTest {

    private final List<AlpacaServers> started = new ArrayList<>();

    private AlpacaMarketData serving(List<BarSeries> series, List<Quote> quotes) {
        try {
            AlpacaServers servers = new AlpacaServers();
            started.add(servers);
            servers.data.setDispatcher(new FakeAlpaca().withBars(series, quotes));
            return new AlpacaMarketData(servers.config());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stopServers() {
        started.forEach(AlpacaServers::close);
    }

    @Nested
    class AsPriceHistory extends PriceHistoryContract {
        @Override
        protected PriceHistory history(List<BarSeries> series) {
            return serving(series, List.of());
        }
    }

    @Nested
    class AsQuotes extends QuotesContract {
        @Override
        protected Quotes quotes(List<Quote> quotes) {
            return serving(List.of(), quotes);
        }
    }
}
