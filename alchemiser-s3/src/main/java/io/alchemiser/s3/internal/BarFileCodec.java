package io.alchemiser.s3.internal;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.DataLakeException;
import io.alchemiser.s3.LakeBar;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The Parquet encoding of one symbol's bar file, schema version {@value #SCHEMA_VERSION}.
 *
 * <pre>
 * message bar {
 *   required int32  date (DATE);   -- trading day, days since 1970-01-01
 *   optional double open;
 *   optional double high;
 *   optional double low;
 *   optional double close;         -- raw close
 *   required double adj_close;     -- split- and dividend-adjusted close
 *   optional int64  volume;
 * }
 * key-value metadata: alchemiser.schema.version = "1", alchemiser.symbol = "SPY"
 * </pre>
 *
 * <p>Prices are IEEE doubles: decoding turns each into the decimal with the fewest fraction digits that round-trips
 * ({@link Decimals#of(double)}), so any price with up to 15 significant digits reads back numerically exact. Pages are
 * GZIP-compressed with the JDK's zlib and carry CRC checksums, which the reader verifies.
 *
 * <p>Reading validates the file completely: magic bytes and footer, schema version, the symbol it was written for,
 * the exact column set, row count, and every row (see {@link LakeBar} and {@link BarChecks}). Any failure is a
 * {@link DataLakeException} that names the symbol and the location; a bad file never reads as an empty series.
 * Uses no Hadoop class at runtime.
 */
public final class BarFileCodec {
    /** Bumped when the columns or their meaning change; readers refuse versions they do not know. */
    public static final int SCHEMA_VERSION = 1;
    /** File metadata key holding {@link #SCHEMA_VERSION}. */
    public static final String SCHEMA_VERSION_KEY = "alchemiser.schema.version";
    /** File metadata key holding the symbol the file belongs to. */
    public static final String SYMBOL_KEY = "alchemiser.symbol";

    /** The columns, in file order. */
    public static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("date")
            .optional(PrimitiveTypeName.DOUBLE).named("open")
            .optional(PrimitiveTypeName.DOUBLE).named("high")
            .optional(PrimitiveTypeName.DOUBLE).named("low")
            .optional(PrimitiveTypeName.DOUBLE).named("close")
            .required(PrimitiveTypeName.DOUBLE).named("adj_close")
            .optional(PrimitiveTypeName.INT64).named("volume")
            .named("bar");

    static final CompressionCodecName COMPRESSION = CompressionCodecName.GZIP;
    private static final int DATE = 0;
    private static final int OPEN = 1;
    private static final int HIGH = 2;
    private static final int LOW = 3;
    private static final int CLOSE = 4;
    private static final int ADJ_CLOSE = 5;
    private static final int VOLUME = 6;

    private BarFileCodec() {
    }

    /**
     * Writes {@code bars} as one Parquet file into {@code out} (which stays open).
     *
     * @throws IllegalArgumentException if the bars are empty or their dates do not strictly increase
     * @throws IOException if {@code out} fails
     */
    public static void encode(Symbol symbol, List<LakeBar> bars, OutputStream out) throws IOException {
        BarChecks.requireValidSeries(bars);
        BarWriteSupport support = new BarWriteSupport(Map.of(
                SCHEMA_VERSION_KEY, Integer.toString(SCHEMA_VERSION),
                SYMBOL_KEY, symbol.value()));
        try (ParquetWriter<LakeBar> writer = new BarWriterBuilder(new StreamOutputFile(out), support)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(GzipCodecFactory.INSTANCE)
                .withCompressionCodec(COMPRESSION)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryEncoding(false)
                .withByteStreamSplitEncoding(false)
                .withPageWriteChecksumEnabled(true)
                .withValidation(false)
                .build()) {
            for (LakeBar bar : bars) {
                writer.write(bar);
            }
        }
    }

    /**
     * Reads a bar file written by {@link #encode}.
     *
     * @param location where the bytes came from, for messages
     * @throws DataLakeException if the bytes are not a valid bar file of {@code symbol}
     */
    public static List<LakeBar> decode(Symbol symbol, String location, byte[] file) {
        try (ParquetFileReader reader = new ParquetFileReader(new InMemoryInputFile(file),
                HadoopFreeReadOptions.create(GzipCodecFactory.INSTANCE))) {
            FileMetaData meta = reader.getFooter().getFileMetaData();
            checkMetadata(symbol, location, meta);
            long rows = reader.getRecordCount();
            if (rows <= 0) {
                throw corrupt(symbol, location, "the file holds no bars", null);
            }
            if (rows > Integer.MAX_VALUE) {
                throw corrupt(symbol, location, "the file claims " + rows + " rows", null);
            }
            Columns columns = new Columns((int) rows);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                columns.readRowGroup(pages, meta.getCreatedBy());
            }
            if (columns.filled != rows) {
                throw corrupt(symbol, location, "the footer declares " + rows + " rows but the row groups hold "
                        + columns.filled, null);
            }
            return columns.toBars(symbol, location);
        } catch (DataLakeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(symbol, location, "not a readable Parquet bar file (" + e.getMessage() + ")", e);
        } catch (NoClassDefFoundError e) {
            // Some of parquet-java's corruption messages name the file through a Hadoop Path
            // (ParquetFileReader.getPath(), e.g. "Expected N values in column chunk at ..."); without Hadoop on the
            // classpath building that message fails instead. It only happens on a damaged file.
            throw corrupt(symbol, location, "not a readable Parquet bar file (a column chunk is damaged)", e);
        }
    }

    private static void checkMetadata(Symbol symbol, String location, FileMetaData meta) {
        Map<String, String> kv = meta.getKeyValueMetaData();
        String version = kv.get(SCHEMA_VERSION_KEY);
        if (version == null) {
            throw corrupt(symbol, location, "the file has no '" + SCHEMA_VERSION_KEY
                    + "' metadata; it was not written by this data lake", null);
        }
        if (!version.equals(Integer.toString(SCHEMA_VERSION))) {
            throw corrupt(symbol, location, "schema version " + version + " is not supported (this reader knows "
                    + SCHEMA_VERSION + "); upgrade Alchemiser or rebuild the file", null);
        }
        String owner = kv.get(SYMBOL_KEY);
        if (!symbol.value().equals(owner)) {
            throw corrupt(symbol, location, "the file belongs to symbol " + owner + ", not " + symbol, null);
        }
        if (!SCHEMA.equals(meta.getSchema())) {
            throw corrupt(symbol, location, "unexpected columns " + meta.getSchema().getColumns()
                    + " for schema version " + SCHEMA_VERSION, null);
        }
    }

    private static DataLakeException corrupt(Symbol symbol, String location, String why, Throwable cause) {
        return new DataLakeException("corrupt bar file for " + symbol + " at " + location + ": " + why, cause);
    }

    /** Column arrays for the whole file, with a presence flag per optional value. */
    private static final class Columns {
        final int[] dates;
        final double[][] prices = new double[5][];
        final boolean[][] pricePresent = new boolean[5][];
        final long[] volumes;
        final boolean[] volumePresent;
        int filled;

        Columns(int rows) {
            dates = new int[rows];
            for (int i = 0; i < prices.length; i++) {
                prices[i] = new double[rows];
                pricePresent[i] = new boolean[rows];
            }
            volumes = new long[rows];
            volumePresent = new boolean[rows];
        }

        void readRowGroup(PageReadStore pages, String createdBy) {
            long count = pages.getRowCount();
            if (filled + count > dates.length) {
                throw new IllegalStateException("row groups hold more rows than the footer declares");
            }
            int n = (int) count;
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, NO_CONVERTER, SCHEMA, createdBy);
            List<ColumnDescriptor> columns = SCHEMA.getColumns();
            ColumnReader date = reader(store, pages, columns.get(DATE), n);
            for (int i = 0; i < n; i++) {
                dates[filled + i] = date.getInteger();
                date.consume();
            }
            for (int c = OPEN; c <= ADJ_CLOSE; c++) {
                ColumnReader r = reader(store, pages, columns.get(c), n);
                double[] target = prices[c - OPEN];
                boolean[] present = pricePresent[c - OPEN];
                int maxDefinition = r.getDescriptor().getMaxDefinitionLevel();
                for (int i = 0; i < n; i++) {
                    if (r.getCurrentDefinitionLevel() == maxDefinition) {
                        target[filled + i] = r.getDouble();
                        present[filled + i] = true;
                    }
                    r.consume();
                }
            }
            ColumnReader volume = reader(store, pages, columns.get(VOLUME), n);
            for (int i = 0; i < n; i++) {
                if (volume.getCurrentDefinitionLevel() == 1) {
                    volumes[filled + i] = volume.getLong();
                    volumePresent[filled + i] = true;
                }
                volume.consume();
            }
            filled += n;
        }

        private static ColumnReader reader(ColumnReadStoreImpl store, PageReadStore pages, ColumnDescriptor column,
                int rows) {
            long values = pages.getPageReader(column).getTotalValueCount();
            if (values != rows) {
                throw new IllegalStateException("column " + column.getPath()[0] + " holds " + values + " values for "
                        + rows + " rows");
            }
            return store.getColumnReader(column);
        }

        List<LakeBar> toBars(Symbol symbol, String location) {
            List<LakeBar> bars = new ArrayList<>(filled);
            for (int i = 0; i < filled; i++) {
                LocalDate date = LocalDate.ofEpochDay(dates[i]);
                try {
                    bars.add(new LakeBar(date, price(OPEN, i, date), price(HIGH, i, date), price(LOW, i, date),
                            price(CLOSE, i, date), price(ADJ_CLOSE, i, date), volumePresent[i] ? volumes[i] : null));
                } catch (IllegalArgumentException e) {
                    throw corrupt(symbol, location, "row " + i + ": " + e.getMessage(), null);
                }
            }
            try {
                BarChecks.requireValidSeries(bars);
            } catch (IllegalArgumentException e) {
                throw corrupt(symbol, location, e.getMessage(), null);
            }
            return bars;
        }

        /** The stored price, or {@code null} when absent; a stored NaN or infinity is an error, never "absent". */
        private BigDecimal price(int column, int row, LocalDate date) {
            if (!pricePresent[column - OPEN][row]) {
                return null;
            }
            double value = prices[column - OPEN][row];
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("bar " + date + ": " + SCHEMA.getFieldName(column)
                        + " is not finite (" + value + ")");
            }
            return Decimals.of(value);
        }
    }

    private static final GroupConverter NO_CONVERTER = new GroupConverter() {
        private final PrimitiveConverter ignore = new PrimitiveConverter() {
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return ignore;
        }

        @Override
        public void start() {
            // Values are read column by column, not assembled into records.
        }

        @Override
        public void end() {
            // See start().
        }
    };

    /** Emits one {@link LakeBar} per record. */
    private static final class BarWriteSupport extends WriteSupport<LakeBar> {
        private final Map<String, String> metadata;
        private RecordConsumer consumer;

        BarWriteSupport(Map<String, String> metadata) {
            this.metadata = metadata;
        }

        @Override
        @Deprecated
        public WriteContext init(Configuration configuration) {
            return new WriteContext(SCHEMA, metadata);
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SCHEMA, metadata);
        }

        @Override
        public String getName() {
            return "alchemiser-bars";
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(LakeBar bar) {
            consumer.startMessage();
            consumer.startField("date", DATE);
            consumer.addInteger(Math.toIntExact(bar.date().toEpochDay()));
            consumer.endField("date", DATE);
            writePrice("open", OPEN, bar.open());
            writePrice("high", HIGH, bar.high());
            writePrice("low", LOW, bar.low());
            writePrice("close", CLOSE, bar.close());
            writePrice("adj_close", ADJ_CLOSE, bar.adjClose());
            if (bar.volume() != null) {
                consumer.startField("volume", VOLUME);
                consumer.addLong(bar.volume());
                consumer.endField("volume", VOLUME);
            }
            consumer.endMessage();
        }

        private void writePrice(String field, int index, BigDecimal price) {
            if (price != null) {
                consumer.startField(field, index);
                consumer.addDouble(price.doubleValue());
                consumer.endField(field, index);
            }
        }
    }

    private static final class BarWriterBuilder extends ParquetWriter.Builder<LakeBar, BarWriterBuilder> {
        private final BarWriteSupport support;

        BarWriterBuilder(OutputFile file, BarWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected BarWriterBuilder self() {
            return this;
        }

        @Override
        @Deprecated
        protected WriteSupport<LakeBar> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<LakeBar> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
