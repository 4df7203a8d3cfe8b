package io.alchemiser.alpaca.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.alpaca.AlpacaAdapters;
import io.alchemiser.core.domain.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AlpacaConfigTest {

    private static final String KEY = "PKLIVEKEYABCDEFGHIJK";
    private static final String SECRET = "verySecretValue/With+Symbols";

    private static Map<String, String> keys() {
        return Map.of(AlpacaConfigReader.ENV_KEY_ID, KEY, AlpacaConfigReader.ENV_SECRET_KEY, SECRET);
    }

    private static AlpacaConfig.Builder builder() {
        return AlpacaConfig.builder().keyId(Secret.of(KEY)).secretKey(Secret.of(SECRET));
    }

    @Test
    void theEnvironmentAloneGivesAPaperAccountWithSipHistoryIexQuotesAndTheDefaultBudget() {
        AlpacaConfig config = AlpacaConfigReader.fromEnvironment(keys());

        assertThat(config.mode()).isEqualTo(AlpacaConfig.Mode.PAPER);
        assertThat(config.tradingUrl()).isEqualTo(URI.create("https://paper-api.alpaca.markets"));
        assertThat(config.dataUrl()).isEqualTo(URI.create("https://data.alpaca.markets"));
        assertThat(config.streamUrl()).isEqualTo(URI.create("wss://paper-api.alpaca.markets/stream"));
        assertThat(config.historyFeed()).isEqualTo(AlpacaConfig.Feed.SIP);
        assertThat(config.quoteFeed()).isEqualTo(AlpacaConfig.Feed.IEX);
        assertThat(config.historyDelay()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.requestsPerMinute()).isEqualTo(190);
        assertThat(config.streamEnabled()).isTrue();
        assertThat(config.orderPollCycle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.keyId().reveal()).isEqualTo(KEY);
        assertThat(config.secretKey().reveal()).isEqualTo(SECRET);
        assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.defaults());
    }

    @Test
    void liveModeMustBeAskedForAndSelectsTheLiveHostAndStream() {
        Map<String, String> env = new HashMap<>(keys());
        env.put(AlpacaConfigReader.ENV_MODE, "live");

        AlpacaConfig config = AlpacaConfigReader.fromEnvironment(env);

        assertThat(config.mode()).isEqualTo(AlpacaConfig.Mode.LIVE);
        assertThat(config.tradingUrl()).isEqualTo(URI.create("https://api.alpaca.markets"));
        assertThat(config.streamUrl()).isEqualTo(URI.create("wss://api.alpaca.markets/stream"));
    }

    @Test
    void theFileSetsEverythingAndTheEnvironmentWins() {
        Properties file = new Properties();
        file.setProperty("alpaca.key-id", "FILEKEY");
        file.setProperty("alpaca.secret-key", "FILESECRET");
        file.setProperty("alpaca.trading-url", "http://127.0.0.1:18080");
        file.setProperty("alpaca.data-url", "http://localhost:18081/");
        file.setProperty("alpaca.history-feed", "iex");
        file.setProperty("alpaca.quote-feed", "SIP");
        file.setProperty("alpaca.history-delay", "0s");
        file.setProperty("alpaca.requests-per-minute", "950");
        file.setProperty("alpaca.stream", "off");
        file.setProperty("alpaca.order.poll-cycle", "500ms");
        file.setProperty("alpaca.connect-timeout", "3s");
        file.setProperty("alpaca.request-timeout", "PT20S");
        file.setProperty("alpaca.retry.max-attempts", "6");
        file.setProperty("alpaca.retry.initial-backoff", "100ms");
        file.setProperty("alpaca.retry.max-backoff", "2s");
        file.setProperty("alpaca.retry.max-retry-after", "1m");
        file.setProperty("alpaca.calendar.cache-ttl", "1h");
        file.setProperty("other.setting", "ignored");

        AlpacaConfig config = AlpacaConfigReader.fromProperties(file,
                Map.of(AlpacaConfigReader.ENV_SECRET_KEY, SECRET));

        assertThat(config.keyId().reveal()).isEqualTo("FILEKEY");
        assertThat(config.secretKey().reveal()).isEqualTo(SECRET);
        assertThat(config.tradingUrl()).isEqualTo(URI.create("http://127.0.0.1:18080"));
        assertThat(config.dataUrl()).isEqualTo(URI.create("http://localhost:18081"));
        assertThat(config.streamUrl()).isEqualTo(URI.create("ws://127.0.0.1:18080/stream"));
        assertThat(config.historyFeed()).isEqualTo(AlpacaConfig.Feed.IEX);
        assertThat(config.quoteFeed()).isEqualTo(AlpacaConfig.Feed.SIP);
        assertThat(config.historyDelay()).isEqualTo(Duration.ZERO);
        assertThat(config.requestsPerMinute()).isEqualTo(950);
        assertThat(config.streamEnabled()).isFalse();
        assertThat(config.orderPollCycle()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.retryPolicy()).isEqualTo(new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMinutes(1)));
        assertThat(config.calendarCacheTtl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMisspelledKeyIsReportedByName() {
        Properties file = new Properties();
        file.setProperty("alpaca.secret", "oops");

        assertThatThrownBy(() -> AlpacaConfigReader.fromProperties(file, keys()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpaca.secret")
                .hasMessageNotContaining("oops");
    }

    @Test
    void aReplacedKeySaysWhatReplacedIt() {
        Properties feed = new Properties();
        feed.setProperty("alpaca.feed", "iex");
        Properties poll = new Properties();
        poll.setProperty("alpaca.order.poll-initial", "200ms");

        assertThatThrownBy(() -> AlpacaConfigReader.fromProperties(feed, keys()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpaca.feed is no longer read")
                .hasMessageContaining("alpaca.history-feed").hasMessageContaining("alpaca.quote-feed");
        assertThatThrownBy(() -> AlpacaConfigReader.fromProperties(poll, keys()))
                .hasMessageContaining("alpaca.order.poll-cycle");
    }

    @Test
    void missingCredentialsNameTheVariablesToSet() {
        assertThatThrownBy(() -> AlpacaConfigReader.fromEnvironment(Map.of(AlpacaConfigReader.ENV_KEY_ID, KEY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("APCA_API_SECRET_KEY")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void theConfigAndItsSecretsNeverPrintTheCredentials() {
        AlpacaConfig config = AlpacaConfigReader.fromEnvironment(keys());

        assertThat(config.toString()).doesNotContain(KEY).doesNotContain(SECRET).contains("****");
        assertThat(config.keyId().toString()).isEqualTo("****");
        assertThat(String.valueOf(config.secretKey())).isEqualTo("****");
        try (AlpacaAdapters adapters = AlpacaAdapters.create(config)) {
            assertThat(adapters.toString()).doesNotContain(KEY).doesNotContain(SECRET);
        }
    }

    @Test
    void paperModeRefusesTheLiveHostAndLiveModeThePaperHost() {
        assertThatThrownBy(() -> AlpacaConfigReader.fromEnvironment(Map.of(AlpacaConfigReader.ENV_KEY_ID, KEY,
                AlpacaConfigReader.ENV_SECRET_KEY, SECRET, AlpacaConfigReader.ENV_TRADING_URL,
                "https://api.alpaca.markets")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paper mode");
        assertThatThrownBy(() -> AlpacaConfigReader.fromEnvironment(Map.of(AlpacaConfigReader.ENV_KEY_ID, KEY,
                AlpacaConfigReader.ENV_SECRET_KEY, SECRET, AlpacaConfigReader.ENV_MODE, "live",
                AlpacaConfigReader.ENV_TRADING_URL, "https://paper-api.alpaca.markets/v2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("live mode");
    }

    @Test
    void plainHttpIsOnlyAllowedToLoopback() {
        AlpacaConfig.Builder b = builder();

        assertThatThrownBy(() -> b.tradingUrl(URI.create("http://alpaca.example.com")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http");
        assertThat(b.tradingUrl(URI.create("http://[::1]:8080")).build().tradingUrl().getPort()).isEqualTo(8080);
        assertThat(b.tradingUrl(URI.create("http://127.0.0.2:8080")).build().tradingUrl().getPort()).isEqualTo(8080);
    }

    @Test
    void aBaseUrlEndingInV2IsTakenWithoutItAndAnotherVersionIsRefused() {
        assertThat(builder().tradingUrl(URI.create("https://paper-api.alpaca.markets/v2")).build().tradingUrl())
                .isEqualTo(URI.create("https://paper-api.alpaca.markets"));
        assertThat(builder().dataUrl(URI.create("https://data.alpaca.markets/v2/")).build().dataUrl())
                .isEqualTo(URI.create("https://data.alpaca.markets"));
        AlpacaConfig proxied = builder().tradingUrl(URI.create("https://proxy.example.com/alpaca/v2/")).build();
        assertThat(proxied.tradingUrl()).isEqualTo(URI.create("https://proxy.example.com/alpaca"));
        assertThat(proxied.streamUrl()).isEqualTo(URI.create("wss://proxy.example.com/alpaca/stream"));
        assertThat(AlpacaConfigReader.fromEnvironment(Map.of(AlpacaConfigReader.ENV_KEY_ID, KEY,
                AlpacaConfigReader.ENV_SECRET_KEY, SECRET, AlpacaConfigReader.ENV_TRADING_URL,
                "https://paper-api.alpaca.markets/v2/")).tradingUrl())
                .isEqualTo(URI.create("https://paper-api.alpaca.markets"));

        assertThatThrownBy(() -> builder().dataUrl(URI.create("https://data.alpaca.markets/v1beta3")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data URL")
                .hasMessageContaining("'v1beta3'")
                .hasMessageContaining("without a version");
        assertThatThrownBy(() -> builder().tradingUrl(URI.create("https://paper-api.alpaca.markets/v1")).build())
                .hasMessageContaining("trading URL").hasMessageContaining("'v1'");
    }

    @Test
    void badValuesAreReportedWithTheirKey() {
        assertThatThrownBy(() -> read("alpaca.history-feed", "delayed"))
                .hasMessageContaining("alpaca.history-feed").hasMessageContaining("delayed");
        assertThatThrownBy(() -> read("alpaca.quote-feed", "otc")).hasMessageContaining("alpaca.quote-feed");
        assertThatThrownBy(() -> read("alpaca.request-timeout", "soon"))
                .hasMessageContaining("alpaca.request-timeout");
        assertThatThrownBy(() -> read("alpaca.mode", "real")).hasMessageContaining("alpaca.mode");
        assertThatThrownBy(() -> read("alpaca.stream", "maybe")).hasMessageContaining("alpaca.stream");
        assertThatThrownBy(() -> read("alpaca.requests-per-minute", "lots"))
                .hasMessageContaining("alpaca.requests-per-minute").hasMessageContaining("whole number");
        assertThatThrownBy(() -> read("alpaca.retry.max-attempts", "99"))
                .hasMessageContaining("alpaca.retry").hasMessageContaining("1..20");
    }

    @Test
    void everyDurationHasARangeAndTheMessageNamesIt() {
        assertOutOfRange(b -> b.historyDelay(Duration.ofSeconds(-1)), "history delay");
        assertOutOfRange(b -> b.historyDelay(Duration.ofDays(2)), "history delay");
        assertOutOfRange(b -> b.orderPollCycle(Duration.ofMillis(9)), "order poll cycle");
        assertOutOfRange(b -> b.orderPollCycle(Duration.ofMinutes(6)), "order poll cycle");
        assertOutOfRange(b -> b.connectTimeout(Duration.ZERO), "connect timeout");
        assertOutOfRange(b -> b.requestTimeout(Duration.ofMinutes(11)), "request timeout");
        assertOutOfRange(b -> b.calendarCacheTtl(Duration.ofDays(31)), "calendar cache TTL");
        assertThat(builder().historyDelay(Duration.ZERO).orderPollCycle(Duration.ofMillis(10))
                .requestTimeout(Duration.ofMinutes(10)).build().historyDelay()).isZero();
        assertThatThrownBy(() -> new RetryPolicy(4, Duration.ZERO, Duration.ofMinutes(6), Duration.ZERO))
                .hasMessageContaining("backoff");
        assertThatThrownBy(() -> new RetryPolicy(4, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(11)))
                .hasMessageContaining("maxRetryAfter");
    }

    @Property
    void aRequestBudgetIsAcceptedExactlyFromOneToTenThousandAMinute(
            @ForAll @LongRange(min = -20_000, max = 20_000) long asked) {
        int n = (int) asked;
        if (n >= 1 && n <= 10_000) {
            assertThat(builder().requestsPerMinute(n).build().requestsPerMinute()).isEqualTo(n);
        } else {
            assertThatThrownBy(() -> builder().requestsPerMinute(n).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("requests per minute must be 1..10000");
        }
    }

    @Test
    void aBlankSecretIsRefusedAndSurroundingWhitespaceIsStripped() {
        assertThatThrownBy(() -> Secret.of("  \n")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Secret.of(" abc\n").reveal()).isEqualTo("abc");
        assertThat(Secret.of("abc").redact("x abc y abc")).isEqualTo("x **** y ****");
    }

    private static AlpacaConfig read(String key, String value) {
        Properties file = new Properties();
        file.setProperty(key, value);
        return AlpacaConfigReader.fromProperties(file, keys());
    }

    private static void assertOutOfRange(UnaryOperator<AlpacaConfig.Builder> setting, String name) {
        assertThatThrownBy(() -> setting.apply(builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name + " must be");
    }
}
