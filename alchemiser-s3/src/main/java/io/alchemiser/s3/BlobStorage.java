package io.alchemiser.s3;

import io.alchemiser.s3.model.ConcurrentWriteException;
import io.alchemiser.s3.model.DataLakeException;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the data lake keeps its files: a flat namespace of keys ({@code daily/symbol=SPY/bars.parquet}) holding
 * whole objects. {@link LocalStorage} maps keys to files under a directory, {@link S3Storage} to objects under a
 * bucket prefix; a host may supply another backend by implementing {@link #readVersioned}, {@link #write(String,
 * Content, Condition)}, {@link #list} and {@link #locate}.
 *
 * <p>Keys are relative, use {@code /} as separator, and never contain empty segments or segments that start with
 * {@code .}: those names are reserved for the backend's own files (a local write's temporary, a lock file).
 *
 * <p><b>Atomicity:</b> {@link #write} replaces an object atomically: a concurrent or later reader sees the complete
 * old content or the complete new content, never a mix or a truncated object, even if the writer fails or the
 * process dies mid-write. <b>Concurrent writers:</b> a read returns the object's {@link Versioned#version() version};
 * a write under {@link Condition#matches(String)} or {@link Condition#absent()} goes ahead only if the object is
 * still at that version (or still absent), and otherwise fails with a {@link ConcurrentWriteException} without
 * touching the object, so a read-modify-write never silently loses another writer's update.
 * <b>Threading:</b> implementations are safe to call from several threads at once.
 * <b>Errors:</b> a backend failure is a {@link DataLakeException} naming {@link #locate(String) the location}.
 */
public interface BlobStorage extends Closeable {

    /**
     * The whole content stored at {@code key}, or empty if there is no such object.
     *
     * @throws DataLakeException if the object exists but cannot be read, or the backend fails
     */
    default Optional<byte[]> read(String key) {
        return readVersioned(key).map(Versioned::content);
    }

    /**
     * The whole content stored at {@code key} with the version it was read at (an S3 ETag, a content digest), or
     * empty if there is no such object.
     *
     * @throws DataLakeException if the object exists but cannot be read, or the backend fails
     */
    Optional<Versioned> readVersioned(String key);

    /**
     * Replaces the object at {@code key} with what {@code content} writes, atomically and unconditionally (the last
     * complete write wins). If {@code content} throws, the old object, if any, is left untouched and the exception
     * propagates (wrapped in a {@link DataLakeException} when it is an {@link IOException}).
     */
    default void write(String key, Content content) {
        write(key, content, Condition.none());
    }

    /**
     * Replaces the object at {@code key} with what {@code content} writes, atomically, if {@code condition} holds
     * when the new content would become visible; see {@link #write(String, Content)} for failures of the content.
     *
     * @throws ConcurrentWriteException if the condition does not hold (another writer got there first); the object
     *     is left as that writer made it
     */
    void write(String key, Content content, Condition condition);

    /** The keys that start with {@code prefix} (a folder such as {@code daily/}), sorted; reserved names excluded. */
    List<String> list(String prefix);

    /** Where {@code key} lives, for messages: an absolute file path or an {@code s3://bucket/key} URI. */
    String locate(String key);

    /** Releases connections; the default does nothing. */
    @Override
    default void close() {
    }

    /**
     * An object's content and the version it was read at. The version is opaque: compare it only by passing it to
     * {@link Condition#matches(String)}.
     */
    record Versioned(byte[] content, String version) {
        public Versioned {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(version, "version");
        }
    }

    /** What must hold for a {@link #write(String, Content, Condition) write} to go ahead. */
    final class Condition {
        private static final Condition NONE = new Condition(null, false);
        private static final Condition ABSENT = new Condition(null, true);
        private final String version;
        private final boolean absent;

        private Condition(String version, boolean absent) {
            this.version = version;
            this.absent = absent;
        }

        /** Always: the last complete write wins. */
        public static Condition none() {
            return NONE;
        }

        /** Only if there is no object at the key yet (S3 {@code If-None-Match: *}). */
        public static Condition absent() {
            return ABSENT;
        }

        /** Only if the object is still at {@code version}, as {@link #readVersioned} returned it (S3 {@code If-Match}). */
        public static Condition matches(String version) {
            return new Condition(Objects.requireNonNull(version, "version"), false);
        }

        /** The condition for replacing what a read returned: {@link #matches} its version, or {@link #absent()}. */
        public static Condition unchangedSince(Optional<Versioned> read) {
            return read.map(v -> matches(v.version())).orElse(ABSENT);
        }

        public boolean isNone() {
            return version == null && !absent;
        }

        public boolean requiresAbsent() {
            return absent;
        }

        /** The version the object must still have, or empty. */
        public Optional<String> expectedVersion() {
            return Optional.ofNullable(version);
        }

        @Override
        public String toString() {
            return isNone() ? "unconditional" : absent ? "if absent" : "if unchanged since version " + version;
        }
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
                        + "': empty segment, or a segment starting with '.' (reserved for the backend's own files)");
            }
        }
        return key;
    }
}
