package io.alchemiser.s3.internal;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page compression for files written by other tools: {@code SNAPPY} (pandas' and pyarrow's default) with
 * aircompressor's pure-Java Snappy, no JNI and no Hadoop; {@code GZIP} and {@code UNCOMPRESSED} as
 * {@link GzipCodecFactory}. Other codecs (ZSTD, LZ4, BROTLI) are refused with a message naming the codec. Parquet
 * stores Snappy pages as raw Snappy blocks (not the framed stream format). Stateless and thread-safe.
 */
public final class SnappyCodecFactory implements CompressionCodecFactory {
    public static final SnappyCodecFactory INSTANCE = new SnappyCodecFactory();

    private SnappyCodecFactory() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        return codecName == CompressionCodecName.SNAPPY ? COMPRESSOR : GzipCodecFactory.INSTANCE.getCompressor(codecName);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        if (codecName == CompressionCodecName.SNAPPY) {
            return DECOMPRESSOR;
        }
        try {
            return GzipCodecFactory.INSTANCE.getDecompressor(codecName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("compression codec " + codecName + " is not supported: files are read "
                    + "with SNAPPY, GZIP or UNCOMPRESSED pages only", e);
        }
    }

    @Override
    public void release() {
        // Nothing is pooled.
    }

    private static final BytesInputCompressor COMPRESSOR = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            byte[] input = bytes.toByteArray();
            SnappyCompressor snappy = new SnappyCompressor();
            byte[] output = new byte[snappy.maxCompressedLength(input.length)];
            int length = snappy.compress(input, 0, input.length, output, 0, output.length);
            return BytesInput.from(output, 0, length);
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.SNAPPY;
        }

        @Override
        public void release() {
            // Stateless.
        }
    };

    private static final BytesInputDecompressor DECOMPRESSOR = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            return BytesInput.from(inflate(bytes.toByteArray(), decompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(inflate(compressed, decompressedSize));
        }

        @Override
        public void release() {
            // Stateless.
        }
    };

    private static byte[] inflate(byte[] compressed, int decompressedSize) throws IOException {
        byte[] out = new byte[decompressedSize];
        try {
            int length = new SnappyDecompressor().decompress(compressed, 0, compressed.length, out, 0, out.length);
            if (length != decompressedSize) {
                throw new IOException("Snappy page inflates to " + length + " bytes, its header declares "
                        + decompressedSize);
            }
            return out;
        } catch (MalformedInputException e) {
            throw new IOException("damaged Snappy page: " + e.getMessage(), e);
        }
    }
}
