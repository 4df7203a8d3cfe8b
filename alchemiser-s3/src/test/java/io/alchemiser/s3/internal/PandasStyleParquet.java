package io.alchemiser.s3.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Writes Parquet files the way pandas/pyarrow do for the Python Alchemiser's lake: any flat schema, SNAPPY pages,
 * dictionary encoding, v1 data pages, a {@code pandas} metadata entry and none of this lake's. Rows are arrays in
 * the schema's column order; {@code null} is a missing value. Values: Long for INT64, Integer for INT32, Double for
 * DOUBLE, Float for FLOAT, String for BINARY, byte[] (12 bytes) for INT96.
 */
public final class PandasStyleParquet {
    private PandasStyleParquet() {
    }

    public static byte[] write(MessageType schema, List<Object[]> rows, CompressionCodecName codec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowSupport support = new RowSupport(schema);
        try (ParquetWriter<Object[]> writer = new RowBuilder(new StreamOutputFile(out), support)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(SnappyCodecFactory.INSTANCE)
                .withCompressionCodec(codec)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryEncoding(true)
                .withValidation(false)
                .build()) {
            for (Object[] row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The compression codec of the file's first column chunk. */
    public static CompressionCodecName codecOf(byte[] file) {
        try (org.apache.parquet.hadoop.ParquetFileReader reader = new org.apache.parquet.hadoop.ParquetFileReader(
                new InMemoryInputFile(file), HadoopFreeReadOptions.create(SnappyCodecFactory.INSTANCE))) {
            return reader.getFooter().getBlocks().get(0).getColumns().get(0).getCodec();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class RowSupport extends WriteSupport<Object[]> {
        private final MessageType schema;
        private RecordConsumer consumer;

        RowSupport(MessageType schema) {
            this.schema = schema;
        }

        @Override
        @Deprecated
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, Map.of("pandas", "{\"index_columns\": []}"));
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of("pandas", "{\"index_columns\": []}"));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            consumer = recordConsumer;
        }

        @Override
        public void write(Object[] row) {
            consumer.startMessage();
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    continue;
                }
                String name = schema.getFieldName(i);
                consumer.startField(name, i);
                PrimitiveType.PrimitiveTypeName type = schema.getType(i).asPrimitiveType().getPrimitiveTypeName();
                switch (type) {
                    case INT64 -> consumer.addLong((Long) row[i]);
                    case INT32 -> consumer.addInteger((Integer) row[i]);
                    case DOUBLE -> consumer.addDouble((Double) row[i]);
                    case FLOAT -> consumer.addFloat((Float) row[i]);
                    case BINARY -> consumer.addBinary(Binary.fromString((String) row[i]));
                    case INT96 -> consumer.addBinary(Binary.fromConstantByteArray((byte[]) row[i]));
                    default -> throw new IllegalArgumentException(type.name());
                }
                consumer.endField(name, i);
            }
            consumer.endMessage();
        }
    }

    private static final class RowBuilder extends ParquetWriter.Builder<Object[], RowBuilder> {
        private final RowSupport support;

        RowBuilder(OutputFile file, RowSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected RowBuilder self() {
            return this;
        }

        @Override
        @Deprecated
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
