package io.alchemiser.alpaca;

import static io.alchemiser.alpaca.AlpacaServers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.BrokerException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reads the debug log the build writes (slf4j-simple, configured by the module's surefire settings) and checks it has
 * one line per request and no credential anywhere.
 */
class RequestLogTest {

    @Test
    void eachRequestIsLoggedOnceWithMethodPathStatusAndLatencyAndNeverWithAKey() throws Exception {
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        assumeTrue(logFile != null, "run by Maven, which routes the debug log to a file");
        try (AlpacaServers servers = new AlpacaServers()) {
            servers.trading.enqueue(json(Fixtures.account("1000", "1000", "2000")));
            servers.trading.enqueue(json(403, Fixtures.error(40310000, "insufficient buying power")));
            AlpacaBroker broker = new AlpacaBroker(servers.config());

            broker.account();
            assertThatThrownBy(() -> broker.submit(OrderRequest.market(new ClientOrderId("run-log-SPY-B0"),
                    Symbol.of("SPY"), Side.BUY, BigDecimal.ONE))).isInstanceOf(BrokerException.class);
        }

        String log = Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
        assertThat(log).containsPattern("DEBUG io\\.alchemiser\\.alpaca\\.internal\\.AlpacaHttp - GET /v2/account -> 200 "
                + "in \\d+ ms \\(attempt 1\\)");
        assertThat(log).containsPattern("POST /v2/orders -> 403 in \\d+ ms");
        assertThat(log).contains("Alpaca rejected BUY 1 SPY market (client order id run-log-SPY-B0): insufficient "
                + "buying power");
        assertThat(log).doesNotContain(AlpacaServers.KEY_ID).doesNotContain(AlpacaServers.SECRET)
                .doesNotContainIgnoringCase("APCA-API-SECRET-KEY");
    }
}
