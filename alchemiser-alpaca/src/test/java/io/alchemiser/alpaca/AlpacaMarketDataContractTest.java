package io.alchemiser.alpaca;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.port.MarketData;
import io.alchemiser.core.port.contract.MarketDataContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The MarketData contract, kept by {@link AlpacaMarketData} against {@link FakeAlpaca} on loopback. */
class AlpacaMarketDataContractTest extends MarketDataContract {

    private final List<AlpacaServers> started = new ArrayList<>();

    @Override
    protected MarketData marketData(List<BarSeries> series, List<Quote> quotes) {
        try {
            AlpacaServers servers = new AlpacaServers();
            started.add(servers);
            servers.data.setDispatcher(new FakeAlpaca().withBars(series, quotes));
            return new AlpacaMarketData(servers.config());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stopServers() {
        started.forEach(AlpacaServers::close);
    }
}
