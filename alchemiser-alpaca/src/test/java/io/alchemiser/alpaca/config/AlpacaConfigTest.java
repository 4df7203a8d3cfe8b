package io.alchemiser.alpaca.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.alpaca.AlpacaAdapters;
import io.alchemiser.core.domain.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AlpacaConfigTest {

    private static final String KEY = "PKLIVEKEYABCDEFGHIJK";
    private static final String SECRET = "verySecretValue/With+Symbols";

    private static Map<String, String> keys() {
        return Map.of(AlpacaConfig.ENV_KEY_ID, KEY, AlpacaConfig.ENV_SECRET_KEY, SECRET);
    }

    @Test
    void theEnvironmentAloneGivesAPaperAccountOnTheIexFeed() {
        AlpacaConfig config = AlpacaConfig.fromEnvironment(keys());

        assertThat(config.mode()).isEqualTo(AlpacaConfig.Mode.PAPER);
        assertThat(config.tradingUrl()).isEqualTo(URI.create("https://paper-api.alpaca.markets"));
        assertThat(config.dataUrl()).isEqualTo(URI.create("https://data.alpaca.markets"));
        assertThat(config.feed()).isEqualTo(AlpacaConfig.Feed.IEX);
        assertThat(config.keyId().reveal()).isEqualTo(KEY);
        assertThat(config.secretKey().reveal()).isEqualTo(SECRET);
        assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.defaults());
    }

    @Test
    void liveModeMustBeAskedForAndSelectsTheLiveHost() {
        Map<String, String> env = new java.util.HashMap<>(keys());
        env.put(AlpacaConfig.ENV_MODE, "live");

        AlpacaConfig config = AlpacaConfig.fromEnvironment(env);

        assertThat(config.mode()).isEqualTo(AlpacaConfig.Mode.LIVE);
        assertThat(config.tradingUrl()).isEqualTo(URI.create("https://api.alpaca.markets"));
    }

    @Test
    void theFileSetsEverythingAndTheEnvironmentWins() {
        Properties file = new Properties();
        file.setProperty("alpaca.key-id", "FILEKEY");
        file.setProperty("alpaca.secret-key", "FILESECRET");
        file.setProperty("alpaca.trading-url", "http://127.0.0.1:18080");
        file.setProperty("alpaca.data-url", "http://localhost:18081/");
        file.setProperty("alpaca.feed", "sip");
        file.setProperty("alpaca.connect-timeout", "3s");
        file.setProperty("alpaca.request-timeout", "PT20S");
        file.setProperty("alpaca.retry.max-attempts", "6");
        file.setProperty("alpaca.retry.initial-backoff", "100ms");
        file.setProperty("alpaca.retry.max-backoff", "2s");
        file.setProperty("alpaca.retry.max-retry-after", "1m");
        file.setProperty("alpaca.order.poll-initial", "50ms");
        file.setProperty("alpaca.order.poll-max", "1s");
        file.setProperty("alpaca.calendar.cache-ttl", "1h");
        file.setProperty("other.setting", "ignored");

        AlpacaConfig config = AlpacaConfig.fromProperties(file, Map.of(AlpacaConfig.ENV_SECRET_KEY, SECRET));

        assertThat(config.keyId().reveal()).isEqualTo("FILEKEY");
        assertThat(config.secretKey().reveal()).isEqualTo(SECRET);
        assertThat(config.tradingUrl()).isEqualTo(URI.create("http://127.0.0.1:18080"));
        assertThat(config.dataUrl()).isEqualTo(URI.create("http://localhost:18081/"));
        assertThat(config.feed()).isEqualTo(AlpacaConfig.Feed.SIP);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.retryPolicy()).isEqualTo(new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMinutes(1)));
        assertThat(config.orderPollInitial()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.orderPollMax()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.calendarCacheTtl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMisspelledKeyIsReportedByName() {
        Properties file = new Properties();
        file.setProperty("alpaca.secret", "oops");

        assertThatThrownBy(() -> AlpacaConfig.fromProperties(file, keys()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpaca.secret")
                .hasMessageNotContaining("oops");
    }

    @Test
    void missingCredentialsNameTheVariablesToSet() {
        assertThatThrownBy(() -> AlpacaConfig.fromEnvironment(Map.of(AlpacaConfig.ENV_KEY_ID, KEY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("APCA_API_SECRET_KEY")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void theConfigAndItsSecretsNeverPrintTheCredentials() {
        AlpacaConfig config = AlpacaConfig.fromEnvironment(keys());

        assertThat(config.toString()).doesNotContain(KEY).doesNotContain(SECRET).contains("****");
        assertThat(config.keyId().toString()).isEqualTo("****");
        assertThat(String.valueOf(config.secretKey())).isEqualTo("****");
        assertThat(AlpacaAdapters.create(config).toString()).doesNotContain(KEY).doesNotContain(SECRET);
    }

    @Test
    void paperModeRefusesTheLiveHostAndLiveModeThePaperHost() {
        assertThatThrownBy(() -> AlpacaConfig.fromEnvironment(Map.of(AlpacaConfig.ENV_KEY_ID, KEY,
                AlpacaConfig.ENV_SECRET_KEY, SECRET, AlpacaConfig.ENV_TRADING_URL, "https://api.alpaca.markets")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paper mode");
        assertThatThrownBy(() -> AlpacaConfig.fromEnvironment(Map.of(AlpacaConfig.ENV_KEY_ID, KEY,
                AlpacaConfig.ENV_SECRET_KEY, SECRET, AlpacaConfig.ENV_MODE, "live",
                AlpacaConfig.ENV_TRADING_URL, "https://paper-api.alpaca.markets")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("live mode");
    }

    @Test
    void plainHttpIsOnlyAllowedToLoopback() {
        AlpacaConfig.Builder b = AlpacaConfig.builder().keyId(Secret.of(KEY)).secretKey(Secret.of(SECRET));

        assertThatThrownBy(() -> b.tradingUrl(URI.create("http://alpaca.example.com")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http");
        assertThat(b.tradingUrl(URI.create("http://[::1]:8080")).build().tradingUrl().getPort()).isEqualTo(8080);
        assertThat(b.tradingUrl(URI.create("http://127.0.0.2:8080")).build().tradingUrl().getPort()).isEqualTo(8080);
    }

    @Test
    void badValuesAreReportedWithTheirKey() {
        Properties file = new Properties();
        file.setProperty("alpaca.feed", "delayed");
        assertThatThrownBy(() -> AlpacaConfig.fromProperties(file, keys()))
                .hasMessageContaining("alpaca.feed").hasMessageContaining("delayed");

        Properties timeout = new Properties();
        timeout.setProperty("alpaca.request-timeout", "soon");
        assertThatThrownBy(() -> AlpacaConfig.fromProperties(timeout, keys()))
                .hasMessageContaining("alpaca.request-timeout");

        Properties mode = new Properties();
        mode.setProperty("alpaca.mode", "real");
        assertThatThrownBy(() -> AlpacaConfig.fromProperties(mode, keys()))
                .hasMessageContaining("alpaca.mode");
    }

    @Test
    void aBlankSecretIsRefusedAndSurroundingWhitespaceIsStripped() {
        assertThatThrownBy(() -> Secret.of("  \n")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Secret.of(" abc\n").reveal()).isEqualTo("abc");
        assertThat(Secret.of("abc").redact("x abc y abc")).isEqualTo("x **** y ****");
    }
}
