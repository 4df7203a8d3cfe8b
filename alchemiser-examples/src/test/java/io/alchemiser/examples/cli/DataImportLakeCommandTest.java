package io.alchemiser.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The argument handling of {@code data import-lake}; the conversion itself is tested in alchemiser-s3. */
class DataImportLakeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithoutThePythonLayoutIsAnErrorNamingIt() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("python"));
        Files.writeString(empty.resolve("notes.txt"), "not a lake");
        Cli r = Cli.run("data", "import-lake", empty.toString(), "--store", dir.resolve("lake").toString());
        assertThat(r.code).as(r.toString()).isNotZero();
        assertThat(r.err).contains("no {SYMBOL}/daily.parquet under " + empty);
    }

    @Test
    void aMissingFolderIsNamed() {
        Cli r = Cli.run("data", "import-lake", dir.resolve("nowhere").toString(), "--store", dir.toString());
        assertThat(r.code).as(r.toString()).isNotZero();
        assertThat(r.err).contains("no such folder: " + dir.resolve("nowhere"));
    }

    @Test
    void exactlyOneTargetIsRequired() {
        Cli neither = Cli.run("data", "import-lake", dir.toString());
        assertThat(neither.code).isNotZero();
        assertThat(neither.err).contains("give --store DIR or --config FILE");
        Cli both = Cli.run("data", "import-lake", dir.toString(), "--store", dir.toString(), "--config", "x.yaml");
        assertThat(both.code).isNotZero();
        assertThat(both.err).contains("give --store DIR or --config FILE");
    }
}
