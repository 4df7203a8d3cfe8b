package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.s3.model.ConcurrentWriteException;
import io.alchemiser.s3.model.DataLakeException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link S3Storage} sends over the wire, against {@link StubS3Server}: one PUT per write, conditional headers,
 * the checksum setting, and cross-region access. These are the S3 behaviours s3proxy does not reproduce.
 */
class S3ClientBehaviourTest {
    private static final String KEY = "daily/symbol=SPY/bars.parquet";
    private StubS3Server stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubS3Server();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aWriteIsOnePutWithNoTemporaryCopyOrDelete() {
        try (S3Storage storage = S3Storage.create(stub.settings("lake").prefix("p").build())) {
            storage.write(KEY, out -> out.write(new byte[] {1, 2, 3}));
            storage.write(KEY, out -> out.write(new byte[] {4}), BlobStorage.Condition.unchangedSince(
                    storage.readVersioned(KEY)));
        }
        assertThat(stub.requests).extracting(r -> r.method() + " " + r.path())
                .containsExactly("PUT /lake/p/" + KEY, "GET /lake/p/" + KEY, "PUT /lake/p/" + KEY);
        assertThat(stub.requests.get(0).header("If-Match")).isNull();
        assertThat(stub.requests.get(0).header("If-None-Match")).isNull();
        // The ETag the GET returned: the stub's ETag is the MD5 of the content {1, 2, 3}.
        assertThat(stub.requests.get(2).header("If-Match")).isEqualTo("\"5289df737df57326fcdd22597afb1fac\"");
    }

    @Test
    void aCreateSendsIfNoneMatchStarAndAReplaceSendsIfMatchWithTheEtagRead() {
        try (S3Storage storage = S3Storage.create(stub.settings("lake").build())) {
            storage.write(KEY, out -> out.write(1), BlobStorage.Condition.unchangedSince(storage.readVersioned(KEY)));
            BlobStorage.Versioned read = storage.readVersioned(KEY).orElseThrow();
            storage.write(KEY, out -> out.write(2), BlobStorage.Condition.matches(read.version()));
        }
        List<StubS3Server.Request> puts = stub.requests("PUT");
        assertThat(puts.get(0).header("If-None-Match")).isEqualTo("*");
        assertThat(puts.get(0).header("If-Match")).isNull();
        assertThat(puts.get(1).header("If-Match")).startsWith("\"").endsWith("\"");
        assertThat(puts.get(1).header("If-None-Match")).isNull();
    }

    @Test
    void a412IsAConcurrentWriteNamingTheObject() {
        try (S3Storage storage = S3Storage.create(stub.settings("lake").prefix("p").build())) {
            storage.write(KEY, out -> out.write(1));
            BlobStorage.Condition unchanged = BlobStorage.Condition.unchangedSince(storage.readVersioned(KEY));
            storage.write(KEY, out -> out.write(2));
            assertThatThrownBy(() -> storage.write(KEY, out -> out.write(3), unchanged))
                    .isInstanceOf(ConcurrentWriteException.class)
                    .hasMessageContaining("s3://lake/p/" + KEY)
                    .hasMessageContaining("HTTP 412 PreconditionFailed")
                    .hasMessageContaining("nothing was written");
            assertThat(storage.read(KEY)).hasValueSatisfying(b -> assertThat(b).containsExactly(2));
        }
    }

    @Test
    void ofTwoRacingConditionalWritesExactlyOneWins() throws Exception {
        try (S3Storage storage = S3Storage.create(stub.settings("lake").build())) {
            storage.write(KEY, out -> out.write(0));
            BlobStorage.Condition unchanged = BlobStorage.Condition.unchangedSince(storage.readVersioned(KEY));
            stub.putGate = new CountDownLatch(2); // both PUTs reach the server before either is applied
            assertThat(BlobStorageContract.winnersOfARace(storage, KEY, unchanged, 1)).isEqualTo(1);
        }
    }

    @Test
    void aConnectionTheServerDropsIsRetried() {
        try (S3Storage storage = S3Storage.create(stub.settings("lake").build())) {
            stub.dropNext.set(1);
            storage.write(KEY, out -> out.write(new byte[] {5, 6}));
            stub.dropNext.set(1);
            assertThat(storage.read(KEY)).hasValueSatisfying(b -> assertThat(b).containsExactly(5, 6));
        }
        assertThat(stub.requests).extracting(StubS3Server.Request::method).containsExactly("PUT", "PUT", "GET", "GET");
    }

    @Test
    void aHangUpBeforeOneHundredContinueIsRetriedByTheStorage() throws Exception {
        try (HangUpServer server = new HangUpServer();
                S3Storage storage = S3Storage.create(S3Settings.builder("lake").endpoint(server.endpoint())
                        .pathStyleAccess(true).region("us-east-1").credentials("k", "s").build())) {
            server.hangUps.set(1);
            storage.write(KEY, out -> out.write(new byte[] {1, 2, 3}));
            String put = "PUT /lake/daily/symbol%3DSPY/bars.parquet HTTP/1.1";
            assertThat(server.requestLines).containsExactly(put, put);
            server.hangUps.set(10);
            assertThatThrownBy(() -> storage.write(KEY, out -> out.write(1))).isInstanceOf(DataLakeException.class)
                    .hasMessageStartingWith("cannot write s3://lake/" + KEY + " after 3 attempts: ");
        }
    }

    @Test
    void aServerThatKeepsDroppingTheConnectionIsAnErrorNamingTheObject() {
        try (S3Storage storage = S3Storage.create(stub.settings("lake").build())) {
            stub.dropNext.set(100);
            assertThatThrownBy(() -> storage.write(KEY, out -> out.write(1))).isInstanceOf(DataLakeException.class)
                    .hasMessageStartingWith("cannot write s3://lake/" + KEY);
        }
    }

    @Test
    void withConditionalWritesOffNoConditionIsSentAndTheLastWriterWins() {
        try (S3Storage storage = S3Storage.create(stub.settings("lake").conditionalWrites(false).build())) {
            storage.write(KEY, out -> out.write(1));
            BlobStorage.Condition unchanged = BlobStorage.Condition.unchangedSince(storage.readVersioned(KEY));
            storage.write(KEY, out -> out.write(2));
            storage.write(KEY, out -> out.write(3), unchanged);
            assertThat(storage.read(KEY)).hasValueSatisfying(b -> assertThat(b).containsExactly(3));
        }
        assertThat(stub.requests("PUT")).allSatisfy(r -> {
            assertThat(r.header("If-Match")).isNull();
            assertThat(r.header("If-None-Match")).isNull();
        });
    }

    @Test
    void checksumsWhenRequiredSendsAPlainPutWithoutTheSdkChecksum() {
        try (S3Storage storage = S3Storage.create(stub.settings("lake").checksums(S3Settings.Checksums.WHEN_REQUIRED)
                .build())) {
            storage.write(KEY, out -> out.write(new byte[] {1, 2, 3}));
            assertThat(storage.read(KEY)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        }
        StubS3Server.Request put = stub.requests("PUT").get(0);
        assertThat(put.header("x-amz-sdk-checksum-algorithm")).isNull();
        assertThat(put.header("x-amz-trailer")).isNull();
        assertThat(put.header("x-amz-checksum-crc32")).isNull();
        // Over plain HTTP the SDK still signs the body in aws-chunked form, but with no checksum trailer.
        assertThat(put.header("x-amz-content-sha256")).as("%s", put.headers()).doesNotContain("TRAILER");
    }

    @Test
    void checksumsWhenSupportedAddsTheSdkCrc32() {
        try (S3Storage storage = S3Storage.create(stub.settings("lake").checksums(S3Settings.Checksums.WHEN_SUPPORTED)
                .build())) {
            storage.write(KEY, out -> out.write(new byte[] {1, 2, 3}));
            assertThat(storage.read(KEY)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        }
        StubS3Server.Request put = stub.requests("PUT").get(0);
        assertThat(put.header("x-amz-sdk-checksum-algorithm")).isEqualTo("CRC32");
        assertThat(put.header("x-amz-trailer")).isEqualTo("x-amz-checksum-crc32");
        assertThat(put.header("x-amz-content-sha256")).isEqualTo("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");
    }

    @Test
    void aBucketInAnotherRegionIsFollowedWithCrossRegionAccess() {
        stub.bucketLivesIn("far", "ap-southeast-2");
        try (S3Storage storage = S3Storage.create(stub.settings("far").region("us-east-1").build())) {
            storage.write(KEY, out -> out.write(7));
            assertThat(storage.read(KEY)).hasValueSatisfying(b -> assertThat(b).containsExactly(7));
        }
        assertThat(stub.requests.get(0).signingRegion()).isEqualTo("us-east-1");
        assertThat(stub.requests).extracting(StubS3Server.Request::signingRegion).contains("ap-southeast-2");
        assertThat(stub.requests("PUT")).last().extracting(StubS3Server.Request::signingRegion)
                .isEqualTo("ap-southeast-2");
    }

    @Test
    void withoutCrossRegionAccessABucketElsewhereIsAnErrorNamingTheRedirect() {
        stub.bucketLivesIn("far", "ap-southeast-2");
        try (S3Storage storage = S3Storage.create(stub.settings("far").region("us-east-1").crossRegionAccess(false)
                .build())) {
            assertThatThrownBy(() -> storage.read(KEY)).isInstanceOf(DataLakeException.class)
                    .hasMessageContaining("s3://far/" + KEY).hasMessageContaining("301");
        }
    }
}
