package io.alchemiser.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
