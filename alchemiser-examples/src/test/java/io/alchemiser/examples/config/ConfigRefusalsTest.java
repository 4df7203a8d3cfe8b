package io.alchemiser.examples.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A configuration that cannot lie: everything that YAML or a lenient binder would let through — a second key that
 * silently wins, a typo at any depth, an empty or binary file, a number out of range, a value of the wrong kind — is
 * refused with {@code file:line:column: key.path: why}.
 */
class ConfigRefusalsTest {
    @TempDir
    Path dir;
    ConfigFiles files;
    Path file;

    @BeforeEach
    void files() {
        files = new ConfigFiles(dir);
        file = files.file();
    }

    private AppConfig load(String yaml) {
        return files.load(yaml);
    }

    private String error(String yaml) {
        return files.error(yaml);
    }

    @Test
    void aSecondBrokerKeyIsRefusedInsteadOfSilentlyGoingLive() {
        assertThat(error("""
                strategies: [{file: a.clj, weight: 1}]
                broker:
                  type: simulated
                data: {store: local}
                broker:
                  type: alpaca-live
                """)).isEqualTo(file + ":5:1: duplicate key 'broker' at the top level (first at line 2, column 1): "
                + "give each key once; YAML would silently keep only the last");
    }

    @Test
    void duplicateKeysAreRefusedAtEveryDepth() {
        assertThat(error("""
                strategies: [{file: a.clj, weight: 1}]
                broker:
                  simulated:
                    cash: 1000
                    seed: 1
                    cash: 1000000
                """)).startsWith(file + ":6:5: duplicate key 'cash' in 'broker.simulated' (first at line 4, column 5)");
        assertThat(error("""
                strategies:
                  - file: a.clj
                    weight: 0.5
                    weight: 1
                """)).startsWith(file + ":4:5: duplicate key 'weight' in 'strategies[0]'");
        assertThat(error("strategies: [{file: a.clj, weight: 1, file: a.clj}]\n"))
                .startsWith(file + ":1:39: duplicate key 'file' in 'strategies[0]'");
    }

    @Test
    void unknownKeysAreRefusedAtEveryDepthWithTheKnownOnes() {
        assertThat(error("""
                strategies: [{file: a.clj, weight: 1}]
                dryRun: true
                """)).isEqualTo(file + ":2:1: unknown key 'dryRun' at the top level; known keys: [broker, data, "
                + "evaluation, execution, ledger, notifications, rebalance, schedule, strategies]");
        assertThat(error("""
                strategies:
                  - {file: a.clj, wieght: 1}
                """)).startsWith(file + ":2:19: unknown key 'wieght' in 'strategies[0]'; known keys: [file, name, weight]");
        assertThat(error("""
                strategies: [{file: a.clj, weight: 1}]
                notifications:
                  smtp:
                    hots: mail.example.com
                """)).startsWith(file + ":4:5: unknown key 'hots' in 'notifications.smtp'");
        assertThat(error("""
                strategies: [{file: a.clj, weight: 1}]
                data:
                  s3: {bucket: b, regoin: eu-west-1}
                """)).startsWith(file + ":3:19: unknown key 'regoin' in 'data.s3'");
    }

    @Test
    void anEmptyFileOrOneOfOnlyCommentsSaysSo() throws IOException {
        assertThat(error("")).isEqualTo(file + ":1:1: the configuration file is empty: it needs at least "
                + "'strategies' (see alchemiser.example.yaml)");
        assertThat(error("  \n\n")).startsWith(file + ":1:1: the configuration file is empty");
        assertThat(error("# strategies:\n#   - file: a.clj\n")).startsWith(file + ":1:1: the configuration file is "
                + "only comments: it needs at least 'strategies'");
    }

    @Test
    void aBinaryFileIsNamedAsOne() throws IOException {
        Files.write(file, new byte[] {'s', 't', ':', ' ', 1, 2, 0, (byte) 0xff});
        assertThatThrownBy(() -> new ConfigLoader().load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":1:8: not a text file: the bytes here are not UTF-8 (is this a binary file?)");
        Files.write(file, "strategies:\n  - \u0000\u0001".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new ConfigLoader().load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2:5: not a text file: it holds the control character U+0000 (is this a binary "
                        + "file?)");
    }

    @Test
    void aTabUsedForIndentationIsCalledATabWithItsPosition() {
        assertThat(error("strategies:\n\t- {file: a.clj, weight: 1}\n")).isEqualTo(file + ":2:1: not valid YAML: "
                + "a tab cannot start a token here: YAML indents with spaces, never tabs");
    }

    @Test
    void otherYamlErrorsKeepTheParsersWordsAndPosition() {
        assertThat(error("strategies: [{file: a.clj, weight: 1}\nbroker: {}\n")).startsWith(file + ":2:")
                .contains(": not valid YAML: ");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\n---\nbroker: {}\n"))
                .startsWith(file + ":2:1: not valid YAML: but found another document");
        assertThat(error("- a\n- b\n")).isEqualTo(file + ":1:1: expected a section of keys (key: value on their own "
                + "lines), found a list");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\n[a]: b\n")).startsWith(file + ":2:1: a key must be"
                + " a plain name, found a list at the top level");
    }

    @Test
    void aHugeNumberOfSecondsIsRefusedWithItsRangeInsteadOfOverflowingLater() {
        assertThat(error("""
                strategies: [{file: a.clj, weight: 1}]
                execution:
                  stepWaitSeconds: 9223372036854775807
                """)).isEqualTo(file + ":3:20: execution.stepWaitSeconds: must be a whole number from 1 to 600, got "
                + "9223372036854775807");
        assertThat(error("""
                strategies: [{file: a.clj, weight: 1}]
                execution: {buyingPowerWaitSeconds: -5}
                """)).isEqualTo(file + ":2:37: execution.buyingPowerWaitSeconds: must be a whole number from 0 to 600,"
                + " got -5");
        assertThat(error("""
                strategies: [{file: a.clj, weight: 1}]
                execution: {stepWaitSeconds: 2.5}
                """)).endsWith("execution.stepWaitSeconds: must be a whole number from 1 to 600, got 2.5");
    }

    /** Each numeric key: the value just outside its range is refused at its position; its bounds are accepted. */
    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("broker", "simulated", "cash", "0", "1000000000001", "0.01", "1000000000000"),
                Arguments.of("broker", "simulated", "spreadBps", "-0.1", "1000.1", "0", "1000"),
                Arguments.of("broker", "simulated", "seed", "1.5", "9223372036854775808", "-9223372036854775808",
                        "9223372036854775807"),
                Arguments.of("rebalance", null, "minTradeDollars", "-1", "1000001", "0", "1000000"),
                Arguments.of("rebalance", null, "minTradePercent", "-0.1", "100", "0", "99.9"),
                Arguments.of("rebalance", null, "cashReserve", "-1", "1000000000001", "0", "1000"),
                Arguments.of("execution", null, "stepWaitSeconds", "0", "601", "1", "120"),
                Arguments.of("execution", null, "concurrency", "0", "65", "1", "64"),
                Arguments.of("execution", null, "maxSpreadPercent", "0", "100", "0.01", "99.99"),
                Arguments.of("execution", null, "buyingPowerWaitSeconds", "-1", "601", "0", "600"),
                Arguments.of("schedule", null, "minutesBeforeClose", "0", "391", "11", "390"),
                Arguments.of("notifications", "smtp", "port", "0", "65536", "1", "65535"),
                Arguments.of("broker", "alpaca", "requestsPerMinute", "0", "10001", "1", "10000"));
    }

    @ParameterizedTest(name = "{0}.{1}.{2}")
    @MethodSource("ranges")
    void everyNumberHasARange(String section, String subsection, String key, String below, String above, String low,
            String high) throws IOException {
        String path = section + (subsection == null ? "" : "." + subsection) + "." + key;
        for (String bad : new String[] {below, above, ".inf", ".nan", "0x10", "1_000", "ten"}) {
            String message = error(numeric(section, subsection, key, bad));
            assertThat(message).as(path + " = " + bad).startsWith(file + ":" + line(subsection) + ":")
                    .contains(": " + path + ": ");
        }
        for (String good : new String[] {low, high}) {
            AppConfig c = load(numeric(section, subsection, key, good));
            assertThat(c).as(path + " = " + good).isNotNull();
        }
    }

    /** A configuration whose only unusual value is {@code section[.subsection].key: value}. */
    private static String numeric(String section, String subsection, String key, String value) {
        String smtp = "notifications".equals(section) ? "    host: localhost\n    from: a@b.c\n    to: [d@e.f]\n" : "";
        return "strategies: [{file: a.clj, weight: 1}]\n" + section + ":\n"
                + (subsection == null ? "  " + key + ": " + value + "\n"
                        : "  " + subsection + ":\n    " + key + ": " + value + "\n" + smtp);
    }

    private static int line(String subsection) {
        return subsection == null ? 3 : 4;
    }

    @Test
    void stepsAreOneToTenStrictlyIncreasingFractions() {
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nexecution: {steps: [0.5, 0.5]}\n"))
                .isEqualTo(file + ":2:26: execution.steps[1]: steps must be strictly increasing, but 0.5 follows 0.5");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nexecution: {steps: [0.5, 1.5]}\n"))
                .endsWith("execution.steps[1]: must be a number from 0 to 1, got 1.5");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nexecution: {steps: []}\n"))
                .endsWith("execution.steps: needs 1 to 10 steps, e.g. [0.75, 0.85, 0.95], got 0");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nexecution: {steps: 0.5}\n"))
                .endsWith("execution.steps: expected a list (lines starting with '- ', or [a, b]), found the value '0.5'");
    }

    @Test
    void choicesAreTypedAndAnErrorListsWhatIsAccepted() {
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\ndata: {store: parquet}\n"))
                .isEqualTo(file + ":2:15: data.store: must be one of [csv, local, s3], got 'parquet'");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\ndata: {source: yahoo}\n"))
                .endsWith("data.source: must be one of [alpaca, csv], got 'yahoo'");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nbroker: {alpaca: {quoteFeed: SIP}}\n"))
                .endsWith("broker.alpaca.quoteFeed: must be one of [iex, sip], got 'SIP'");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nrebalance: {fractionalShares: yes}\n"))
                .endsWith("rebalance.fractionalShares: expected true or false, got 'yes'");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nevaluation: {fragileMarginPercent: 100}\n"))
                .isEqualTo(file + ":2:36: evaluation.fragileMarginPercent: must be a number from 0 and below 100,"
                        + " got 100");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nrebalance: {anchor: middle}\n"))
                .endsWith("rebalance.anchor: must be one of [first, last], got 'middle'");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\ndata: {historyStart: 2015-13-01}\n"))
                .endsWith("data.historyStart: expected a date like 2015-01-31, got '2015-13-01'");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\ndata: {historyStart: 1850-01-01}\n"))
                .endsWith("data.historyStart: must be on a date from 1900-01-01 to 2099-12-31, got 1850-01-01");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nbroker: {simulated: {startAt: '2026-11-24 15:45'}}\n"))
                .endsWith("broker.simulated.startAt: expected a New York date and time like 2026-11-24T15:45, got "
                        + "'2026-11-24 15:45'");
        assertThat(load("strategies: [{file: a.clj, weight: 1}]\nbroker: {simulated: {startAt: 2026-11-24T15:45}}\n")
                .broker().simulated().startAt()).isEqualTo(java.time.LocalDateTime.of(2026, 11, 24, 15, 45));
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nbroker: {simulated: {cash: [1, 2]}}\n"))
                .endsWith("broker.simulated.cash: expected a single value, found a list");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nbroker: simulated\n"))
                .endsWith("broker: expected a section of keys (key: value on their own lines), found the value "
                        + "'simulated'");
    }

    @Test
    void aUrlIsAbsoluteHttpAndNeverQuotedBack() {
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nbroker: {alpaca: {dataUrl: data.alpaca.markets}}\n"))
                .endsWith("broker.alpaca.dataUrl: expected an absolute http(s) URL such as https://example.com");
        String withPassword = error("strategies: [{file: a.clj, weight: 1}]\n"
                + "broker: {alpaca: {tradingUrl: 'https://me:hunter2@paper-api.alpaca.markets'}}\n");
        assertThat(withPassword).endsWith("broker.alpaca.tradingUrl: must not carry a user name or password; "
                + "credentials have keys of their own").doesNotContain("hunter2");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\ndata: {s3: {bucket: b, endpoint: 'http://m:9000/?x=1'}}\n"))
                .endsWith("data.s3.endpoint: must not carry a query (?...) or fragment (#...)");
    }

    @Test
    void aBlankValueIsNotADefault() {
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nbroker: {alpaca: {secretKey: ''}}\n"))
                .endsWith("broker.alpaca.secretKey: is blank: give the credential, or leave the key out to read it "
                        + "from the environment");
        assertThat(error("strategies: [{file: '  ', weight: 1}]\n")).endsWith("strategies[0].file: must not be blank");
    }

    @Test
    void aKeyWithoutAValueTakesItsDefault() throws IOException {
        AppConfig c = load("strategies: [{file: a.clj, weight: 1}]\nexecution:\n  stepWaitSeconds:\nnotifications:\n");
        assertThat(c.execution().stepWaitSeconds()).isEqualTo(30);
        assertThat(c.notifications().smtp()).isNull();
    }

    @Test
    void requiredKeysAreNamedWhereTheyAreMissing() {
        assertThat(error("broker: {type: simulated}\n")).isEqualTo(file + ":1:1: 'strategies' is required: at least "
                + "one symphony file and its weight, e.g. strategies: [{file: nuclear.clj, weight: 1}]");
        assertThat(error("strategies:\n  - {file: a.clj}\n")).isEqualTo(file + ":2:5: strategies[0]: 'weight' is "
                + "required: the strategy's share of the portfolio, e.g. 0.4");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\nnotifications:\n  smtp: {host: h, from: a@b.c}\n"))
                .startsWith(file + ":3:9: notifications.smtp: 'to' is required");
        assertThat(error("strategies: [{file: a.clj, weight: 1}]\ndata: {s3: {prefix: p}}\n"))
                .startsWith(file + ":2:12: data.s3: 'bucket' is required");
    }
}
