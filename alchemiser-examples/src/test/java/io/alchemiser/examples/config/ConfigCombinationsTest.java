package io.alchemiser.examples.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Combinations of values that cannot work are refused when the file is loaded, at the key to change. */
class ConfigCombinationsTest {
    private static final String ONE = "strategies: [{file: a.clj, weight: 1}]\n";

    @TempDir
    Path dir;
    ConfigFiles files;
    Path file;

    @BeforeEach
    void files() throws IOException {
        files = new ConfigFiles(dir);
        file = files.file();
        Files.createDirectories(dir.resolve("prices"));
    }

    private AppConfig load(String yaml) {
        return files.load(yaml);
    }

    private String error(String yaml) {
        return files.error(yaml);
    }

    @Test
    void aCsvFolderCannotFeedAnAlpacaAccount() throws IOException {
        assertThat(error(ONE + "broker: {type: alpaca-paper}\ndata:\n  store: csv\n  path: prices\n"))
                .startsWith(file + ":4:10: data.store: csv cannot be used with broker.type alpaca-paper: a CSV folder "
                        + "has no live prices");
        assertThat(load(ONE + "broker: {type: simulated}\ndata:\n  store: csv\n  path: prices\n").data().store())
                .isEqualTo(AppConfig.DataStore.CSV);
    }

    @Test
    void intradayPricesAreOnByDefaultWithAnAlpacaBrokerAndOffWithTheSimulatedOne() {
        assertThat(load(ONE + "broker: {type: alpaca-paper}\n").data().intraday()).isTrue();
        assertThat(load(ONE + "broker: {type: alpaca-live}\ndata: {intraday: false}\n").data().intraday()).isFalse();
        assertThat(load(ONE).data().intraday()).isFalse();
    }

    @Test
    void intradayPricesNeedALiveQuoteSource() {
        assertThat(error(ONE + "data: {intraday: true}\n")).startsWith(file + ":2:18: data.intraday: true needs a "
                + "live quote source");
    }

    @Test
    void aStoreOrSourceNamesWhatItNeeds() {
        assertThat(error(ONE + "data: {store: s3}\n")).isEqualTo(file + ":2:15: data.store: s3 needs a data.s3 "
                + "section with at least a bucket");
        assertThat(error(ONE + "data: {store: csv, path: nowhere}\n"))
                .startsWith(file + ":2:26: data.path: no such folder: " + dir.resolve("nowhere"));
        assertThat(error(ONE + "data: {source: csv}\n")).startsWith(file + ":2:16: data.source: csv needs "
                + "data.sourcePath");
        assertThat(error(ONE + "data: {source: csv, sourcePath: nowhere}\n"))
                .startsWith(file + ":2:33: data.sourcePath: no such folder: ");
    }

    @Test
    void aCashReserveAsLargeAsTheSimulatedCashCouldNeverBuy() {
        assertThat(error(ONE + "broker: {simulated: {cash: 5000}}\nrebalance: {cashReserve: 5000}\n"))
                .startsWith(file + ":3:26: rebalance.cashReserve: a reserve of 5000 is not below the simulated "
                        + "broker's cash (broker.simulated.cash 5000): nothing could ever be bought");
    }

    @Test
    void theWalkOfBothPhasesMustEndBeforeTheClose() throws IOException {
        assertThat(error(ONE + "execution: {stepWaitSeconds: 300}\n")).startsWith(file + ":2:30: "
                + "execution.stepWaitSeconds: the shortest run takes 2 phases x 3 steps x 300 s + "
                + "buyingPowerWaitSeconds 60 s = 1860 s, which does not fit in the 900 s");
        assertThat(load(ONE + "execution: {stepWaitSeconds: 300}\nschedule: {minutesBeforeClose: 32}\n")
                .execution().stepWaitSeconds()).isEqualTo(300);
    }

    @Test
    void aPaperAccountNeverTalksToTheLiveHostNorKeysTravelInClear() {
        assertThat(error(ONE + "broker:\n  type: alpaca-paper\n  alpaca: {tradingUrl: 'https://api.alpaca.markets'}\n"))
                .startsWith(file + ":4:24: broker.alpaca.tradingUrl: is Alpaca's live host but broker.type is "
                        + "alpaca-paper");
        assertThat(error(ONE + "broker:\n  type: alpaca-live\n  alpaca: {tradingUrl: 'https://paper-api.alpaca.markets'}\n"))
                .contains("broker.alpaca.tradingUrl: is Alpaca's paper host but broker.type is alpaca-live");
        assertThat(error(ONE + "broker:\n  alpaca: {dataUrl: 'http://data.example.com'}\n"))
                .contains("broker.alpaca.dataUrl: plain http to data.example.com would send the API keys in clear");
    }

    @Test
    void aLoopbackServerMayUsePlainHttpAndAMailLoginWithoutTls() throws IOException {
        AppConfig c = load(ONE + "broker:\n  alpaca: {tradingUrl: 'http://127.0.0.1:8080', dataUrl: 'http://[::1]:9'}\n"
                + "notifications:\n  smtp: {host: localhost, username: u, password: p, from: a@b.c, to: [d@e.f], "
                + "startTls: false}\n");
        assertThat(c.broker().alpaca().tradingUrl().getPort()).isEqualTo(8080);
        assertThat(c.notifications().smtp().startTls()).isFalse();
    }

    @Test
    void aMailLoginNeverTravelsInClearAndComesInPairs() {
        assertThat(error(ONE + "notifications:\n  smtp:\n    host: mail.example.com\n    username: me\n"
                + "    password: secret\n    from: a@b.c\n    to: [d@e.f]\n    startTls: false\n"))
                .startsWith(file + ":9:15: notifications.smtp.startTls: false with a login to mail.example.com would "
                        + "send the password in clear text").doesNotContain("secret");
        assertThat(error(ONE + "notifications:\n  smtp: {host: h, username: me, from: a@b.c, to: [d@e.f]}\n"))
                .startsWith(file + ":3:29: notifications.smtp.username: username and password go together");
    }

    @Test
    void twoStrategiesCannotShareAName() {
        assertThat(error("strategies:\n  - {file: a.clj, weight: 0.5, name: X}\n  - {file: a.clj, weight: 0.5, name: X}\n"))
                .isEqualTo(file + ":3:38: strategies[1].name: strategies[0] has the same name 'X': each strategy "
                        + "needs its own, since trades are attributed by name");
    }

    @Test
    void theSummaryFolderMustNotBeAFile() throws IOException {
        Files.writeString(dir.resolve("reports"), "not a folder");
        assertThat(error(ONE + "notifications: {directory: reports}\n")).startsWith(file + ":2:28: "
                + "notifications.directory: ");
    }
}
