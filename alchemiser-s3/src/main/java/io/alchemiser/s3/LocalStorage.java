package io.alchemiser.s3;

import io.alchemiser.s3.model.ConcurrentWriteException;
import io.alchemiser.s3.model.DataLakeException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link BlobStorage} on a local directory: key {@code daily/symbol=SPY/bars.parquet} is the file
 * {@code <root>/daily/symbol=SPY/bars.parquet}. The embedded default; needs no service.
 *
 * <p>A write goes to a hidden temporary in the target's own directory ({@code .bars.parquet.<uuid>.tmp}), is forced
 * to the device, then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE} ({@code rename(2)} on
 * POSIX, {@code MoveFileEx} on Windows), and the directory is forced where the platform allows. A failure before the
 * rename deletes the temporary; a process killed before the rename leaves a hidden temporary that {@link #list}
 * ignores and that never shadows the target.
 *
 * <p><b>Versions and conditional writes:</b> an object's version is the SHA-256 of its content. A conditional write
 * takes an exclusive lock on a hidden lock file beside the target ({@code .bars.parquet.lock}, locked with
 * {@link FileChannel#lock()} across processes and with a monitor inside this JVM), checks the target's current
 * version, and renames only if the condition holds; the content itself is written to the temporary before the lock
 * is taken. Unconditional writes take no lock. The lock files stay (empty and hidden); they are never listed.
 */
public final class LocalStorage implements BlobStorage {
    /** One monitor per lock file: {@link FileChannel#lock()} excludes other processes, not other threads. */
    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
    private final Path root;

    /** Storage under {@code root}, which is created on the first write if it does not exist. */
    public LocalStorage(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The directory this storage writes under. */
    public Path root() {
        return root;
    }

    @Override
    public Optional<Versioned> readVersioned(String key) {
        Path file = resolve(key);
        try {
            byte[] content = Files.readAllBytes(file);
            return Optional.of(new Versioned(content, digest(content)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DataLakeException("cannot read " + file + ": " + e, e);
        }
    }

    @Override
    public void write(String key, Content content, Condition condition) {
        Objects.requireNonNull(condition, "condition");
        Path target = resolve(key);
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (condition.isNone()) {
                moveIntoPlace(temp, target);
            } else {
                moveIntoPlaceIf(condition, temp, target);
            }
            forceDirectory(target.getParent());
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new DataLakeException("cannot write " + target + ": " + e, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    @Override
    public List<String> list(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .filter(key -> key.startsWith(prefix) && !isTemporary(key))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            throw new DataLakeException("cannot list " + root + ": " + e, e);
        }
    }

    @Override
    public String locate(String key) {
        return resolve(key).toString();
    }

    @Override
    public String toString() {
        return "LocalStorage[" + root + "]";
    }

    private Path resolve(String key) {
        return root.resolve(BlobStorage.requireValidKey(key));
    }

    private static boolean isTemporary(String key) {
        for (String segment : key.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Renames under the target's lock, after checking that the target is still as {@code condition} expects. */
    private static void moveIntoPlaceIf(Condition condition, Path temp, Path target) throws IOException {
        Path lockFile = target.resolveSibling("." + target.getFileName() + ".lock");
        synchronized (JVM_LOCKS.computeIfAbsent(lockFile, k -> new Object())) {
            try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock lock = lockChannel.lock()) {
                Optional<String> current = currentVersion(target);
                if (condition.requiresAbsent() && current.isPresent()) {
                    throw new ConcurrentWriteException("cannot write " + target + ": another writer created it since "
                            + "it was found missing; nothing was written (read it again and redo the change)");
                }
                Optional<String> expected = condition.expectedVersion();
                if (expected.isPresent() && !expected.equals(current)) {
                    throw new ConcurrentWriteException("cannot write " + target + ": another writer "
                            + (current.isPresent() ? "replaced" : "deleted") + " it since it was read; nothing was "
                            + "written (read it again and redo the change)");
                }
                moveIntoPlace(temp, target);
            }
        }
    }

    private static Optional<String> currentVersion(Path target) throws IOException {
        try {
            return Optional.of(digest(Files.readAllBytes(target)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target.getParent()
                    + " cannot rename atomically; the data lake needs a local file system", e);
        }
    }

    /** Makes the rename durable where the platform can open a directory (POSIX); elsewhere it is a no-op. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The temporary is hidden and never listed; leaving it is harmless.
        }
    }
}
