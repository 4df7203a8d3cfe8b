package io.alchemiser.alpaca;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.Sleeper;
import io.alchemiser.core.port.contract.BrokerContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The Broker contract, kept by {@link AlpacaBroker} against {@link FakeAlpaca}'s order book on loopback. Time is
 * real here (system clock and sleeper) with short polls, so {@code awaitTerminal} really waits.
 */
class AlpacaBrokerContractTest extends BrokerContract {

    private final List<AlpacaServers> started = new ArrayList<>();

    @Override
    protected Broker brokerWithCash(BigDecimal cash, Symbol tradable, BigDecimal price) {
        try {
            AlpacaServers servers = new AlpacaServers();
            started.add(servers);
            servers.trading.setDispatcher(new FakeAlpaca().withAccount(cash, tradable, price));
            return new AlpacaBroker(servers.configBuilder().clock(Clock.systemUTC()).sleeper(Sleeper.system())
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Duration awaitTimeout() {
        return Duration.ofMillis(300);
    }

    @AfterEach
    void stopServers() {
        started.forEach(AlpacaServers::close);
    }
}
