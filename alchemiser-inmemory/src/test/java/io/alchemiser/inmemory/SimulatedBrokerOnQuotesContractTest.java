package io.alchemiser.inmemory;

import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.contract.BrokerContract;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** The broker contract with every realism switch on: quotes from a quote source, hours, latency, settlement delay. */
class SimulatedBrokerOnQuotesContractTest extends BrokerContract {
    /** Monday 2024-03-04, 15:45 New York time. */
    private static final Instant RUN_TIME = Instant.parse("2024-03-04T20:45:00Z");

    @Override
    protected Broker brokerWithCash(BigDecimal cash, Symbol tradable, BigDecimal price) {
        ManualClock clock = new ManualClock(RUN_TIME);
        InMemoryMarketData quotes = new InMemoryMarketData().putQuote(new Quote(tradable,
                price.subtract(new BigDecimal("0.05")), price.add(new BigDecimal("0.05")), price, RUN_TIME));
        return SimulatedBroker.builder(clock).cash(cash).quotes(quotes).marketHours(ManualScheduler.nyse())
                .latency(Duration.ofMillis(300)).settlementDelay(Duration.ofDays(1)).seed(7).build();
    }
}
