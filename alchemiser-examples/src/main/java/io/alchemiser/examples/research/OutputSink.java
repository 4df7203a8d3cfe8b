package io.alchemiser.examples.research;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a job's report files go: a local folder, or (on a cluster) any file system the cluster reaches. Each file
 * is written whole, as UTF-8, replacing one of the same name.
 */
public interface OutputSink {
    /**
     * Writes {@code content} as the file {@code name} (a plain file name, no folders).
     *
     * @throws UncheckedIOException if it cannot be written
     */
    void write(String name, String content);

    /**
     * Keeps the job's raw results in the sink's own format, beside the report files. A local folder has nothing to
     * add (the reports' CSV and JSON files hold every result in full precision); a cluster's sink writes them as
     * Parquet.
     *
     * @throws UncheckedIOException if they cannot be written
     */
    default void results(ResearchJob job, List<UnitResult> results) {
    }

    /** Where {@code name} is written, for people: a path or a URI. */
    String locate(String name);

    /** A local folder, created if missing. */
    static OutputSink directory(Path dir) {
        return new OutputSink() {
            @Override
            public void write(String name, String content) {
                try {
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String locate(String name) {
                return dir.resolve(name).toString();
            }
        };
    }
}
