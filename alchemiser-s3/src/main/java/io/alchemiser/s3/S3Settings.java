package io.alchemiser.s3;

import java.net.URI;

/**
 * Where and how to reach the S3 bucket of the data lake. Works with AWS S3 and with S3-compatible stores (MinIO,
 * Ceph, Cloudflare R2, s3proxy) through {@link Builder#endpoint(URI)} and {@link Builder#pathStyleAccess(boolean)}.
 *
 * @param bucket the bucket name
 * @param prefix the key prefix the lake lives under, without leading or trailing {@code /}; empty for the bucket root
 * @param region the signing region ({@code us-east-1} suits MinIO and most S3-compatible stores)
 * @param endpoint an endpoint override such as {@code http://localhost:9000}, or {@code null} for AWS
 * @param pathStyleAccess {@code true} for {@code http://host/bucket/key} URLs (MinIO, s3proxy), {@code false} for
 *     virtual-hosted {@code http://bucket.host/key} URLs (AWS)
 * @param accessKeyId a static access key, or {@code null} to use the AWS default credential chain (environment,
 *     profile, container or instance role)
 * @param secretAccessKey the secret for {@code accessKeyId}; never printed by {@link #toString()}
 */
public record S3Settings(String bucket, String prefix, String region, URI endpoint, boolean pathStyleAccess,
        String accessKeyId, String secretAccessKey) {

    public S3Settings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("S3 bucket is required");
        }
        prefix = prefix == null ? "" : prefix;
        if (prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("S3 prefix '" + prefix + "' must not start or end with '/'");
        }
        if (!prefix.isEmpty()) {
            BlobStorage.requireValidKey(prefix);
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("S3 region is required (use us-east-1 for MinIO)");
        }
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new IllegalArgumentException("give both an access key id and a secret access key, or neither");
        }
    }

    /** Settings for {@code bucket} with no prefix, region {@code us-east-1}, the AWS endpoint and credential chain. */
    public static Builder builder(String bucket) {
        return new Builder(bucket);
    }

    /** The full object key for a storage key: {@code prefix/key}. */
    public String objectKey(String key) {
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    @Override
    public String toString() {
        return "S3Settings[bucket=" + bucket + ", prefix=" + prefix + ", region=" + region + ", endpoint="
                + (endpoint == null ? "AWS" : endpoint) + ", pathStyleAccess=" + pathStyleAccess + ", credentials="
                + (accessKeyId == null ? "default chain" : "static key " + accessKeyId) + "]";
    }

    /** Builds {@link S3Settings}. */
    public static final class Builder {
        private final String bucket;
        private String prefix = "";
        private String region = "us-east-1";
        private URI endpoint;
        private boolean pathStyleAccess;
        private String accessKeyId;
        private String secretAccessKey;

        private Builder(String bucket) {
            this.bucket = bucket;
        }

        /** Key prefix the lake lives under, e.g. {@code alchemiser/lake}; {@code null} or empty for the bucket root. */
        public Builder prefix(String prefix) {
            this.prefix = prefix == null ? "" : prefix;
            return this;
        }

        /** The signing region; {@code null} keeps the default {@code us-east-1}. */
        public Builder region(String region) {
            this.region = region == null ? "us-east-1" : region;
            return this;
        }

        /** Endpoint override for S3-compatible stores, e.g. {@code http://127.0.0.1:9000} for a local MinIO. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder pathStyleAccess(boolean pathStyleAccess) {
            this.pathStyleAccess = pathStyleAccess;
            return this;
        }

        /** Static credentials instead of the AWS default chain. */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
            return this;
        }

        public S3Settings build() {
            return new S3Settings(bucket, prefix, region, endpoint, pathStyleAccess, accessKeyId, secretAccessKey);
        }
    }
}
