package io.alchemiser.examples.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where each key of a configuration file was written: key path ({@code broker.alpaca.quoteFeed},
 * {@code strategies[1].name}) to {@code file:line:column} (1-based). Kept with the {@link AppConfig} so that a
 * check made after loading can still point at the line. Immutable.
 */
public final class KeyPositions {
    private final Path file;
    private final Map<String, String> positions;

    KeyPositions(Path file, Map<String, String> positions) {
        this.file = Objects.requireNonNull(file, "file");
        this.positions = Map.copyOf(positions);
    }

    /**
     * The position of {@code keyPath}, or of its closest enclosing key that the file has (a key taken from the
     * environment or a default has none), or the file's first line.
     */
    public String of(String keyPath) {
        String path = keyPath;
        while (!path.isEmpty()) {
            String where = positions.get(path);
            if (where != null) {
                return where;
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut < 0 ? "" : path.substring(0, cut);
        }
        return file + ":1:1";
    }

    @Override
    public String toString() {
        return "KeyPositions[" + file + ", " + positions.size() + " keys]";
    }
}
