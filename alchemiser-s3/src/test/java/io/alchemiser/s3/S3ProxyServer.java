package io.alchemiser.s3;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: s3proxy embedded on a random loopback port, signing with AWS v4, storing
 * objects in memory (or in a directory, for the benchmark). The module's {@link S3Storage} talks to it over HTTP
 * exactly as it would to AWS or MinIO.
 */
final class S3ProxyServer implements AutoCloseable {
    static final String ACCESS_KEY = "alchemiser-test";
    static final String SECRET_KEY = "alchemiser-test-secret";
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3ProxyServer shared;

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client client;

    private S3ProxyServer(BlobStore blobStore) throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        client = S3Storage.newClient(settings("unused", ""));
    }

    /** A server keeping objects in memory. */
    static S3ProxyServer inMemory() throws Exception {
        return new S3ProxyServer(new TransientNio2BlobStore());
    }

    /**
     * One in-memory server for every test class of the JVM (starting s3proxy takes seconds), stopped when the JVM
     * exits. Tests isolate themselves with {@link #newBucket()}.
     */
    static synchronized S3ProxyServer shared() throws Exception {
        if (shared == null) {
            S3ProxyServer server = inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
            }, "s3proxy-stop"));
            shared = server;
        }
        return shared;
    }

    /** A server over any s3proxy blob store (the benchmark uses a directory). */
    static S3ProxyServer over(BlobStore blobStore) throws Exception {
        return new S3ProxyServer(blobStore);
    }

    /** Creates a fresh bucket and returns its name. */
    String newBucket() {
        String bucket = "lake-" + BUCKETS.incrementAndGet();
        client.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** Settings a user would write for this server: endpoint override, path-style access, static keys. */
    S3Settings settings(String bucket, String prefix) {
        return S3Settings.builder(bucket)
                .prefix(prefix)
                .region("us-east-1")
                .endpoint(endpoint)
                .pathStyleAccess(true)
                .credentials(ACCESS_KEY, SECRET_KEY)
                .build();
    }

    /** A raw SDK client on this server, for assertions on what is stored. */
    S3Client client() {
        return client;
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        client.close();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop s3proxy", e);
        }
    }
}
