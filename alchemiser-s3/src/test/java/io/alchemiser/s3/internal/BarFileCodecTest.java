package io.alchemiser.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.model.DataLakeException;
import io.alchemiser.s3.model.LakeBar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

class BarFileCodecTest {
    private static final Symbol SPY = new Symbol("SPY");
    private static final LocalDate D1 = LocalDate.of(2024, 3, 11);

    private static final List<LakeBar> MIXED = List.of(
            new LakeBar(D1, new BigDecimal("510.1"), new BigDecimal("512.75"), new BigDecimal("509.02"),
                    new BigDecimal("511.3"), new BigDecimal("505.774412"), 81_254_300L),
            LakeBar.adjustedCloseOnly(D1.plusDays(1), new BigDecimal("0.0077718496")),
            new LakeBar(D1.plusDays(2), null, null, null, new BigDecimal("100"), new BigDecimal("5.145e+11"), null),
            new LakeBar(D1.plusDays(3), null, new BigDecimal("7"), new BigDecimal("6"), null, new BigDecimal("6.5"), 0L));

    @Test
    void everyColumnAndEveryMissingValueRoundTrips() throws IOException {
        List<LakeBar> back = BarFileCodec.decode(SPY, "mem", encode(SPY, MIXED));
        assertThat(back).hasSize(MIXED.size());
        for (int i = 0; i < MIXED.size(); i++) {
            LakeBar want = MIXED.get(i);
            LakeBar got = back.get(i);
            assertThat(got.date()).isEqualTo(want.date());
            assertSame(got.open(), want.open());
            assertSame(got.high(), want.high());
            assertSame(got.low(), want.low());
            assertSame(got.close(), want.close());
            assertSame(got.adjClose(), want.adjClose());
            assertThat(got.volume()).isEqualTo(want.volume());
        }
    }

    @Test
    void pricesReadBackAsTheDecimalsTheyWereWrittenFrom() throws IOException {
        List<LakeBar> back = BarFileCodec.decode(SPY, "mem", encode(SPY, MIXED));
        assertThat(back.get(0).adjClose()).isEqualTo(new BigDecimal("505.774412"));
        assertThat(back.get(1).adjClose()).isEqualTo(new BigDecimal("0.0077718496"));
        assertThat(back.get(2).close()).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void theFileCarriesItsSchemaVersionSymbolAndColumns() throws IOException {
        byte[] file = encode(SPY, MIXED);
        try (ParquetFileReader reader = new ParquetFileReader(new InMemoryInputFile(file),
                HadoopFreeReadOptions.create(GzipCodecFactory.INSTANCE))) {
            FileMetaData meta = reader.getFooter().getFileMetaData();
            assertThat(meta.getKeyValueMetaData()).containsEntry("alchemiser.schema.version", "1")
                    .containsEntry("alchemiser.symbol", "SPY");
            assertThat(meta.getSchema().getColumns()).extracting(c -> c.getPath()[0])
                    .containsExactly("date", "open", "high", "low", "close", "adj_close", "volume");
            assertThat(meta.getSchema().getType("date").getLogicalTypeAnnotation()).hasToString("DATE");
            assertThat(reader.getRowGroups().get(0).getColumns().get(5).getCodec()).isEqualTo(CompressionCodecName.GZIP);
        }
    }

    @Test
    void runsWithoutHadoopOnTheClasspath() throws IOException {
        assertThatThrownBy(() -> Class.forName("org.apache.hadoop.conf.Configuration"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.hadoop.mapreduce.lib.input.FileInputFormat"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(BarFileCodec.decode(SPY, "mem", encode(SPY, MIXED))).hasSize(4);
    }

    @Test
    void encodingRefusesUnorderedOrDuplicateDates() {
        List<LakeBar> duplicate = List.of(MIXED.get(0), MIXED.get(0));
        assertThatThrownBy(() -> encode(SPY, duplicate)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1").hasMessageContaining("duplicate date 2024-03-11");
        List<LakeBar> backwards = List.of(MIXED.get(1), MIXED.get(0));
        assertThatThrownBy(() -> encode(SPY, backwards)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-03-11 follows 2024-03-12");
        assertThatThrownBy(() -> encode(SPY, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTruncatedFileIsCorruptNotEmpty() throws IOException {
        byte[] file = encode(SPY, MIXED);
        for (int length : new int[] {0, 3, 4, file.length / 2, file.length - 1}) {
            byte[] cut = Arrays.copyOf(file, length);
            assertThatThrownBy(() -> BarFileCodec.decode(SPY, "/lake/daily/symbol=SPY/bars.parquet", cut))
                    .as("%d of %d bytes", length, file.length)
                    .isInstanceOf(DataLakeException.class)
                    .hasMessageContaining("corrupt bar file for SPY at /lake/daily/symbol=SPY/bars.parquet");
        }
    }

    @Test
    void aFlippedByteNeverReadsAsDifferentPrices() throws IOException {
        List<LakeBar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            bars.add(LakeBar.adjustedCloseOnly(D1.plusDays(i), BigDecimal.valueOf(100 + i * 0.37)));
        }
        byte[] file = encode(SPY, bars);
        List<LakeBar> original = BarFileCodec.decode(SPY, "mem", file);
        Random random = new Random(20240311);
        int rejected = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] damaged = file.clone();
            int at = 4 + random.nextInt(file.length - 8);
            damaged[at] ^= (byte) (1 + random.nextInt(255));
            try {
                assertThat(BarFileCodec.decode(SPY, "mem", damaged)).as("byte %d flipped", at).isEqualTo(original);
            } catch (DataLakeException expected) {
                rejected++;
            }
        }
        assertThat(rejected).as("flips detected").isGreaterThan(150);
    }

    @Test
    void bytesThatAreNotParquetAreCorrupt() {
        assertThatThrownBy(() -> BarFileCodec.decode(SPY, "x", "date,adj_close\n2024-01-02,1\n".getBytes()))
                .isInstanceOf(DataLakeException.class).hasMessageContaining("not a readable Parquet bar file");
    }

    @Test
    void aFileWrittenForAnotherSymbolIsRejected() throws IOException {
        byte[] qqq = encode(new Symbol("QQQ"), MIXED);
        assertThatThrownBy(() -> BarFileCodec.decode(SPY, "x", qqq)).isInstanceOf(DataLakeException.class)
                .hasMessageContaining("belongs to symbol QQQ, not SPY");
    }

    @Test
    void anUnknownSchemaVersionIsRejected() throws IOException {
        byte[] file = foreignFile(BarFileCodec.SCHEMA, Map.of("alchemiser.schema.version", "2",
                "alchemiser.symbol", "SPY"), row("date", 19000, "adj_close", 1.0));
        assertThatThrownBy(() -> BarFileCodec.decode(SPY, "x", file)).isInstanceOf(DataLakeException.class)
                .hasMessageContaining("schema version 2 is not supported");
    }

    @Test
    void aParquetFileFromAnotherToolIsRejected() throws IOException {
        byte[] file = foreignFile(BarFileCodec.SCHEMA, Map.of(), row("date", 19000, "adj_close", 1.0));
        assertThatThrownBy(() -> BarFileCodec.decode(SPY, "x", file)).isInstanceOf(DataLakeException.class)
                .hasMessageContaining("not written by this data lake");
    }

    @Test
    void unexpectedColumnsAreRejected() throws IOException {
        MessageType other = MessageTypeParser.parseMessageType(
                "message bar { required int32 date (DATE); required float adj_close; }");
        byte[] file = foreignFile(other, ours(), row("date", 19000, "adj_close", 1.0f));
        assertThatThrownBy(() -> BarFileCodec.decode(SPY, "x", file)).isInstanceOf(DataLakeException.class)
                .hasMessageContaining("unexpected columns");
    }

    @Test
    void storedValuesAreValidatedOnRead() throws IOException {
        assertRejected(row("date", 19000, "adj_close", Double.NaN), "adj_close is not finite");
        assertRejected(row("date", 19000, "adj_close", -3.0), "adj_close must be positive");
        assertRejected(row("date", 19000, "adj_close", 0.0), "adj_close must be positive");
        assertRejected(row("date", 19000, "open", Double.POSITIVE_INFINITY, "adj_close", 1.0),
                "open is not finite");
        assertRejected(row("date", 19000, "high", 5.0, "low", 6.0, "adj_close", 5.5),
                "high 5 is below low 6");
        assertRejected(row("date", 19000, "adj_close", 1.0, "volume", -1L), "volume must not be negative");
    }

    @Test
    void duplicateOrUnorderedDatesInAFileAreRejected() throws IOException {
        byte[] file = foreignFile(BarFileCodec.SCHEMA, ours(),
                row("date", 19000, "adj_close", 1.0),
                row("date", 19001, "adj_close", 1.0),
                row("date", 19001, "adj_close", 1.0));
        assertThatThrownBy(() -> BarFileCodec.decode(SPY, "s3://b/daily/symbol=SPY/bars.parquet", file))
                .isInstanceOf(DataLakeException.class)
                .hasMessageContaining("SPY").hasMessageContaining("s3://b/daily/symbol=SPY/bars.parquet")
                .hasMessageContaining("row 2").hasMessageContaining("duplicate date 2022-01-09");
    }

    private static void assertRejected(Consumer<Group> row, String message) throws IOException {
        byte[] file = foreignFile(BarFileCodec.SCHEMA, ours(), row);
        assertThatThrownBy(() -> BarFileCodec.decode(SPY, "x", file)).isInstanceOf(DataLakeException.class)
                .hasMessageContaining("row 0").hasMessageContaining(message);
    }

    /** A row setting the named fields; values are int (date), double, float or long. */
    private static Consumer<Group> row(Object... fieldsAndValues) {
        return g -> {
            for (int i = 0; i < fieldsAndValues.length; i += 2) {
                String field = (String) fieldsAndValues[i];
                Object value = fieldsAndValues[i + 1];
                if (value instanceof Integer) {
                    g.add(field, (Integer) value);
                } else if (value instanceof Long) {
                    g.add(field, (Long) value);
                } else if (value instanceof Float) {
                    g.add(field, (Float) value);
                } else {
                    g.add(field, (Double) value);
                }
            }
        };
    }

    private static Map<String, String> ours() {
        Map<String, String> meta = new HashMap<>();
        meta.put("alchemiser.schema.version", "1");
        meta.put("alchemiser.symbol", "SPY");
        return meta;
    }

    /** A file written by Parquet's example writer, bypassing the codec's validation: what another tool could leave. */
    @SafeVarargs
    private static byte[] foreignFile(MessageType schema, Map<String, String> meta, Consumer<Group>... rows)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withExtraMetaData(meta)
                .withCodecFactory(GzipCodecFactory.INSTANCE)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .build()) {
            for (Consumer<Group> row : rows) {
                Group g = groups.newGroup();
                row.accept(g);
                writer.write(g);
            }
        }
        return out.toByteArray();
    }

    private static byte[] encode(Symbol symbol, List<LakeBar> bars) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BarFileCodec.encode(symbol, bars, out);
        return out.toByteArray();
    }

    private static void assertSame(BigDecimal got, BigDecimal want) {
        if (want == null) {
            assertThat(got).isNull();
        } else {
            assertThat(got).isEqualByComparingTo(want);
        }
    }

}
