package io.alchemiser.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.ParquetBarStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data refresh} end to end on a CSV source and a local lake: every symbol the configured symphonies mention
 * is fetched into the lake, and the command leaves the lake closed so a second refresh can open it again.
 */
class DataRefreshCommandTest {
    @TempDir
    Path dir;

    @Test
    void everySymbolOfTheConfiguredSymphoniesReachesTheLakeAndASecondRefreshFetchesNothingNew() throws Exception {
        PriceFolder.write(dir.resolve("prices"), LocalDate.of(2025, 12, 31), 300, "SPY", "TLT");
        Files.writeString(dir.resolve("a.clj"), """
                (defsymphony "Either" {:rebalance-frequency :daily}
                  (if (> (rsi "SPY" {:window 10}) 70) [(asset "TLT")] [(asset "SPY")]))
                """);
        Path config = Files.writeString(dir.resolve("alchemiser.yaml"), """
                strategies: [{file: a.clj, weight: 1}]
                data: {store: local, path: lake, source: csv, sourcePath: prices, historyStart: 2024-01-01}
                """);

        Cli first = Cli.run("data", "refresh", "--config", config.toString());
        assertThat(first.code).as(first.toString()).isZero();
        try (ParquetBarStore lake = ParquetBarStore.local(dir.resolve("lake"))) {
            assertThat(lake.symbols()).containsExactly(Symbol.of("SPY"), Symbol.of("TLT"));
            assertThat(lake.read(Symbol.of("SPY"))).hasSize(300);
        }

        Cli second = Cli.run("data", "refresh", "--config", config.toString());
        assertThat(second.code).as(second.toString()).isZero();
        try (ParquetBarStore lake = ParquetBarStore.local(dir.resolve("lake"))) {
            assertThat(lake.read(Symbol.of("SPY"))).as("nothing fetched twice").hasSize(300);
        }
    }
}
