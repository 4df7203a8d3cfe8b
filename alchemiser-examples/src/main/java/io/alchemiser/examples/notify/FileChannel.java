package io.alchemiser.examples.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Writes each summary into a directory as {@code summary-<runId>.txt} and {@code summary-<runId>.html} (UTF-8),
 * creating the directory when needed. A second summary of the same run (a resumed run) replaces the first. A dry
 * run's summary goes to {@code summary-<runId>-dry-run.txt} and {@code .html}: a dry run after the day's run never
 * replaces what the day's run reported (and the next dry run replaces the previous one).
 * Each file is written to a temporary file and moved into place, so a reader never sees half a summary.
 * Characters of a run id that are not safe in file names everywhere ({@code :}) become {@code _}.
 */
public final class FileChannel implements NotificationChannel {
    private final Path directory;

    public FileChannel(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The text file of a run's summary ({@code dryRun}: of a dry run of it). */
    public Path textFile(String runId, boolean dryRun) {
        return directory.resolve(baseName(runId, dryRun) + ".txt");
    }

    /** The HTML file of a run's summary ({@code dryRun}: of a dry run of it). */
    public Path htmlFile(String runId, boolean dryRun) {
        return directory.resolve(baseName(runId, dryRun) + ".html");
    }

    @Override
    public String name() {
        return "file " + directory;
    }

    @Override
    public void send(RunNotification n) {
        try {
            Files.createDirectories(directory);
            write(textFile(n.runId(), n.dryRun()), n.text());
            write(htmlFile(n.runId(), n.dryRun()), n.html());
        } catch (IOException e) {
            throw new NotificationException("cannot write the summary of " + n.runId() + " into " + directory + ": "
                    + e, e);
        }
    }

    private static void write(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String baseName(String runId, boolean dryRun) {
        return "summary-" + runId.replaceAll("[^A-Za-z0-9._-]", "_") + (dryRun ? "-dry-run" : "");
    }
}
