package io.alchemiser.s3.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.MarketClock;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.LocalStorage;
import io.alchemiser.s3.ParquetBarStore;
import io.alchemiser.s3.internal.PandasStyleParquet;
import io.alchemiser.s3.model.DataLakeException;
import io.alchemiser.s3.model.LakeBar;
import io.alchemiser.s3.model.ProgressListener;
import io.alchemiser.s3.model.RefreshReport;
import io.alchemiser.s3.model.SymbolOutcome;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PythonLakeImporter} on files written as the Python Alchemiser's {@code MarketDataStore} writes them: pandas
 * {@code to_parquet(index=False, compression="snappy")} of Alpaca bars with the columns {@code timestamp} (UTC
 * nanoseconds, midnight New York), {@code open, high, low, close} and {@code volume} (doubles).
 */
class PythonLakeImporterTest {
    static final MessageType PYTHON_SCHEMA = Types.buildMessage()
            .optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS)).named("timestamp")
            .optional(PrimitiveTypeName.DOUBLE).named("open")
            .optional(PrimitiveTypeName.DOUBLE).named("high")
            .optional(PrimitiveTypeName.DOUBLE).named("low")
            .optional(PrimitiveTypeName.DOUBLE).named("close")
            .optional(PrimitiveTypeName.DOUBLE).named("volume")
            .named("schema");
    private static final LocalDate MON = LocalDate.of(2024, 3, 4);
    /** Compares prices by value: 511.0 and 511 are one price. */
    private static final RecursiveComparisonConfiguration NUMBERS = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build();

    @TempDir
    Path dir;
    private Path python;
    private ParquetBarStore lake;

    @BeforeEach
    void setUp() {
        python = dir.resolve("python-bucket");
        lake = ParquetBarStore.local(dir.resolve("lake"));
    }

    /** Rows of the Python lake for consecutive days from Monday: close, and open/high/low around it. */
    static List<Object[]> pythonRows(double... closes) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            long nanos = MON.plusDays(i).atStartOfDay(MarketClock.MARKET_ZONE).toInstant().toEpochMilli() * 1_000_000L;
            double c = closes[i];
            rows.add(new Object[] {nanos, c - 0.5, c + 1, c - 1, c, 1_000_000.0 + i});
        }
        return rows;
    }

    private void pythonFile(String folder, byte[] content) throws Exception {
        Files.createDirectories(python.resolve(folder));
        Files.write(python.resolve(folder).resolve("daily.parquet"), content);
    }

    private PythonLakeImporter importer() {
        return new PythonLakeImporter(lake, 2, ProgressListener.silent());
    }

    @Test
    void thePythonLayoutIsImportedWithShareClassesAndSnappyPages() throws Exception {
        byte[] spy = PandasStyleParquet.write(PYTHON_SCHEMA, pythonRows(510.25, 511.5, 509.75),
                CompressionCodecName.SNAPPY);
        assertThat(PandasStyleParquet.codecOf(spy)).isEqualTo(CompressionCodecName.SNAPPY);
        pythonFile("SPY", spy);
        pythonFile("BRK_B", PandasStyleParquet.write(PYTHON_SCHEMA, pythonRows(410.0, 411.0),
                CompressionCodecName.SNAPPY));
        Files.writeString(python.resolve("SPY/metadata.json"), "{\"symbol\": \"SPY\"}");
        Files.createDirectories(python.resolve("data-quality-reports"));
        Files.writeString(python.resolve("data-quality-reports/2025-01-01_validation_report.csv"), "Symbol\n");

        LocalStorage source = new LocalStorage(python);
        assertThat(PythonLakeImporter.symbolsIn(source)).containsExactly(new Symbol("BRK.B"), new Symbol("SPY"));
        RefreshReport report = importer().importAll(source);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.fetched()).extracting(SymbolOutcome::symbol).containsExactly(new Symbol("BRK.B"),
                new Symbol("SPY"));
        assertThat(report.fetched().get(1).detail()).isEqualTo("imported 3 bars 2024-03-04..2024-03-06 from "
                + python.resolve("SPY/daily.parquet") + " (its close taken as the adjusted close)");
        List<LakeBar> bars = lake.read(new Symbol("SPY"));
        assertThat(bars).usingRecursiveFieldByFieldElementComparator(NUMBERS).containsExactly(
                new LakeBar(MON, new BigDecimal("509.75"), new BigDecimal("511.25"), new BigDecimal("509.25"), null,
                        new BigDecimal("510.25"), 1_000_000L),
                new LakeBar(MON.plusDays(1), new BigDecimal("511.0"), new BigDecimal("512.5"), new BigDecimal("510.5"),
                        null, new BigDecimal("511.5"), 1_000_001L),
                new LakeBar(MON.plusDays(2), new BigDecimal("509.25"), new BigDecimal("510.75"),
                        new BigDecimal("508.75"), null, new BigDecimal("509.75"), 1_000_002L));
        assertThat(lake.readSeries(new Symbol("BRK.B")).closes()).containsExactly(410.0, 411.0);
        assertThat(dir.resolve("lake/daily/symbol=BRK.B/bars.parquet")).exists();
    }

    @Test
    void theLakeItselfRefusesAPythonFileWhichIsWhyTheImportExists() throws Exception {
        Path misplaced = dir.resolve("lake/daily/symbol=SPY/bars.parquet");
        Files.createDirectories(misplaced.getParent());
        Files.write(misplaced, PandasStyleParquet.write(PYTHON_SCHEMA, pythonRows(1, 2), CompressionCodecName.SNAPPY));
        assertThatThrownBy(() -> lake.read(new Symbol("SPY"))).isInstanceOf(DataLakeException.class)
                .hasMessageContaining("it was not written by this data lake");
    }

    @Test
    void commonVariantsADateColumnAnAdjCloseAndStringTimestamps() throws Exception {
        MessageType yahoo = Types.buildMessage()
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("Date")
                .optional(PrimitiveTypeName.DOUBLE).named("Close")
                .optional(PrimitiveTypeName.DOUBLE).named("Adj Close")
                .optional(PrimitiveTypeName.INT64).named("Volume")
                .named("schema");
        List<Object[]> rows = List.of(
                new Object[] {"2024-03-05T05:00:00Z", 101.0, 100.5, 7L},
                new Object[] {"2024-03-04", 100.0, 99.5, 5L}); // unsorted, as a careless writer leaves them
        pythonFile("QQQ", PandasStyleParquet.write(yahoo, rows, CompressionCodecName.GZIP));
        RefreshReport report = importer().importAll(new LocalStorage(python));
        assertThat(report.fetched()).singleElement().satisfies(o -> assertThat(o.detail())
                .endsWith("(adjusted close from column 'Adj Close')"));
        assertThat(lake.read(new Symbol("QQQ"))).usingRecursiveFieldByFieldElementComparator(NUMBERS).containsExactly(
                new LakeBar(MON, null, null, null, new BigDecimal("100.0"), new BigDecimal("99.5"), 5L),
                new LakeBar(MON.plusDays(1), null, null, null, new BigDecimal("101.0"), new BigDecimal("100.5"), 7L));
    }

    @Test
    void anInt96TimestampAsOlderPandasWroteIt() throws Exception {
        MessageType legacy = Types.buildMessage()
                .optional(PrimitiveTypeName.INT96).named("timestamp")
                .optional(PrimitiveTypeName.DOUBLE).named("close")
                .named("schema");
        // 2024-03-04 05:00 UTC (midnight New York): Julian day 2460374, 5 hours of nanoseconds.
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(5L * 3600 * 1_000_000_000L).putInt(2_460_374);
        pythonFile("IWM", PandasStyleParquet.write(legacy, List.<Object[]>of(new Object[] {b.array(), 200.0}),
                CompressionCodecName.SNAPPY));
        importer().importAll(new LocalStorage(python));
        assertThat(lake.read(new Symbol("IWM"))).extracting(LakeBar::date).containsExactly(MON);
    }

    @Test
    void aBadRowFailsItsSymbolNamingFileRowAndColumnAndLeavesTheOthers() throws Exception {
        List<Object[]> rows = pythonRows(10, 11, 12);
        rows.get(1)[4] = null; // no close on the second day
        pythonFile("SPY", PandasStyleParquet.write(PYTHON_SCHEMA, rows, CompressionCodecName.SNAPPY));
        pythonFile("QQQ", PandasStyleParquet.write(PYTHON_SCHEMA, pythonRows(5), CompressionCodecName.SNAPPY));
        List<Object[]> fractional = pythonRows(20);
        fractional.get(0)[5] = 12.5;
        pythonFile("DIA", PandasStyleParquet.write(PYTHON_SCHEMA, fractional, CompressionCodecName.SNAPPY));
        RefreshReport report = importer().importAll(new LocalStorage(python));
        assertThat(report.failed()).extracting(SymbolOutcome::symbol).containsExactly(new Symbol("DIA"),
                new Symbol("SPY"));
        assertThat(report.failed().get(0).detail()).isEqualTo(python.resolve("DIA/daily.parquet")
                + ": row 0 (2024-03-04): column 'volume' holds 12.5, not a whole number of shares");
        assertThat(report.failed().get(1).detail()).isEqualTo(python.resolve("SPY/daily.parquet")
                + ": row 1 (2024-03-05): column 'close' is empty");
        assertThat(report.fetched()).extracting(SymbolOutcome::symbol).containsExactly(new Symbol("QQQ"));
        assertThat(lake.find(new Symbol("SPY"))).isEmpty();
    }

    @Test
    void aPriceSeriesWithARawSplitInItIsImportedWithAWarning() throws Exception {
        pythonFile("NVDA", PandasStyleParquet.write(PYTHON_SCHEMA, pythonRows(1200, 1210, 121.5, 122),
                CompressionCodecName.SNAPPY));
        RefreshReport report = importer().importAll(new LocalStorage(python));
        assertThat(report.fetched()).singleElement().satisfies(o -> assertThat(o.detail()).endsWith(
                "; possible unadjusted split 10:1 on 2024-03-06 (close x0.1004 overnight): re-create the symbol "
                        + "from an adjusted source"));
    }
}
