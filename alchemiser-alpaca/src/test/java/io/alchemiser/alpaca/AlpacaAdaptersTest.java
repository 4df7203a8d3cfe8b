package io.alchemiser.alpaca;

import static io.alchemiser.alpaca.AlpacaServers.json;
import static io.alchemiser.alpaca.AlpacaServers.take;
import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.alpaca.config.AlpacaConfigReader;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.Scheduler;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** A daily run's three ports, wired from a config file and environment variables alone. */
class AlpacaAdaptersTest {

    @Test
    void aConfigFileAndTheEnvironmentWireAllThreePortsToTheirHosts() throws Exception {
        try (AlpacaServers servers = new AlpacaServers()) {
            Properties file = new Properties();
            file.load(new StringReader(String.join("\n",
                    "# alchemiser.properties",
                    "alpaca.mode=paper",
                    "alpaca.trading-url=" + servers.trading.url("/"),
                    "alpaca.data-url=" + servers.data.url("/"),
                    "alpaca.history-feed=sip",
                    "alpaca.quote-feed=iex",
                    "alpaca.requests-per-minute=" + AlpacaServers.REQUESTS_PER_MINUTE,
                    "alpaca.stream=off",
                    "alpaca.retry.max-attempts=2",
                    "alpaca.retry.initial-backoff=5ms")));
            Map<String, String> env = Map.of("APCA_API_KEY_ID", AlpacaServers.KEY_ID,
                    "APCA_API_SECRET_KEY", AlpacaServers.SECRET);
            servers.trading.enqueue(json(Fixtures.account("100000", "100000", "200000")));
            servers.trading.enqueue(json("[" + Fixtures.calendarDay("2024-11-29", "09:30", "13:00") + "]"));
            servers.data.enqueue(json(Fixtures.bars("SPY", null,
                    Fixtures.bar("2024-11-27T05:00:00Z", "599.66", "603.35", "599.38", "602.55", 30177444))));

            AlpacaAdapters alpaca = AlpacaAdapters.create(AlpacaConfigReader.fromProperties(file, env));
            Broker broker = alpaca.broker();
            AlpacaMarketData data = alpaca.marketData();
            Scheduler calendar = alpaca.scheduler();

            assertThat(broker.account().equity()).isEqualByComparingTo("100000");
            assertThat(calendar.runTime(LocalDate.of(2024, 11, 29), Duration.ofMinutes(10))).isPresent();
            assertThat(data.dailyBars(io.alchemiser.core.domain.Symbol.of("SPY"), LocalDate.of(2024, 11, 27),
                    LocalDate.of(2024, 11, 27)).size()).isEqualTo(1);
            assertThat(take(servers.trading).getUrl().encodedPath()).isEqualTo("/v2/account");
            assertThat(take(servers.trading).getUrl().encodedPath()).isEqualTo("/v2/calendar");
            RecordedRequest bars = take(servers.data);
            assertThat(bars.getHeaders().get("APCA-API-SECRET-KEY")).isEqualTo(AlpacaServers.SECRET);
            assertThat(bars.getUrl().queryParameter("feed")).isEqualTo("sip");
            assertThat(alpaca.config().mode()).isEqualTo(AlpacaConfig.Mode.PAPER);
            alpaca.close();
        }
    }
}
