package io.alchemiser.s3;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real price set, {@code shared/prices/}, beside the project. */
final class SharedPrices {
    private SharedPrices() {
    }

    /**
     * The first {@code shared/prices} folder found walking up from the working directory.
     *
     * @throws AssertionError if there is none: the shared suites must fail, not pass vacuously, without the data
     */
    static Path folder() {
        return folderAbove(Path.of("").toAbsolutePath());
    }

    /** The first {@code shared/prices} folder at or above {@code start}; see {@link #folder()}. */
    static Path folderAbove(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path prices = dir.resolve("shared").resolve("prices");
            if (Files.isDirectory(prices)) {
                return prices;
            }
        }
        throw new AssertionError("shared/prices not found in " + start + " or any parent; the shared suites read the "
                + "real price set from ../shared/prices beside the project");
    }
}
