package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.csv.CsvBarImporter;
import io.alchemiser.s3.csv.CsvBarReader;
import io.alchemiser.s3.csv.CsvPriceHistory;
import io.alchemiser.s3.model.LakeBar;
import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real price set of {@code ../shared/prices/} through the lake: imported from CSV, read back, compared number by
 * number; on a local directory and on S3 (s3proxy on loopback). Run by {@code .ci/run} ({@code mvn -Pshared}).
 */
@Tag("shared")
class SharedPricesRoundTripTest {
    private static final LocalDate FIRST = LocalDate.of(1990, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2030, 12, 31);
    private static Path prices;
    private static List<Symbol> symbols;
    private static long csvBars;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPrices() throws IOException {
        prices = SharedPrices.folder();
        symbols = CsvBarImporter.symbolsIn(prices);
        long lines = 0;
        try (Stream<Path> files = Files.list(prices)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".csv"))::iterator) {
                try (Stream<String> rows = Files.lines(f)) {
                    lines += rows.skip(1).filter(l -> !l.isBlank()).count();
                }
            }
        }
        csvBars = lines;
        assertThat(symbols).hasSizeGreaterThan(1000);
    }

    @Test
    void everySymbolRoundTripsThroughALocalLake() {
        ParquetBarStore store = ParquetBarStore.local(dir);
        RefreshReport report = new CsvBarImporter(store).importFolder(prices);
        assertThat(report.failed()).isEmpty();
        assertThat(report.fetched()).hasSize(symbols.size());
        assertThat(report.barsFetched()).isEqualTo(csvBars);
        assertThat(store.symbols()).containsExactlyElementsOf(symbols);
        assertEveryFileMatchesItsCsv(store);
    }

    @Test
    void theLakeAndTheCsvFolderServeIdenticalCloses() {
        ParquetBarStore store = ParquetBarStore.local(dir);
        new CsvBarImporter(store).importFolder(prices);
        Map<Symbol, BarSeries> fromLake = ParquetPriceHistory.builder(store).build().dailyBars(symbols, FIRST, LAST);
        Map<Symbol, BarSeries> fromCsv = new CsvPriceHistory(prices).dailyBars(symbols, FIRST, LAST);
        for (Symbol s : symbols) {
            assertThat(fromLake.get(s).closes()).as(s.value()).containsExactly(fromCsv.get(s).closes());
            assertThat(fromLake.get(s).firstDate()).isEqualTo(fromCsv.get(s).firstDate());
        }
    }

    @Test
    void everySymbolRoundTripsThroughAnS3Lake() throws Exception {
        S3ProxyServer server = S3ProxyServer.shared();
        try (ParquetBarStore store = ParquetBarStore.s3(server.settings(server.newBucket(), "shared/lake"))) {
            RefreshReport report = new CsvBarImporter(store, 8, ProgressListener.silent()).importFolder(prices);
            assertThat(report.failed()).isEmpty();
            assertThat(report.barsFetched()).isEqualTo(csvBars);
            assertThat(store.symbols()).containsExactlyElementsOf(symbols);
            assertEveryFileMatchesItsCsv(store);
        }
    }

    @Test
    void theRefresherFillsTheMissingMonthFromTheCsvFolder() {
        ParquetBarStore store = ParquetBarStore.local(dir);
        List<Symbol> sample = List.of(new Symbol("SPY"), new Symbol("QQQ"), new Symbol("TQQQ"), new Symbol("UVXY"),
                Symbol.of("BRK.B"));
        LocalDate cut = LocalDate.of(2026, 6, 30);
        for (Symbol s : sample) {
            List<LakeBar> upToCut = new ArrayList<>();
            for (LakeBar b : CsvBarReader.read(prices.resolve(s.value() + ".csv"))) {
                if (!b.date().isAfter(cut)) {
                    upToCut.add(b);
                }
            }
            store.write(s, upToCut);
        }
        CsvPriceHistory source = new CsvPriceHistory(prices);
        RefreshReport report = DataLakeRefresher.builder(store, source).build()
                .refresh(sample, LocalDate.of(2026, 7, 31));
        assertThat(report.failed()).isEmpty();
        assertThat(report.fetched()).hasSize(sample.size()).allSatisfy(o -> {
            assertThat(o.bars()).isEqualTo(22);
            assertThat(o.detail()).startsWith("appended 22 bars 2026-07-01..2026-07-31").doesNotContain("rescaled");
        });
        for (Symbol s : sample) {
            assertThat(store.readSeries(s).closes()).containsExactly(source.dailyBars(s, FIRST, LAST).closes());
        }
        RefreshReport again = DataLakeRefresher.builder(store, source).build().refresh(sample, LocalDate.of(2026, 7, 31));
        assertThat(again.skipped()).hasSize(sample.size());
    }

    private void assertEveryFileMatchesItsCsv(ParquetBarStore store) {
        for (Symbol s : symbols) {
            List<LakeBar> csv = CsvBarReader.read(prices.resolve(s.value() + ".csv"));
            assertThat(TestBars.sameNumbers(store.read(s), csv)).as(s.value()).isTrue();
        }
    }
}
