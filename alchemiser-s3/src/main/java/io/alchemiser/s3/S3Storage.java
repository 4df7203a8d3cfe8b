package io.alchemiser.s3;

import io.alchemiser.s3.model.DataLakeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link BlobStorage} on an S3 bucket through the AWS SDK v2 with its JDK {@code URLConnection} HTTP client (no
 * Netty, no Apache HttpClient). Key {@code daily/symbol=SPY/bars.parquet} is the object
 * {@code s3://<bucket>/<prefix>/daily/symbol=SPY/bars.parquet}.
 *
 * <p>A write uploads the complete content with {@code PutObject} to a hidden temporary key in the same "folder"
 * ({@code .../.bars.parquet.<uuid>.tmp}), copies it server-side over the final key with {@code CopyObject}, then
 * deletes the temporary. S3 makes each {@code PutObject} and {@code CopyObject} atomic for readers: an object is
 * either the whole old or the whole new content, so the final key never holds a partial upload, and the SDK's
 * request checksum rejects a corrupted transfer before the final key is touched. A process that dies between the
 * upload and the copy leaves only the temporary, which {@link #list} ignores; a bucket lifecycle rule can expire such
 * orphans.
 */
public final class S3Storage implements BlobStorage {
    private final S3Client client;
    private final boolean ownsClient;
    private final String bucket;
    private final String prefix;

    /**
     * Storage over a client the caller owns (and closes).
     *
     * @param prefix the key prefix, without leading or trailing {@code /}; empty for the bucket root
     */
    public S3Storage(S3Client client, String bucket, String prefix) {
        this(client, false, new S3Settings(bucket, prefix, "us-east-1", null, false, null, null));
    }

    private S3Storage(S3Client client, boolean ownsClient, S3Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
    }

    /** Storage with its own client built from {@code settings}; {@link #close()} closes the client. */
    public static S3Storage create(S3Settings settings) {
        return new S3Storage(newClient(settings), true, settings);
    }

    /** An S3 client for {@code settings}: URLConnection HTTP, the settings' region, endpoint, style and credentials. */
    public static S3Client newClient(S3Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKeyId() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyleAccess())
                .credentialsProvider(credentials);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    @Override
    public Optional<byte[]> read(String key) {
        String objectKey = objectKey(key);
        try {
            return Optional.of(client.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", objectKey, e);
        }
    }

    @Override
    public void write(String key, Content content) {
        String objectKey = objectKey(key);
        byte[] bytes;
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
            content.writeTo(buffer);
            bytes = buffer.toByteArray();
        } catch (IOException e) {
            throw new DataLakeException("cannot write " + uri(objectKey) + ": " + e, e);
        }
        String temporary = temporaryKey(objectKey);
        try {
            upload(temporary, bytes);
            replace(temporary, objectKey);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private void upload(String temporary, byte[] bytes) {
        try {
            client.putObject(b -> b.bucket(bucket).key(temporary).contentType("application/vnd.apache.parquet"),
                    RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw failure("upload", temporary, e);
        }
    }

    private void replace(String temporary, String objectKey) {
        try {
            client.copyObject(b -> b.sourceBucket(bucket).sourceKey(temporary)
                    .destinationBucket(bucket).destinationKey(objectKey));
        } catch (SdkException e) {
            throw failure("replace", objectKey, e);
        }
    }

    @Override
    public List<String> list(String keyPrefix) {
        Objects.requireNonNull(keyPrefix, "prefix");
        String listed = prefix.isEmpty() ? keyPrefix : prefix + "/" + keyPrefix;
        int strip = prefix.isEmpty() ? 0 : prefix.length() + 1;
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(listed)).contents()) {
                String key = object.key().substring(strip);
                if (!isTemporary(key)) {
                    keys.add(key);
                }
            }
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

    private static String temporaryKey(String objectKey) {
        int slash = objectKey.lastIndexOf('/');
        return objectKey.substring(0, slash + 1) + "." + objectKey.substring(slash + 1) + "." + UUID.randomUUID()
                + ".tmp";
    }

    private static boolean isTemporary(String key) {
        for (String segment : key.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        return false;
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

    private void deleteQuietly(String temporary) {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(temporary));
        } catch (SdkException e) {
            // An orphaned temporary is hidden from list() and never shadows the final key.
        }
    }
}
