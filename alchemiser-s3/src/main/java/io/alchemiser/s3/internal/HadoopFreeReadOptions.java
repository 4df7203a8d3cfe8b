package io.alchemiser.s3.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;

/**
 * {@link ParquetReadOptions} built without touching Hadoop.
 *
 * <p>In parquet-java 1.17.1 every public way to build read options goes through
 * {@code ParquetReadOptions.Builder(ParquetConfiguration)}, which calls {@code ParquetInputFormat.getFilter};
 * loading {@code ParquetInputFormat} loads its superclass {@code org.apache.hadoop.mapreduce.lib.input.FileInputFormat},
 * so reading any Parquet file needs hadoop-mapreduce-client-core and hadoop-common on the classpath even when no
 * Hadoop type is used (upstream issue apache/parquet-java#3780, fix proposed in #3781). This class calls the
 * package-private all-arguments constructor instead, with a {@link PlainParquetConfiguration}. If a later Parquet
 * release changes that constructor, it falls back to the public builder, which is then expected to be Hadoop-free;
 * the module's tests run without Hadoop on the classpath, so either path failing is caught by the build.
 */
final class HadoopFreeReadOptions {
    private static final int MAX_ALLOCATION = 8 * 1024 * 1024;
    private static final Constructor<ParquetReadOptions> ALL_ARGUMENTS = findConstructor();

    private HadoopFreeReadOptions() {
    }

    /** Options that verify page checksums, apply no filters and decompress with {@code codecs}. */
    static ParquetReadOptions create(CompressionCodecFactory codecs) {
        ParquetConfiguration conf = new PlainParquetConfiguration();
        if (ALL_ARGUMENTS == null) {
            return ParquetReadOptions.builder(conf).withCodecFactory(codecs).usePageChecksumVerification(true).build();
        }
        try {
            return ALL_ARGUMENTS.newInstance(
                    false, // useSignedStringMinMax
                    false, // useStatsFilter: no filter is set
                    false, // useDictionaryFilter
                    false, // useRecordFilter
                    false, // useColumnIndexFilter
                    true, // usePageChecksumVerification: a flipped bit is an error, not a wrong price
                    false, // useBloomFilter
                    false, // useOffHeapDecryptBuffer
                    false, // useHadoopVectoredIo
                    FilterCompat.NOOP,
                    ParquetMetadataConverter.NO_FILTER,
                    codecs,
                    new HeapByteBufferAllocator(),
                    MAX_ALLOCATION,
                    Map.of(),
                    null, // no decryption
                    null, // no metrics callback
                    conf);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot create Parquet read options", e);
        }
    }

    private static Constructor<ParquetReadOptions> findConstructor() {
        try {
            Constructor<ParquetReadOptions> c = ParquetReadOptions.class.getDeclaredConstructor(
                    boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class,
                    boolean.class, boolean.class, boolean.class,
                    FilterCompat.Filter.class,
                    ParquetMetadataConverter.MetadataFilter.class,
                    CompressionCodecFactory.class,
                    ByteBufferAllocator.class,
                    int.class,
                    Map.class,
                    FileDecryptionProperties.class,
                    ParquetMetricsCallback.class,
                    ParquetConfiguration.class);
            c.setAccessible(true);
            return c;
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }
}
