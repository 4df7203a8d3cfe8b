package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.BarSeries;
import io.alchemiser.core.domain.DailyBar;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.model.DataLakeException;
import io.alchemiser.s3.model.LakeBar;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a local directory; {@link ParquetBarStoreS3Test} repeats the essentials on S3. */
class ParquetBarStoreTest {
    private static final Symbol SPY = new Symbol("SPY");
    private static final Symbol BRK_B = Symbol.of("BRK/B");
    private static final LocalDate START = LocalDate.of(2024, 1, 2);

    @TempDir
    Path dir;
    private ParquetBarStore store;

    @BeforeEach
    void open() {
        store = ParquetBarStore.local(dir);
    }

    @Test
    void writtenBarsReadBackWithEveryColumn() {
        List<LakeBar> bars = TestBars.full(START, 300, 470.0);
        store.write(SPY, bars);
        assertThat(TestBars.sameNumbers(store.read(SPY), bars)).isTrue();
    }

    @Test
    void filesFollowTheHiveStyleLayout() {
        store.write(BRK_B, TestBars.closes(START, "350.1"));
        assertThat(ParquetBarStore.keyOf(BRK_B)).isEqualTo("daily/symbol=BRK.B/bars.parquet");
        assertThat(dir.resolve("daily/symbol=BRK.B/bars.parquet")).isRegularFile();
        assertThat(store.locationOf(BRK_B)).isEqualTo(dir.resolve("daily/symbol=BRK.B/bars.parquet").toString());
    }

    @Test
    void symbolsListsWhatIsStoredAndIgnoresStrangers() throws Exception {
        store.write(SPY, TestBars.closes(START, "1"));
        store.write(BRK_B, TestBars.closes(START, "2"));
        Files.createDirectories(dir.resolve("daily/symbol=lowercase"));
        Files.write(dir.resolve("daily/symbol=lowercase/bars.parquet"), new byte[] {1});
        Files.createDirectories(dir.resolve("daily/symbol=QQQ/extra"));
        Files.write(dir.resolve("daily/symbol=QQQ/extra/bars.parquet"), new byte[] {1});
        Files.write(dir.resolve("daily/README.txt"), new byte[] {1});
        assertThat(store.symbols()).containsExactly(BRK_B, SPY);
    }

    @Test
    void theDomainSeriesClosesAtTheAdjustedClose() {
        store.write(SPY, List.of(new LakeBar(START, null, null, null, new BigDecimal("480.5"),
                new BigDecimal("470.25"), null)));
        BarSeries series = store.readSeries(SPY);
        assertThat(series.symbol()).isEqualTo(SPY);
        assertThat(series.bars().get(0).close()).isEqualByComparingTo("470.25");
        assertThat(series.closes()).containsExactly(470.25);
    }

    @Test
    void aDomainSeriesRoundTrips() {
        BarSeries series = new BarSeries(SPY, List.of(
                new DailyBar(START, new BigDecimal("1.5"), new BigDecimal("2.5"), new BigDecimal("1.25"),
                        new BigDecimal("2"), 1000),
                DailyBar.closeOnly(START.plusDays(1), new BigDecimal("2.25"))));
        store.writeSeries(series);
        assertThat(store.readSeries(SPY)).isEqualTo(series);
    }

    @Test
    void aMissingSymbolIsAnErrorNamingItAndItsLocation() {
        assertThat(store.find(SPY)).isEmpty();
        assertThatThrownBy(() -> store.read(SPY)).isInstanceOf(DataLakeException.class)
                .hasMessageContaining("no bars for SPY")
                .hasMessageContaining(dir.resolve("daily/symbol=SPY/bars.parquet").toString());
    }

    @Test
    void aCorruptFileIsAnErrorNamingTheSymbolAndTheFileNeverAnEmptySeries() throws Exception {
        store.write(SPY, TestBars.closes(START, "1", "2", "3"));
        Path file = dir.resolve("daily/symbol=SPY/bars.parquet");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        assertThatThrownBy(() -> store.readSeries(SPY)).isInstanceOf(DataLakeException.class)
                .hasMessageContaining("corrupt bar file for SPY at " + file);
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> store.find(SPY)).isInstanceOf(DataLakeException.class)
                .hasMessageContaining("SPY").hasMessageContaining(file.toString());
    }

    @Test
    void aFileMovedUnderAnotherSymbolIsRejected() throws Exception {
        store.write(SPY, TestBars.closes(START, "1"));
        Files.createDirectories(dir.resolve("daily/symbol=QQQ"));
        Files.copy(dir.resolve("daily/symbol=SPY/bars.parquet"), dir.resolve("daily/symbol=QQQ/bars.parquet"));
        assertThatThrownBy(() -> store.read(new Symbol("QQQ"))).isInstanceOf(DataLakeException.class)
                .hasMessageContaining("belongs to symbol SPY, not QQQ");
    }

    @Test
    void writesRefuseEmptyDuplicateOrUnorderedBarsAndLeaveNoFile() {
        List<LakeBar> duplicated = new ArrayList<>(TestBars.closes(START, "1", "2"));
        duplicated.add(duplicated.get(1));
        assertThatThrownBy(() -> store.write(SPY, duplicated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SPY").hasMessageContaining("duplicate date 2024-01-03");
        List<LakeBar> unordered = new ArrayList<>(TestBars.closes(START, "1", "2"));
        java.util.Collections.reverse(unordered);
        assertThatThrownBy(() -> store.write(SPY, unordered)).hasMessageContaining("2024-01-02 follows 2024-01-03");
        assertThatThrownBy(() -> store.write(SPY, List.of())).hasMessageContaining("at least one bar");
        assertThat(store.find(SPY)).isEmpty();
        assertThat(dir.resolve("daily")).doesNotExist();
    }

    @Test
    void aRewriteReplacesTheWholeFile() {
        store.write(SPY, TestBars.closes(START, "1", "2", "3"));
        store.write(SPY, TestBars.closes(START, "9"));
        assertThat(store.read(SPY)).hasSize(1);
        assertThat(store.read(SPY).get(0).adjClose()).isEqualByComparingTo("9");
    }
}
