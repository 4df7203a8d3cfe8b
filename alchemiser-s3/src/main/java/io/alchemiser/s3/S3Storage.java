package io.alchemiser.s3;

import io.alchemiser.s3.internal.AwsChains;
import io.alchemiser.s3.model.ConcurrentWriteException;
import io.alchemiser.s3.model.DataLakeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link BlobStorage} on an S3 bucket through the AWS SDK v2 with its JDK {@code URLConnection} HTTP client (no
 * Netty, no Apache HttpClient). Key {@code daily/symbol=SPY/bars.parquet} is the object
 * {@code s3://<bucket>/<prefix>/daily/symbol=SPY/bars.parquet}.
 *
 * <p><b>Writes</b> are one {@code PutObject} of the complete content: S3 makes a single PUT atomic for readers (an
 * object is wholly old or wholly new, never partial), so no temporary key, copy or delete is needed, nothing is left
 * behind by a crash, and a versioned bucket gets exactly one new version per write. A conditional write sends
 * {@code If-Match: <ETag read>} (replace) or {@code If-None-Match: *} (create); S3 answers 412 Precondition Failed
 * (or 409 ConditionalRequestConflict for a racing conditional write) when another writer got there first, which
 * becomes a {@link ConcurrentWriteException} naming the object. With {@link S3Settings#conditionalWrites()} off,
 * conditions are not sent and the last writer wins. Keys with a segment starting with {@code .} (temporaries of
 * the earlier copy-based scheme) are never listed.
 *
 * <p><b>Reads</b> return the object with its ETag as the version.
 */
public final class S3Storage implements BlobStorage {
    private static final Logger LOG = LoggerFactory.getLogger(S3Storage.class);
    private static final int TRANSPORT_ATTEMPTS = 3;
    private final S3Client client;
    private final boolean ownsClient;
    private final String bucket;
    private final String prefix;
    private final boolean conditionalWrites;

    /**
     * Storage over a client the caller owns (and closes), with conditional writes.
     *
     * @param prefix the key prefix, without leading or trailing {@code /}; empty for the bucket root
     */
    public S3Storage(S3Client client, String bucket, String prefix) {
        this(client, false, S3Settings.builder(bucket).prefix(prefix).build());
    }

    private S3Storage(S3Client client, boolean ownsClient, S3Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
        this.conditionalWrites = settings.conditionalWrites();
    }

    /** Storage with its own client built from {@code settings}; {@link #close()} closes the client. */
    public static S3Storage create(S3Settings settings) {
        return new S3Storage(newClient(settings), true, settings);
    }

    /**
     * An S3 client for {@code settings}: URLConnection HTTP (10 s connect, 60 s socket timeouts); the region and
     * credentials of {@link AwsChains}; cross-region access as set; the checksum mode when set (else the SDK's
     * configuration); the endpoint override and path style when set.
     */
    public static S3Client newClient(S3Settings settings) {
        AwsChains.ResolvedRegion region = AwsChains.region(settings.region(), settings.profile());
        LOG.debug("S3 client for s3://{}/{} in region {} from {}", settings.bucket(), settings.prefix(),
                region.region().id(), region.source());
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(region.region())
                .crossRegionAccessEnabled(settings.crossRegionAccess())
                .forcePathStyle(settings.pathStyleAccess())
                .credentialsProvider(AwsChains.credentials(settings.accessKeyId(), settings.secretAccessKey(),
                        settings.profile()));
        if (settings.checksums() != null) {
            boolean required = settings.checksums() == S3Settings.Checksums.WHEN_REQUIRED;
            builder.requestChecksumCalculation(required ? RequestChecksumCalculation.WHEN_REQUIRED
                    : RequestChecksumCalculation.WHEN_SUPPORTED);
            builder.responseChecksumValidation(required ? ResponseChecksumValidation.WHEN_REQUIRED
                    : ResponseChecksumValidation.WHEN_SUPPORTED);
        }
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    @Override
    public Optional<Versioned> readVersioned(String key) {
        String objectKey = objectKey(key);
        try {
            ResponseBytes<GetObjectResponse> object = transport("read", objectKey,
                    () -> client.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey)));
            String etag = object.response().eTag();
            if (etag == null) {
                throw new DataLakeException("cannot read " + uri(objectKey) + ": the store sent no ETag");
            }
            return Optional.of(new Versioned(object.asByteArray(), etag));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", objectKey, e);
        }
    }

    @Override
    public void write(String key, Content content, Condition condition) {
        Objects.requireNonNull(condition, "condition");
        String objectKey = objectKey(key);
        byte[] bytes;
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
            content.writeTo(buffer);
            bytes = buffer.toByteArray();
        } catch (IOException e) {
            throw new DataLakeException("cannot write " + uri(objectKey) + ": " + e, e);
        }
        boolean conditional = conditionalWrites && !condition.isNone();
        try {
            transport("write", objectKey, () -> client.putObject(b -> {
                b.bucket(bucket).key(objectKey).contentType("application/vnd.apache.parquet");
                if (conditional && condition.requiresAbsent()) {
                    b.ifNoneMatch("*");
                }
                if (conditional) {
                    condition.expectedVersion().ifPresent(b::ifMatch);
                }
            }, RequestBody.fromBytes(bytes)));
        } catch (S3Exception e) {
            if (conditional && (e.statusCode() == 412 || e.statusCode() == 409)) {
                throw new ConcurrentWriteException("cannot write " + uri(objectKey) + ": another writer "
                        + (condition.requiresAbsent() ? "created it since it was found missing"
                                : "changed it since it was read")
                        + " (HTTP " + e.statusCode() + " " + errorCode(e) + "); nothing was written (read it again "
                        + "and redo the change)", e);
            }
            if (conditional && e.statusCode() == 501) {
                throw new DataLakeException("cannot write " + uri(objectKey) + ": the store does not support "
                        + "conditional writes (HTTP 501 " + errorCode(e) + "); turn conditionalWrites off for it", e);
            }
            throw failure("write", objectKey, e);
        } catch (SdkException e) {
            throw failure("write", objectKey, e);
        }
    }

    @Override
    public List<String> list(String keyPrefix) {
        Objects.requireNonNull(keyPrefix, "prefix");
        String listed = prefix.isEmpty() ? keyPrefix : prefix + "/" + keyPrefix;
        int strip = prefix.isEmpty() ? 0 : prefix.length() + 1;
        List<String> keys;
        try {
            keys = transport("list", listed, () -> {
                List<String> found = new ArrayList<>();
                for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(listed)).contents()) {
                    String key = object.key().substring(strip);
                    if (!isTemporary(key)) {
                        found.add(key);
                    }
                }
                return found;
            });
        } catch (SdkException e) {
            throw failure("list", listed, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public String locate(String key) {
        return uri(objectKey(key));
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "S3Storage[" + uri(prefix) + "]";
    }

    private String objectKey(String key) {
        BlobStorage.requireValidKey(key);
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    private static boolean isTemporary(String key) {
        for (String segment : key.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs one SDK call, repeating it (up to {@value #TRANSPORT_ATTEMPTS} attempts in all) when the JDK
     * {@code URLConnection} client fails below the SDK with an {@link UncheckedIOException} — e.g. "Unexpected end of
     * file from server" on a keep-alive connection the server closed — which the SDK's retry policy does not see.
     * Every call here is safe to repeat: reads and lists are, an unconditional PUT rewrites the same bytes, and a
     * conditional PUT whose first attempt did land fails its repeat with 412 (reported as a concurrent write;
     * nothing wrong is stored).
     */
    private <T> T transport(String action, String objectKey, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (UncheckedIOException e) {
                if (attempt == TRANSPORT_ATTEMPTS) {
                    throw new DataLakeException("cannot " + action + " " + uri(objectKey) + " after " + attempt
                            + " attempts: " + e.getCause(), e);
                }
            }
        }
    }

    private String uri(String objectKey) {
        return "s3://" + bucket + "/" + objectKey;
    }

    private DataLakeException failure(String action, String objectKey, SdkException e) {
        String detail = e instanceof S3Exception
                ? "HTTP " + ((S3Exception) e).statusCode() + " " + errorCode((S3Exception) e)
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new DataLakeException("cannot " + action + " " + uri(objectKey) + ": " + detail, e);
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode() + " ("
                + e.awsErrorDetails().errorMessage() + ")";
    }
}
