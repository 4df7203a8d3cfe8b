package io.alchemiser.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.alchemiser.s3.model.ConcurrentWriteException;
import io.alchemiser.s3.model.DataLakeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The promises every {@link BlobStorage} backend keeps; each backend's test extends this. */
abstract class BlobStorageContract {
    protected BlobStorage storage;

    /** A fresh, empty storage. */
    protected abstract BlobStorage newStorage() throws Exception;

    /** The text {@link BlobStorage#locate} is expected to start with for this backend. */
    protected abstract String expectedLocationPrefix();

    @BeforeEach
    void open() throws Exception {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Test
    void readOfAMissingKeyIsEmpty() {
        assertThat(storage.read("daily/symbol=SPY/bars.parquet")).isEmpty();
    }

    @Test
    void writtenBytesReadBackIdentically() {
        byte[] content = bytes(70_000, 7);
        storage.write("daily/symbol=SPY/bars.parquet", out -> out.write(content));
        assertThat(storage.read("daily/symbol=SPY/bars.parquet")).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
    }

    @Test
    void writeReplacesTheWholeObject() {
        storage.write("daily/symbol=SPY/bars.parquet", out -> out.write(bytes(50_000, 1)));
        storage.write("daily/symbol=SPY/bars.parquet", out -> out.write("short".getBytes(UTF_8)));
        assertThat(storage.read("daily/symbol=SPY/bars.parquet")).hasValueSatisfying(
                b -> assertThat(new String(b, UTF_8)).isEqualTo("short"));
    }

    @Test
    void listReturnsTheKeysUnderAPrefixSorted() {
        storage.write("daily/symbol=QQQ/bars.parquet", out -> out.write(1));
        storage.write("daily/symbol=BRK.B/bars.parquet", out -> out.write(2));
        storage.write("other/notes.txt", out -> out.write(3));
        assertThat(storage.list("daily/")).containsExactly("daily/symbol=BRK.B/bars.parquet",
                "daily/symbol=QQQ/bars.parquet");
        assertThat(storage.list("")).hasSize(3);
        assertThat(storage.list("nothing/")).isEmpty();
    }

    @Test
    void aWriteThatFailsMidStreamLeavesTheOldObjectAndNoTemporary() throws Exception {
        byte[] old = bytes(40_000, 3);
        storage.write("daily/symbol=SPY/bars.parquet", out -> out.write(old));
        assertThatThrownBy(() -> storage.write("daily/symbol=SPY/bars.parquet", out -> {
            out.write(bytes(30_000, 9));
            throw new IOException("disk on fire");
        })).isInstanceOf(DataLakeException.class)
                .hasMessageContaining(storage.locate("daily/symbol=SPY/bars.parquet"))
                .hasMessageContaining("disk on fire");
        assertThat(storage.read("daily/symbol=SPY/bars.parquet")).hasValueSatisfying(b -> assertThat(b).isEqualTo(old));
        assertThat(storage.list("")).containsExactly("daily/symbol=SPY/bars.parquet");
        assertNoTemporaryLeft();
    }

    @Test
    void aFailedFirstWriteCreatesNothing() throws Exception {
        assertThatThrownBy(() -> storage.write("daily/symbol=SPY/bars.parquet", out -> {
            out.write(bytes(1000, 1));
            throw new IllegalStateException("encoder bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("encoder bug");
        assertThat(storage.read("daily/symbol=SPY/bars.parquet")).isEmpty();
        assertThat(storage.list("")).isEmpty();
        assertNoTemporaryLeft();
    }

    @Test
    void readersNeverSeeAPartialObjectWhileAWriterReplacesIt() throws Exception {
        byte[] small = bytes(20_000, 1);
        byte[] large = bytes(90_000, 2);
        String key = "daily/symbol=SPY/bars.parquet";
        storage.write(key, out -> out.write(small));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < replaceRounds(); i++) {
                    byte[] next = i % 2 == 0 ? large : small;
                    storage.write(key, out -> out.write(next));
                }
                writing.set(false);
                return null;
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (writing.get()) {
                        byte[] seen = storage.read(key).orElseThrow();
                        if (!Arrays.equals(seen, small) && !Arrays.equals(seen, large)) {
                            throw new AssertionError("a reader saw " + seen.length + " bytes of neither version");
                        }
                        reads++;
                    }
                    return reads;
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysMustBeRelativeWithoutReservedSegments() {
        for (String bad : new String[] {"/abs", "a//b", "a/../b", "dir/", ".hidden/x", "a/.tmp", "", "a\\b"}) {
            assertThatThrownBy(() -> storage.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage.write(bad, out -> out.write(1))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void locationNamesTheBackendAndTheKey() {
        assertThat(storage.locate("daily/symbol=SPY/bars.parquet")).startsWith(expectedLocationPrefix())
                .endsWith("daily/symbol=SPY/bars.parquet");
    }

    @Test
    void aReadReturnsAVersionThatChangesWithTheContent() {
        String key = "daily/symbol=SPY/bars.parquet";
        storage.write(key, out -> out.write(bytes(1000, 1)));
        BlobStorage.Versioned first = storage.readVersioned(key).orElseThrow();
        assertThat(storage.readVersioned(key).orElseThrow().version()).isEqualTo(first.version());
        storage.write(key, out -> out.write(bytes(1000, 2)));
        BlobStorage.Versioned second = storage.readVersioned(key).orElseThrow();
        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(second.content()).isEqualTo(bytes(1000, 2));
    }

    @Test
    void aWriteIfUnchangedReplacesAnObjectNobodyTouched() {
        String key = "daily/symbol=SPY/bars.parquet";
        storage.write(key, out -> out.write(bytes(1000, 1)));
        BlobStorage.Versioned read = storage.readVersioned(key).orElseThrow();
        storage.write(key, out -> out.write(bytes(500, 3)), BlobStorage.Condition.matches(read.version()));
        assertThat(storage.read(key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes(500, 3)));
    }

    @Test
    void aWriteIfUnchangedFailsWhenAnotherWriterReplacedTheObject() {
        String key = "daily/symbol=SPY/bars.parquet";
        storage.write(key, out -> out.write(bytes(1000, 1)));
        BlobStorage.Condition unchanged = BlobStorage.Condition.unchangedSince(storage.readVersioned(key));
        storage.write(key, out -> out.write(bytes(1000, 2)));
        assertThatThrownBy(() -> storage.write(key, out -> out.write(bytes(10, 9)), unchanged))
                .isInstanceOf(ConcurrentWriteException.class)
                .hasMessageContaining(storage.locate(key))
                .hasMessageContaining("another writer");
        assertThat(storage.read(key)).as("the other writer's content stays")
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes(1000, 2)));
        assertNoTemporaryLeftQuietly();
    }

    @Test
    void aWriteIfAbsentCreatesOnlyWhenNobodyElseDid() {
        String key = "daily/symbol=SPY/bars.parquet";
        BlobStorage.Condition absent = BlobStorage.Condition.unchangedSince(storage.readVersioned(key));
        assertThat(absent.requiresAbsent()).isTrue();
        storage.write(key, out -> out.write(bytes(100, 1)), absent);
        assertThat(storage.read(key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes(100, 1)));
        assertThatThrownBy(() -> storage.write(key, out -> out.write(bytes(100, 2)), absent))
                .isInstanceOf(ConcurrentWriteException.class)
                .hasMessageContaining(storage.locate(key));
        assertThat(storage.read(key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes(100, 1)));
    }

    @Test
    void ofTwoWritersStartingFromTheSameReadExactlyOneWins() throws Exception {
        assumeTrue(conditionalWritesAreAtomic(), "the test server checks conditions without atomicity");
        String key = "daily/symbol=SPY/bars.parquet";
        storage.write(key, out -> out.write(bytes(100, 0)));
        for (int round = 1; round <= 5; round++) {
            BlobStorage.Condition unchanged = BlobStorage.Condition.unchangedSince(storage.readVersioned(key));
            assertThat(winnersOfARace(storage, key, unchanged, round)).as("round " + round).isEqualTo(1);
        }
    }

    /** Two writers write {@code key} at once under the same condition; returns how many succeeded. */
    static int winnersOfARace(BlobStorage storage, String key, BlobStorage.Condition unchanged, int round)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int seed = round * 10 + w;
                writers.add(pool.submit(() -> {
                    try {
                        storage.write(key, out -> out.write(bytes(2000, seed)), unchanged);
                        return true;
                    } catch (ConcurrentWriteException e) {
                        return false;
                    }
                }));
            }
            int won = 0;
            for (Future<Boolean> f : writers) {
                won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertNoTemporaryLeftQuietly() {
        try {
            assertNoTemporaryLeft();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Whether the backend checks a write condition and writes in one atomic step. True of {@link LocalStorage} and
     * of AWS S3; s3proxy (the S3 test server) checks, then writes, so two racing writers can both pass.
     */
    protected boolean conditionalWritesAreAtomic() {
        return true;
    }

    /** How many replacements the concurrent-readers test makes (a remote backend may choose fewer). */
    protected int replaceRounds() {
        return 40;
    }

    /** Asserts the backend holds no temporary from an atomic write. */
    protected abstract void assertNoTemporaryLeft() throws Exception;

    static byte[] bytes(int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }
}
