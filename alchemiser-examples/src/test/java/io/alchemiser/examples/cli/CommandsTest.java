package io.alchemiser.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end, in process: every command's happy path and its failure modes. */
class CommandsTest {
    static final LocalDate LAST = LocalDate.of(2026, 11, 24); // a Tuesday

    @TempDir
    Path dir;
    Path prices;
    Path good;

    @BeforeEach
    void files() throws IOException {
        prices = PriceFolder.write(dir.resolve("prices"), LAST, 260, "SPY", "TLT", "QQQ");
        good = dir.resolve("good.clj");
        Files.writeString(good, """
                (defsymphony "Good" {:asset-class "EQUITIES", :rebalance-frequency :daily}
                 (weight-equal
                  [(if (> (rsi "SPY" {:window 10}) 70)
                     [(asset "TLT")]
                     [(filter (cumulative-return {:window 20}) (select-top 1) [(asset "SPY") (asset "QQQ")])])]))
                """);
    }

    private Path config(String broker) throws IOException {
        return config(broker, "2026-11-24T15:45");
    }

    /** A config whose simulated broker's time starts at {@code startAt} (New York). */
    private Path config(String broker, String startAt) throws IOException {
        Path cfg = dir.resolve("alchemiser.yaml");
        Files.writeString(cfg, """
                strategies:
                  - {file: good.clj, weight: 1.0}
                broker:
                  type: %s
                  simulated: {startAt: %s}
                data:
                  store: csv
                  path: prices
                ledger:
                  path: ledger/test
                """.formatted(broker, startAt));
        return cfg;
    }

    @Test
    void checkPrintsOkWithCountsOrEveryErrorWithItsPosition() throws IOException {
        Path bad = dir.resolve("bad.clj");
        Files.writeString(bad, "(weight-equal [(filter (rsi {:window 10}) (select-first 2) [(asset \"SPY\")])])");
        Cli ok = Cli.run("check", good.toString());
        assertThat(ok.code).as(ok.toString()).isZero();
        assertThat(ok.out).contains(good + ": ok (6 nodes, 3 symbols)");

        Cli failed = Cli.run("check", good.toString(), bad.toString());
        assertThat(failed.code).isEqualTo(1);
        assertThat(failed.err).contains(bad + ":1:").contains("select-first");
        assertThat(failed.out).contains(good + ": ok");
    }

    @Test
    void evalPrintsWeightsAndTheDecisionPathAsJson() throws IOException {
        Cli r = Cli.run("eval", good.toString(), "--data", prices.toString(), "--as-of", "2026-11-20", "--json");
        assertThat(r.code).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out);
        assertThat(json.get("symphony").asText()).isEqualTo("Good");
        assertThat(json.get("asOf").asText()).isEqualTo("2026-11-20");
        double sum = 0;
        for (JsonNode w : json.get("weights")) {
            sum += w.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(json.get("decisionPath")).isNotEmpty();
        assertThat(json.get("decisionPath").get(0).get("location").asText()).startsWith(good + ":3:");
    }

    @Test
    void evalMarksFragileDecisionsInTextAndJsonByTheMarginAsked() throws IOException {
        // with a 90% margin the rsi condition (rsi around 50 against 70) is within the margin; with 0 nothing is
        Cli text = Cli.run("eval", good.toString(), "--data", prices.toString(), "--as-of", "2026-11-20",
                "--fragile-margin", "0.9");
        assertThat(text.code).as(text.toString()).isZero();
        assertThat(text.out).contains(good + ":3:").contains("[FRAGILE: ").contains("margin 90%]")
                .contains("FRAGILE: a live price a little off the close could flip");
        Cli json = Cli.run("eval", good.toString(), "--data", prices.toString(), "--as-of", "2026-11-20", "--json",
                "--fragile-margin", "0.9");
        JsonNode fragile = new ObjectMapper().readTree(json.out).get("decisionPath").get(0).get("fragile");
        assertThat(fragile.get("margin").asDouble()).isEqualTo(0.9);
        assertThat(fragile.get("gap").asDouble()).isBetween(0.0, 0.9);
        Cli none = Cli.run("eval", good.toString(), "--data", prices.toString(), "--as-of", "2026-11-20",
                "--fragile-margin", "0");
        assertThat(none.out).doesNotContain("FRAGILE");
    }

    @Test
    void evalRefusesAFragileMarginOutsideZeroToOne() {
        Cli r = Cli.run("eval", good.toString(), "--data", prices.toString(), "--as-of", "2026-11-20",
                "--fragile-margin", "2");
        assertThat(r.code).isNotZero();
        assertThat(r.err).contains("--fragile-margin").contains("[0, 1]");
    }

    @Test
    void evalNamesAMissingSymbol() throws IOException {
        Path other = dir.resolve("other.clj");
        Files.writeString(other, "(asset \"NOPE\")");
        Cli r = Cli.run("eval", other.toString(), "--data", prices.toString(), "--as-of", "2026-11-20");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("NOPE");
    }

    @Test
    void theDemoRunsBothPhasesAndShowsTheLedger() {
        Cli r = Cli.run("demo", "--date", "2026-11-24");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).contains("== merged portfolio").contains("== rebalance plan").contains("sell phase complete")
                .contains("buy phase complete").contains("== ledger").contains("momentum_guard.clj");
    }

    @Test
    void aDryRunPrintsThePlanAndRecordsNothing() throws IOException {
        Cli r = Cli.run("run", "--config", config("simulated").toString(), "--dry-run", "--as-of", "2026-11-24");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).contains("== rebalance plan").contains("(dry run").doesNotContain("buy phase complete");
        assertThat(dir.resolve("ledger")).satisfies(p -> assertThat(Cli.run("ledger", "--config",
                dir.resolve("alchemiser.yaml").toString()).out).contains("The ledger has no trades"));
    }

    @Test
    void aRunTradesRecordsAndTheLedgerShowsWhy() throws IOException {
        Path cfg = config("simulated");
        Cli r = Cli.run("run", "--config", cfg.toString(), "--as-of", "2026-11-24");
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).contains("buy phase complete").contains("== summary of run-2026-11-24");

        Cli ledger = Cli.run("ledger", "--config", cfg.toString(), "--run", "run-2026-11-24", "--json");
        assertThat(ledger.code).as(ledger.toString()).isZero();
        JsonNode trades = new ObjectMapper().readTree(ledger.out);
        assertThat(trades).isNotEmpty();
        assertThat(trades.get(0).get("attribution").has("Good")).isTrue();
        assertThat(trades.get(0).get("decisionPath").get(0).asText()).startsWith("Good: sleeve: daily: rebalance");
        assertThat(trades.get(0).get("decisionPath").get(1).asText()).isEqualTo("Good: prices: closes of 2026-11-24");
        assertThat(trades.get(0).get("decisionPath").get(2).asText()).contains("good.clj:3:");
    }

    @Test
    void failureModesExitNonZeroWithAClearMessage() throws IOException {
        Cli missing = Cli.run("run", "--config", dir.resolve("nope.yaml").toString());
        assertThat(missing.code).isEqualTo(1);
        assertThat(missing.err).contains("nope.yaml: configuration file not found");

        Path badYaml = dir.resolve("bad.yaml");
        Files.writeString(badYaml, "strategies:\n  - {file: good.clj, weight: 1}\nbrokr: {}\n");
        Cli yaml = Cli.run("run", "--config", badYaml.toString());
        assertThat(yaml.code).isEqualTo(1);
        assertThat(yaml.err).contains("bad.yaml:3:1: unknown key 'brokr'");

        Files.writeString(good, "(weight-equal [(asset \"SPY\")");
        Cli symphony = Cli.run("run", "--config", config("simulated").toString(), "--dry-run");
        assertThat(symphony.code).isEqualTo(1);
        assertThat(symphony.err).contains("good.clj:1:");
    }

    @Test
    void aClosedMarketAnotherDayOrStaleDataStopsBeforeAnyOrder() throws IOException {
        Cli saturday = Cli.run("run", "--config", config("simulated", "2026-11-21T15:45").toString());
        assertThat(saturday.code).isEqualTo(1);
        assertThat(saturday.err).contains("the market is closed").contains("next window opens at 2026-11-23T14:30:00Z")
                .contains("no order was placed");

        Cli yesterday = Cli.run("run", "--config", config("simulated").toString(), "--as-of", "2026-11-23");
        assertThat(yesterday.code).isEqualTo(1);
        assertThat(yesterday.err).contains("is not today (2026-11-24").contains("no order was placed");

        Cli stale = Cli.run("run", "--config", config("simulated", "2026-12-08T15:45").toString());
        assertThat(stale.code).isEqualTo(1);
        assertThat(stale.err).contains("market data is stale").contains("no order was placed");
    }

    @Test
    void missingAlpacaCredentialsAreNamed() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("APCA_API_KEY_ID") == null,
                "this machine has Alpaca keys in its environment");
        Path cfg = dir.resolve("alpaca.yaml");
        Files.writeString(cfg, """
                strategies:
                  - {file: good.clj, weight: 1.0}
                broker:
                  type: alpaca-paper
                data:
                  store: local
                  path: lake
                ledger:
                  path: ledger/test
                """);
        Cli r = Cli.run("run", "--config", cfg.toString(), "--dry-run");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("APCA_API_KEY_ID").contains(cfg + ":3:1: broker.alpaca.keyId: ");
    }

    @Test
    void aTerminalEscapeSequenceInASymphonyNeverReachesTheTerminalRaw() throws IOException {
        String esc = "\u001b";
        Path evil = dir.resolve("evil.clj");
        Files.writeString(evil, "(defsymphony \"Evil" + esc + "[2J" + esc + "]0;pwned\u0007\" {}\n"
                + " (weight-equal [(asset \"SPY\")]))");
        Path broken = dir.resolve("broken" + esc + "[31m.clj");
        Files.writeString(broken, "(defsymphony \"x" + esc + "[2J\" {}\n (weight-equal [(asset)]))");

        Cli eval = Cli.run("eval", evil.toString(), "--data", prices.toString(), "--as-of", "2026-11-20");
        Cli check = Cli.run("check", evil.toString(), broken.toString());
        Cli run = Cli.run("run", "--config", configFor(evil), "--dry-run", "--as-of", "2026-11-24");

        assertThat(eval.code).as(eval.toString()).isZero();
        assertThat(eval.out).contains("Evil\uFFFD[2J\uFFFD]0;pwned\uFFFD as of 2026-11-20");
        assertThat(check.code).isEqualTo(1);
        assertThat(run.code).as(run.toString()).isZero();
        for (Cli c : new Cli[] {eval, check, run}) {
            assertThat(c.out + c.err).doesNotContain(esc).doesNotContain("\u0007");
        }
    }

    private String configFor(Path symphony) throws IOException {
        Path cfg = dir.resolve("evil.yaml");
        Files.writeString(cfg, """
                strategies:
                  - {file: '%s', weight: 1.0}
                data: {store: csv, path: prices}
                ledger: {path: ledger/evil}
                """.formatted(symphony.getFileName()));
        return cfg.toString();
    }
}
