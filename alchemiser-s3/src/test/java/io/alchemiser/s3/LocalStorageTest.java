package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStorageTest extends BlobStorageContract {
    @TempDir
    Path dir;

    @Override
    protected BlobStorage newStorage() {
        return new LocalStorage(dir.resolve("lake"));
    }

    @Override
    protected String expectedLocationPrefix() {
        return dir.resolve("lake").toString();
    }

    @Override
    protected void assertNoTemporaryLeft() throws Exception {
        // A conditional write leaves its empty, hidden lock file beside the target; nothing else hidden may remain.
        assertThat(allFiles()).allSatisfy(p -> assertThat(p.getFileName().toString())
                .matches(name -> !name.startsWith(".") || (name.endsWith(".lock") && p.toFile().length() == 0),
                        "a visible file or an empty .lock file"));
    }

    @Test
    void theLockFileOfAConditionalWriteIsHiddenAndNeverListed() {
        String key = "daily/symbol=SPY/bars.parquet";
        storage.write(key, out -> out.write(1), BlobStorage.Condition.absent());
        assertThat(dir.resolve("lake/daily/symbol=SPY/.bars.parquet.lock")).exists();
        assertThat(storage.list("")).containsExactly(key);
    }

    @Test
    void keysMapToFilesUnderTheRoot() {
        storage.write("daily/symbol=SPY/bars.parquet", out -> out.write(42));
        assertThat(dir.resolve("lake/daily/symbol=SPY/bars.parquet")).exists().hasSize(1);
    }

    @Test
    void aTemporaryLeftByAKilledWriterIsNeverListedOrRead() throws Exception {
        storage.write("daily/symbol=SPY/bars.parquet", out -> out.write(new byte[] {1, 2, 3}));
        Path orphan = dir.resolve("lake/daily/symbol=SPY/.bars.parquet.0b5f.tmp");
        Files.write(orphan, new byte[] {9, 9});
        assertThat(storage.list("daily/")).containsExactly("daily/symbol=SPY/bars.parquet");
        assertThat(storage.read("daily/symbol=SPY/bars.parquet")).hasValueSatisfying(
                b -> assertThat(b).containsExactly(1, 2, 3));
    }

    @Test
    void listingAStorageWhoseRootDoesNotExistYetIsEmpty() {
        assertThat(storage.list("")).isEmpty();
    }

    private List<Path> allFiles() throws Exception {
        if (!Files.exists(dir.resolve("lake"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir.resolve("lake"))) {
            return files.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }
}
