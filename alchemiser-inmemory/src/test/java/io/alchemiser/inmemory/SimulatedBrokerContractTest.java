package io.alchemiser.inmemory;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.contract.BrokerContract;
import java.math.BigDecimal;
import java.time.Instant;

class SimulatedBrokerContractTest extends BrokerContract {

    @Override
    protected Broker brokerWithCash(BigDecimal cash, Symbol tradable, BigDecimal price) {
        return SimulatedBroker.builder(new ManualClock(Instant.parse("2024-03-04T20:45:00Z"))).cash(cash)
                .price(tradable, price).seed(42).build();
    }
}
