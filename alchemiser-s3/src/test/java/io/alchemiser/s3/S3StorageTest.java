package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.s3.model.DataLakeException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** {@link S3Storage} against s3proxy on loopback, over real HTTP with AWS v4 signatures. */
class S3StorageTest extends BlobStorageContract {
    private static S3ProxyServer server;
    private String bucket;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.shared();
    }

    @Override
    protected BlobStorage newStorage() {
        bucket = server.newBucket();
        return S3Storage.create(server.settings(bucket, "alchemiser/lake"));
    }

    @Override
    protected String expectedLocationPrefix() {
        return "s3://" + bucket + "/alchemiser/lake/";
    }

    @Override
    protected int replaceRounds() {
        return 12;
    }

    /**
     * s3proxy 4.1 honours {@code If-Match} and {@code If-None-Match} on PUT (the sequential contract tests get its
     * 412), but checks the condition and then stores, so two racing conditional PUTs can both succeed. AWS S3 makes
     * the check and the write one step; the atomic race is covered by {@code S3ConditionalWriteTest} against a
     * stub that answers as S3 does.
     */
    @Override
    protected boolean conditionalWritesAreAtomic() {
        return false;
    }

    @Override
    protected void assertNoTemporaryLeft() {
        assertThat(allObjectKeys()).noneMatch(k -> k.contains("/."));
    }

    @Test
    void keysLiveUnderThePrefix() {
        storage.write("daily/symbol=SPY/bars.parquet", out -> out.write(42));
        assertThat(allObjectKeys()).containsExactly("alchemiser/lake/daily/symbol=SPY/bars.parquet");
    }

    @Test
    void storagesWithDifferentPrefixesInOneBucketAreIndependent() {
        try (S3Storage other = S3Storage.create(server.settings(bucket, "other"))) {
            storage.write("daily/symbol=SPY/bars.parquet", out -> out.write(1));
            other.write("daily/symbol=QQQ/bars.parquet", out -> out.write(2));
            assertThat(storage.list("daily/")).containsExactly("daily/symbol=SPY/bars.parquet");
            assertThat(other.list("daily/")).containsExactly("daily/symbol=QQQ/bars.parquet");
            assertThat(other.read("daily/symbol=SPY/bars.parquet")).isEmpty();
        }
    }

    @Test
    void aTemporaryLeftByAKilledWriterIsNeverListedOrRead() {
        storage.write("daily/symbol=SPY/bars.parquet", out -> out.write(new byte[] {1, 2, 3}));
        server.client().putObject(b -> b.bucket(bucket).key("alchemiser/lake/daily/symbol=SPY/.bars.parquet.0b5f.tmp"),
                RequestBody.fromBytes(new byte[] {9, 9}));
        assertThat(storage.list("daily/")).containsExactly("daily/symbol=SPY/bars.parquet");
        assertThat(storage.read("daily/symbol=SPY/bars.parquet")).hasValueSatisfying(
                b -> assertThat(b).containsExactly(1, 2, 3));
    }

    @Test
    void aMissingBucketIsAnErrorNamingTheObjectAndTheStatus() {
        try (S3Storage missing = S3Storage.create(server.settings("no-such-bucket", "lake"))) {
            assertThatThrownBy(() -> missing.read("daily/symbol=SPY/bars.parquet"))
                    .isInstanceOf(DataLakeException.class)
                    .hasMessageContaining("s3://no-such-bucket/lake/daily/symbol=SPY/bars.parquet")
                    .hasMessageContaining("404");
        }
    }

    @Test
    void wrongCredentialsAreAnErrorNamingTheObjectAndTheStatus() {
        S3Settings good = server.settings(bucket, "lake");
        S3Settings bad = S3Settings.builder(bucket).prefix("lake").endpoint(good.endpoint()).pathStyleAccess(true)
                .credentials(S3ProxyServer.ACCESS_KEY, "wrong-secret").build();
        try (S3Storage storage = S3Storage.create(bad)) {
            assertThatThrownBy(() -> storage.write("daily/symbol=SPY/bars.parquet", out -> out.write(1)))
                    .isInstanceOf(DataLakeException.class)
                    .hasMessageContaining("s3://" + bucket + "/lake/daily/symbol=SPY/")
                    .hasMessageContaining("403");
        }
    }

    @Test
    void settingsNeverPrintTheSecret() {
        assertThat(server.settings(bucket, "lake").toString()).doesNotContain(S3ProxyServer.SECRET_KEY)
                .contains(S3ProxyServer.ACCESS_KEY);
    }

    private java.util.List<String> allObjectKeys() {
        return server.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(o -> o.key()).collect(Collectors.toList());
    }
}
