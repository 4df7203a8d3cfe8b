package io.alchemiser.dsl.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code shared} folder beside the project ({@code shared/strategies}, {@code shared/prices}), found by walking
 * up from the working directory. Missing is a failure: the shared suites never pass on no data.
 */
final class SharedFolder {
    private SharedFolder() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path shared = dir.resolve("shared");
            if (Files.isDirectory(shared.resolve("strategies"))) {
                return shared;
            }
        }
        throw new AssertionError("no shared/strategies folder above " + Path.of("").toAbsolutePath()
                + "; the corpus suites need ../shared beside the project");
    }

    static Path strategies() {
        return root().resolve("strategies");
    }

    static Path prices() {
        Path prices = root().resolve("prices");
        if (!Files.isDirectory(prices)) {
            throw new AssertionError("no " + prices + "; the corpus suites need the shared prices");
        }
        return prices;
    }
}
