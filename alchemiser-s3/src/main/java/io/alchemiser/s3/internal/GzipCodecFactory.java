package io.alchemiser.s3.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page compression with the JDK's own zlib: {@code GZIP} and {@code UNCOMPRESSED}. Parquet's default
 * {@code CodecFactory} instantiates every codec through Hadoop's {@code CompressionCodec} and
 * {@code ReflectionUtils}, so it needs hadoop-common at runtime even for GZIP; this factory needs nothing beyond the
 * JDK. Files written by other tools with SNAPPY, ZSTD or LZ4 are refused with a message that names the codec.
 *
 * <p>Stateless: compressors and decompressors allocate their buffers per call, so one instance may be shared by
 * every thread.
 */
public final class GzipCodecFactory implements CompressionCodecFactory {
    public static final GzipCodecFactory INSTANCE = new GzipCodecFactory();

    private GzipCodecFactory() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        switch (codecName) {
            case GZIP:
                return GZIP_COMPRESSOR;
            case UNCOMPRESSED:
                return NO_COMPRESSION;
            default:
                throw unsupported(codecName);
        }
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        switch (codecName) {
            case GZIP:
                return GZIP_DECOMPRESSOR;
            case UNCOMPRESSED:
                return NO_DECOMPRESSION;
            default:
                throw unsupported(codecName);
        }
    }

    @Override
    public void release() {
        // Nothing is pooled.
    }

    private static IllegalArgumentException unsupported(CompressionCodecName codecName) {
        return new IllegalArgumentException("compression codec " + codecName
                + " is not supported: the data lake reads and writes GZIP or UNCOMPRESSED pages only");
    }

    private static final BytesInputCompressor GZIP_COMPRESSOR = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) Math.max(64, bytes.size() / 2));
            try (GZIPOutputStream gzip = new FastGzipOutputStream(buffer)) {
                bytes.writeAllTo(gzip);
            }
            return BytesInput.from(buffer.toByteArray());
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.GZIP;
        }

        @Override
        public void release() {
            // Stateless.
        }
    };

    private static final BytesInputDecompressor GZIP_DECOMPRESSOR = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            return BytesInput.from(inflate(bytes.toInputStream(), decompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(inflate(BytesInput.from(compressed).toInputStream(), decompressedSize));
        }

        @Override
        public void release() {
            // Stateless.
        }
    };

    /** GZIP at zlib's fastest level: bar pages shrink about as much as at the default level, at a fraction of the CPU. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(ByteArrayOutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    private static byte[] inflate(InputStream compressed, int decompressedSize) throws IOException {
        try (GZIPInputStream gzip = new GZIPInputStream(compressed, 64 * 1024)) {
            byte[] out = gzip.readNBytes(decompressedSize);
            if (out.length != decompressedSize || gzip.read() != -1) {
                throw new IOException("GZIP page does not inflate to the " + decompressedSize
                        + " bytes its header declares");
            }
            return out;
        }
    }

    private static final BytesInputCompressor NO_COMPRESSION = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) {
            return bytes;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public void release() {
            // Stateless.
        }
    };

    private static final BytesInputDecompressor NO_DECOMPRESSION = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) {
            return bytes;
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize) {
            ByteBuffer slice = input.slice();
            slice.limit(compressedSize);
            output.put(slice);
            input.position(input.position() + compressedSize);
        }

        @Override
        public void release() {
            // Stateless.
        }
    };
}
