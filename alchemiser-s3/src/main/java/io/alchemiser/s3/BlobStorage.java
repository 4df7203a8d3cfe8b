package io.alchemiser.s3;

import io.alchemiser.s3.model.DataLakeException;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Where the data lake keeps its files: a flat namespace of keys ({@code daily/symbol=SPY/bars.parquet}) holding
 * whole objects. {@link LocalStorage} maps keys to files under a directory, {@link S3Storage} to objects under a
 * bucket prefix; a host may supply another backend.
 *
 * <p>Keys are relative, use {@code /} as separator, and never contain empty segments or segments that start with
 * {@code .}: those names are reserved for the temporaries of an atomic write.
 *
 * <p><b>Atomicity:</b> {@link #write} replaces an object atomically: a concurrent or later reader sees the complete
 * old content or the complete new content, never a mix or a truncated object, even if the writer fails or the
 * process dies mid-write. Temporaries a dead process leaves behind are never listed.
 * <b>Threading:</b> implementations are safe to call from several threads at once.
 * <b>Errors:</b> a backend failure is a {@link DataLakeException} naming {@link #locate(String) the location}.
 */
public interface BlobStorage extends Closeable {

    /**
     * The whole content stored at {@code key}, or empty if there is no such object.
     *
     * @throws DataLakeException if the object exists but cannot be read, or the backend fails
     */
    Optional<byte[]> read(String key);

    /**
     * Replaces the object at {@code key} with what {@code content} writes, atomically (see the class comment). If
     * {@code content} throws, the old object, if any, is left untouched and the exception propagates (wrapped in a
     * {@link DataLakeException} when it is an {@link IOException}).
     */
    void write(String key, Content content);

    /** The keys that start with {@code prefix} (a folder such as {@code daily/}), sorted, temporaries excluded. */
    List<String> list(String prefix);

    /** Where {@code key} lives, for messages: an absolute file path or an {@code s3://bucket/key} URI. */
    String locate(String key);

    /** Releases connections; the default does nothing. */
    @Override
    default void close() {
    }

    /** Writes an object's content into a stream the backend owns (and closes). */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Checks the key rules of the class comment.
     *
     * @throws IllegalArgumentException if {@code key} breaks them
     */
    static String requireValidKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("\\")) {
            throw new IllegalArgumentException("invalid storage key '" + key
                    + "': expected a relative path such as daily/symbol=SPY/bars.parquet");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                throw new IllegalArgumentException("invalid storage key '" + key
                        + "': empty segment, or a segment starting with '.' (reserved for temporaries)");
            }
        }
        return key;
    }
}
