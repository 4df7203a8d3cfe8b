package io.alchemiser.dsl.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real Composer exports in {@code ../shared/strategies}, for the {@code @Tag("shared")} suites. Walks up from
 * the working directory (the module when Maven runs) to the first folder holding {@code shared/strategies}. A
 * missing folder, or one without {@code .clj} files, fails the test: never a silent pass on no data.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The {@code shared/strategies} directory. */
    public static Path strategiesDirectory() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path strategies = dir.resolve("shared").resolve("strategies");
            if (Files.isDirectory(strategies)) {
                return strategies;
            }
        }
        throw new AssertionError("no shared/strategies folder above " + start
                + "; the corpus suites need ../shared beside the project");
    }

    /** Every {@code .clj} file in {@code shared/strategies}, by name; at least one. */
    public static List<Path> strategyFiles() {
        Path directory = strategiesDirectory();
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".clj")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        if (files.isEmpty()) {
            throw new AssertionError(directory + " holds no .clj files");
        }
        return files;
    }
}
