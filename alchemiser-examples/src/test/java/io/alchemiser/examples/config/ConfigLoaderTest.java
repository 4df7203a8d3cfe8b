package io.alchemiser.examples.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;
    Path file;
    private final ConfigLoader loader = new ConfigLoader();

    @BeforeEach
    void symphonies() throws IOException {
        Files.writeString(dir.resolve("a.clj"), "(asset \"SPY\")");
        Files.writeString(dir.resolve("b.clj"), "(asset \"TLT\")");
        file = dir.resolve("alchemiser.yaml");
    }

    private AppConfig load(String yaml) throws IOException {
        Files.writeString(file, yaml);
        return loader.load(file);
    }

    @Test
    void fillsEveryDefaultAndResolvesPathsAgainstTheFile() throws IOException {
        AppConfig c = load("""
                strategies:
                  - file: a.clj
                    weight: 0.6
                  - file: b.clj
                    weight: 0.4
                    name: Bonds
                """);
        assertThat(c.strategies()).hasSize(2);
        assertThat(c.strategies().get(0).file()).isEqualTo(dir.resolve("a.clj").toAbsolutePath().normalize());
        assertThat(c.strategies().get(1).name()).isEqualTo("Bonds");
        assertThat(c.broker().type()).isEqualTo(AppConfig.BrokerType.SIMULATED);
        assertThat(c.broker().simulated().cash()).isEqualByComparingTo("100000");
        assertThat(c.data().store()).isEqualTo(AppConfig.DataStore.LOCAL);
        assertThat(c.data().source()).isEqualTo(AppConfig.DataSource.ALPACA);
        assertThat(c.execution().buyingPowerWaitSeconds()).isEqualTo(60);
        assertThat(c.broker().simulated().seed()).isEqualTo(42L);
        assertThat(c.broker().alpaca()).isNull();
        assertThat(c.notifications().directory()).isNull();
        assertThat(c.data().path()).isEqualTo(dir.resolve("data/lake").toAbsolutePath().normalize());
        assertThat(c.rebalance().fractionalShares()).isTrue();
        assertThat(c.execution().steps()).containsExactly(0.75, 0.85, 0.95);
        assertThat(c.execution().stepWaitSeconds()).isEqualTo(30);
        assertThat(c.execution().concurrency()).isEqualTo(10);
        assertThat(c.schedule().minutesBeforeClose()).isEqualTo(15);
        assertThat(c.ledger().path()).isEqualTo(dir.resolve("ledger/alchemiser").toAbsolutePath().normalize());
    }

    @Test
    void anUnknownKeyIsAnErrorNamingFileLineKeyAndSection() {
        assertThatThrownBy(() -> load("""
                strategies:
                  - file: a.clj
                    weight: 1
                broker:
                  type: simulated
                  simulated:
                    cash: 5000
                    spred: 3
                """)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":8:")
                .hasMessageContaining("unknown key 'spred'")
                .hasMessageContaining("in 'broker.simulated'")
                .hasMessageContaining("spreadBps");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsKey() {
        assertThatThrownBy(() -> load("""
                strategies:
                  - file: a.clj
                    weight: lots
                """)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3:13: strategies[0].weight: expected a number from 0 to 1, got 'lots'");
    }

    @Test
    void weightsMustSumToOne() {
        assertThatThrownBy(() -> load("""
                strategies:
                  - {file: a.clj, weight: 0.5}
                  - {file: b.clj, weight: 0.4}
                """)).hasMessage(file + ":1:1: strategies: weights must sum to 1, got 0.9");
    }

    @Test
    void aMissingSymphonyFileIsNamed() {
        assertThatThrownBy(() -> load("""
                strategies:
                  - {file: nope.clj, weight: 1}
                """)).hasMessageContaining("strategies[0].file: no such file: ").hasMessageContaining("nope.clj");
    }

    @Test
    void anUnknownBrokerTypeListsTheChoices() {
        assertThatThrownBy(() -> load("""
                strategies: [{file: a.clj, weight: 1}]
                broker: {type: robinhood}
                """)).hasMessageContaining("broker.type: must be one of [alpaca-live, alpaca-paper, simulated], got 'robinhood'");
    }

    @Test
    void badYamlSaysWhere() {
        assertThatThrownBy(() -> load("strategies: [ {file: a.clj, weight: 1 }\n  broker: ]\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(file + ":");
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml")))
                .hasMessageEndingWith("missing.yaml: configuration file not found");
    }

    @Test
    void secretsNeverPrint() throws IOException {
        AppConfig c = load("""
                strategies: [{file: a.clj, weight: 1}]
                broker:
                  type: alpaca-paper
                  alpaca: {keyId: PKTEST123, secretKey: hunter2}
                """);
        assertThat(c.toString()).doesNotContain("PKTEST123").doesNotContain("hunter2");
        assertThat(c.broker().alpaca().secretKey().reveal()).isEqualTo("hunter2");
        assertThat(c.rebalance().cashReserve()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void theAnnotatedExampleInTheRepositoryLoads() throws IOException {
        String example = Files.readString(Path.of("..", "alchemiser.example.yaml"));
        Files.createDirectories(dir.resolve("strategies"));
        for (String name : new String[] {"nuclear.clj", "kmlm.clj", "phoenix.clj"}) {
            Files.writeString(dir.resolve("strategies").resolve(name), "(asset \"SPY\")");
        }
        AppConfig c = load(example);
        assertThat(c.broker().type()).isEqualTo(AppConfig.BrokerType.ALPACA_PAPER);
        assertThat(c.strategies()).extracting(AppConfig.StrategyEntry::weight).containsExactly(0.40, 0.35, 0.25);
    }
}
