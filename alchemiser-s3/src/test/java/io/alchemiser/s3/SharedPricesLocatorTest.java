package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared suites find {@code shared/prices} above the project, and fail loudly where there is none. */
class SharedPricesLocatorTest {
    @TempDir
    Path dir;

    @Test
    void theFolderIsFoundFromAnyDirectoryBelowIt() throws Exception {
        Path prices = Files.createDirectories(dir.resolve("shared/prices"));
        Path module = Files.createDirectories(dir.resolve("main/alchemiser-s3"));
        assertThat(SharedPrices.folderAbove(module)).isEqualTo(prices);
    }

    @Test
    void withoutTheFolderTheSuiteFailsInsteadOfPassingVacuously() {
        assertThatThrownBy(() -> SharedPrices.folderAbove(dir)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("shared/prices not found in " + dir);
    }
}
