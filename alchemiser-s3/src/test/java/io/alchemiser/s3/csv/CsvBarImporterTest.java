package io.alchemiser.s3.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.ParquetBarStore;
import io.alchemiser.s3.model.LakeBar;
import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarImporterTest {
    private static final String HEADER = "date,open,high,low,close,adj_close,volume\n";

    @TempDir
    Path csv;
    @TempDir
    Path lake;
    private ParquetBarStore store;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(csv.resolve("SPY.csv"), HEADER + "2024-03-14,509,512,508,511,510.2,71000000\n"
                + "2024-03-15,511,513,507.5,509,508.4,93000000\n");
        Files.writeString(csv.resolve("BRK.B.csv"), HEADER + "2024-03-15,,,,,411.9,\n");
        Files.writeString(csv.resolve("SOURCES.tsv"), "symbol\trows\n");
        Files.writeString(csv.resolve("notes.csv.bak"), "x");
        store = ParquetBarStore.local(lake);
    }

    @Test
    void everyCsvOfTheFolderBecomesABarFileWithEveryColumn() {
        RefreshReport report = new CsvBarImporter(store, 2, ProgressListener.silent()).importFolder(csv);
        assertThat(report.outcomes()).extracting(SymbolOutcome::symbol).containsExactly(Symbol.of("BRK.B"),
                new Symbol("SPY"));
        assertThat(report.fetched()).hasSize(2);
        assertThat(report.barsFetched()).isEqualTo(3);
        assertThat(report.outcomes().get(1).detail()).isEqualTo("imported 2 bars 2024-03-14..2024-03-15 from SPY.csv");
        LakeBar last = store.read(new Symbol("SPY")).get(1);
        assertThat(last.close()).isEqualByComparingTo("509");
        assertThat(last.adjClose()).isEqualByComparingTo("508.4");
        assertThat(last.low()).isEqualByComparingTo("507.5");
        assertThat(last.volume()).isEqualTo(93_000_000L);
        assertThat(store.symbols()).containsExactly(Symbol.of("BRK.B"), new Symbol("SPY"));
    }

    @Test
    void aBadFileFailsWithItsLineAndTheOthersAreImported() throws IOException {
        Files.writeString(csv.resolve("QQQ.csv"), HEADER + "2024-03-15,,,,,4x0,\n");
        RefreshReport report = new CsvBarImporter(store).importFolder(csv);
        assertThat(report.failed()).singleElement().satisfies(o -> {
            assertThat(o.symbol()).isEqualTo(new Symbol("QQQ"));
            assertThat(o.detail()).endsWith("QQQ.csv:2: column adj_close: '4x0' is not a number");
        });
        assertThat(report.fetched()).hasSize(2);
        assertThat(store.find(new Symbol("QQQ"))).isEmpty();
    }

    @Test
    void reimportingReplacesTheFile() throws IOException {
        CsvBarImporter importer = new CsvBarImporter(store);
        importer.importFolder(csv);
        Files.writeString(csv.resolve("SPY.csv"), HEADER + "2024-03-15,,,,,1,\n");
        importer.importSymbols(csv, java.util.List.of(new Symbol("SPY")));
        assertThat(store.read(new Symbol("SPY"))).hasSize(1);
    }
}
