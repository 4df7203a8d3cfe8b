package io.alchemiser.examples.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.alpaca.config.AlpacaConfig;
import io.alchemiser.core.application.portfolio.RebalanceAnchor;
import io.alchemiser.core.application.run.RunSettings;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import io.alchemiser.examples.config.AppConfig;
import io.alchemiser.examples.config.ConfigException;
import io.alchemiser.examples.config.ConfigFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration translated into the libraries' settings values, with the environment where it defers to it. */
class AppSettingsTest {
    private static final String ONE = "strategies: [{file: a.clj, weight: 1}]\n";

    @TempDir
    Path dir;
    ConfigFiles files;
    Path file;

    @BeforeEach
    void files() {
        files = new ConfigFiles(dir);
        file = files.file();
    }

    private AppConfig config(String yaml) {
        return files.load(yaml);
    }

    @Test
    void alpacasSettingsAreBuiltFromTheFilesSecretsWithoutRevealingThem() throws IOException {
        AppConfig c = config(ONE + "broker:\n  type: alpaca-paper\n  alpaca:\n    keyId: PKFILE\n    secretKey: s3cr3t\n"
                + "    tradingUrl: 'http://127.0.0.1:1'\n    quoteFeed: sip\n    historyFeed: iex\n"
                + "    requestsPerMinute: 100\n");
        AlpacaConfig alpaca = AppSettings.of(c, Map.of()).alpaca();
        assertThat(alpaca.keyId()).isSameAs(c.broker().alpaca().keyId());
        assertThat(alpaca.secretKey()).isSameAs(c.broker().alpaca().secretKey());
        assertThat(alpaca.mode()).isEqualTo(AlpacaConfig.Mode.PAPER);
        assertThat(alpaca.quoteFeed()).isEqualTo(AlpacaConfig.Feed.SIP);
        assertThat(alpaca.historyFeed()).isEqualTo(AlpacaConfig.Feed.IEX);
        assertThat(alpaca.requestsPerMinute()).isEqualTo(100);
        assertThat(alpaca.tradingUrl()).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(alpaca.toString()).doesNotContain("PKFILE").doesNotContain("s3cr3t");
    }

    @Test
    void theEnvironmentWinsOverTheFileForKeysAndUrls() throws IOException {
        AppConfig c = config(ONE + "broker:\n  type: alpaca-live\n  alpaca: {keyId: PKFILE, secretKey: file}\n");
        AlpacaConfig alpaca = AppSettings.of(c, Map.of(AppSettings.ENV_KEY_ID, "PKENV", AppSettings.ENV_SECRET_KEY,
                "env", AppSettings.ENV_DATA_URL, "https://data.example.com")).alpaca();
        assertThat(alpaca.keyId().reveal()).isEqualTo("PKENV");
        assertThat(alpaca.secretKey().reveal()).isEqualTo("env");
        assertThat(alpaca.mode()).isEqualTo(AlpacaConfig.Mode.LIVE);
        assertThat(alpaca.tradingUrl()).isEqualTo(AlpacaConfig.LIVE_TRADING_URL);
        assertThat(alpaca.dataUrl()).isEqualTo(URI.create("https://data.example.com"));
    }

    @Test
    void missingCredentialsNameTheVariablesAndTheLine() throws IOException {
        AppConfig c = config(ONE + "broker:\n  type: alpaca-paper\n");
        assertThatThrownBy(() -> AppSettings.of(c, Map.of()).alpaca()).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":2:1: broker.alpaca.keyId: Alpaca credentials missing: set "
                        + "APCA_API_KEY_ID and APCA_API_SECRET_KEY");
    }

    @Test
    void theConfigurationAloneDecidesPaperOrLive() throws IOException {
        AppConfig c = config(ONE + "broker:\n  type: alpaca-paper\n");
        Map<String, String> env = Map.of(AppSettings.ENV_KEY_ID, "k", AppSettings.ENV_SECRET_KEY, "s",
                AppSettings.ENV_MODE, "live");
        assertThatThrownBy(() -> AppSettings.of(c, env).alpaca()).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3:9: broker.type: alpaca-paper but ALCHEMISER_ALPACA_MODE says live; the "
                        + "configuration decides paper or live, so unset the variable or change broker.type");
    }

    @Test
    void alpacasOwnRefusalBecomesAConfigErrorAtTheBrokerSection() throws IOException {
        AppConfig c = config(ONE + "broker:\n  type: alpaca-paper\n  alpaca: {quoteFeed: iex}\n");
        Map<String, String> env = Map.of(AppSettings.ENV_KEY_ID, "k", AppSettings.ENV_SECRET_KEY, "s",
                AppSettings.ENV_TRADING_URL, "https://api.alpaca.markets");
        assertThatThrownBy(() -> AppSettings.of(c, env).alpaca()).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":4:3: broker.alpaca: paper mode, but the trading URL");
    }

    @Test
    void runSettingsTakePercentagesAsFractionsAndSecondsAsDurations() throws IOException {
        RunSettings run = AppSettings.of(config(ONE + "rebalance: {minTradePercent: 0.5}\n"
                + "execution: {maxSpreadPercent: 3, stepWaitSeconds: 20, buyingPowerWaitSeconds: 0}\n"), Map.of()).run();
        assertThat(run.rebalance().minTradeFraction()).isEqualTo(0.005);
        assertThat(run.execution().maxSpread()).isEqualTo(0.03);
        assertThat(run.execution().stepWait()).isEqualTo(Duration.ofSeconds(20));
        assertThat(run.execution().buyingPowerWait()).isZero();
        assertThat(run.intraday()).as("the simulated broker has no live prices").isFalse();
        assertThat(AppSettings.of(config(ONE + "broker: {type: alpaca-paper}\n"), Map.of()).run().intraday()).isTrue();
    }

    @Test
    void theFragileMarginReachesEveryStrategyAsAFraction() throws IOException {
        assertThat(fragileMargins(config(ONE))).containsExactly(0.005);
        assertThat(fragileMargins(config(ONE + "evaluation: {fragileMarginPercent: 2}\n"))).containsExactly(0.02);
        assertThat(fragileMargins(config(ONE + "evaluation: {fragileMarginPercent: 0}\n"))).containsExactly(0.0);
    }

    private static List<Double> fragileMargins(AppConfig c) {
        return Wiring.strategies(c).stream().map(w -> ((SymphonyStrategy) w.strategy()).options().fragileMargin())
                .toList();
    }

    @Test
    void calendarRulesTradeOnTheFirstTradingDayUnlessTheConfigurationSaysLast() throws IOException {
        assertThat(AppSettings.of(config(ONE), Map.of()).run().anchor()).isEqualTo(RebalanceAnchor.FIRST_TRADING_DAY);
        assertThat(AppSettings.of(config(ONE + "rebalance: {anchor: last}\n"), Map.of()).run().anchor())
                .isEqualTo(RebalanceAnchor.LAST_TRADING_DAY);
        assertThat(AppSettings.of(config(ONE + "rebalance: {anchor: first}\n"), Map.of()).run().anchor())
                .isEqualTo(RebalanceAnchor.FIRST_TRADING_DAY);
    }

    @Test
    void s3AndSmtpRefusalsPointAtTheirSection() throws IOException {
        AppConfig s3 = config(ONE + "data:\n  store: s3\n  s3: {bucket: b, prefix: lake/}\n");
        assertThatThrownBy(() -> AppSettings.of(s3, Map.of()).s3()).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":4:3: data.s3: S3 prefix 'lake/' must not start or end with '/'");
        AppConfig smtp = config(ONE + "notifications:\n  smtp: {host: h, from: 'not an address', to: [d@e.f]}\n");
        assertThatThrownBy(() -> AppSettings.of(smtp, Map.of()).notifier()).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":3:3: notifications.smtp: not a mail address: 'not an address'");
    }

    @Test
    void twoStrategiesWhoseSymphoniesShareANameAreRefusedAtTheSecond() throws IOException {
        Files.writeString(dir.resolve("b.clj"), "(defsymphony \"Same\" {} (asset \"TLT\"))");
        AppConfig c = config("strategies:\n  - {file: a.clj, weight: 0.5}\n  - {file: b.clj, weight: 0.5}\n");
        assertThatThrownBy(() -> Wiring.strategies(c)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3:5: strategies[1]: strategies[0] is also named 'Same'; give one a distinct "
                        + "'name' (trades are attributed by name)");
    }
}
