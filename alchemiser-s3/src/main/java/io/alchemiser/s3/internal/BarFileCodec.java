package io.alchemiser.s3.internal;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.s3.model.DataLakeException;
import io.alchemiser.s3.model.LakeBar;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.FileMetaData;
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

    /** Field indexes of {@link #SCHEMA}. */
    static final int DATE = 0;
    static final int OPEN = 1;
    static final int HIGH = 2;
    static final int LOW = 3;
    static final int CLOSE = 4;
    static final int ADJ_CLOSE = 5;
    static final int VOLUME = 6;

    static final CompressionCodecName COMPRESSION = CompressionCodecName.GZIP;

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
        try (ParquetWriter<LakeBar> writer = new BarWriteSupport.Builder(new StreamOutputFile(out), support)
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
            BarColumns columns = new BarColumns((int) rows);
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

    static DataLakeException corrupt(Symbol symbol, String location, String why, Throwable cause) {
        return new DataLakeException("corrupt bar file for " + symbol + " at " + location + ": " + why, cause);
    }
}
