package io.alchemiser.s3.internal;

import static io.alchemiser.s3.internal.BarFileCodec.ADJ_CLOSE;
import static io.alchemiser.s3.internal.BarFileCodec.CLOSE;
import static io.alchemiser.s3.internal.BarFileCodec.DATE;
import static io.alchemiser.s3.internal.BarFileCodec.HIGH;
import static io.alchemiser.s3.internal.BarFileCodec.LOW;
import static io.alchemiser.s3.internal.BarFileCodec.OPEN;
import static io.alchemiser.s3.internal.BarFileCodec.SCHEMA;
import static io.alchemiser.s3.internal.BarFileCodec.VOLUME;

import io.alchemiser.s3.model.LakeBar;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes {@link LakeBar}s as records of {@link BarFileCodec#SCHEMA}. The Hadoop {@code Configuration} overloads exist
 * because Parquet's abstract classes declare them; nothing calls them, so no Hadoop class is loaded at runtime.
 */
final class BarWriteSupport extends WriteSupport<LakeBar> {
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

    /** A Parquet writer builder that hands the writer this support. */
    static final class Builder extends ParquetWriter.Builder<LakeBar, Builder> {
        private final BarWriteSupport support;

        Builder(OutputFile file, BarWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
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
