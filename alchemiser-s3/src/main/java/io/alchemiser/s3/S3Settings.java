package io.alchemiser.s3;

import java.net.URI;

/**
 * Where and how to reach the S3 bucket of the data lake. Works with AWS S3 and with S3-compatible stores (MinIO,
 * Ceph RGW, Cloudflare R2, Google Cloud Storage's XML API, s3proxy) through {@link Builder#endpoint(URI)},
 * {@link Builder#pathStyleAccess(boolean)} and {@link Builder#checksums(Checksums)}.
 *
 * <p>Everything left unset comes from the AWS SDK's own configuration, as the AWS CLI would see it: the region from
 * {@code aws.region} / {@code AWS_REGION}, the profile's {@code region}, then the instance metadata service; the
 * credentials from the default chain (system properties, {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY},
 * web identity ({@code AWS_WEB_IDENTITY_TOKEN_FILE} + {@code AWS_ROLE_ARN}, as EKS/IRSA sets), the profile named by
 * {@code AWS_PROFILE} or {@code default} (static keys, {@code role_arn}, {@code credential_process}, SSO), the ECS
 * container endpoint, the EC2 instance role); checksums from {@code AWS_REQUEST_CHECKSUM_CALCULATION} /
 * {@code request_checksum_calculation}. Every setting given here overrides its source.
 *
 * @param bucket the bucket name
 * @param prefix the key prefix the lake lives under, without leading or trailing {@code /}; empty for the bucket root
 * @param region the signing region, or {@code null} for the SDK's region chain (falling back to {@code us-east-1}
 *     when the chain finds none; see {@link S3Storage#newClient})
 * @param endpoint an endpoint override such as {@code http://localhost:9000}, or {@code null} for AWS
 * @param pathStyleAccess {@code true} for {@code http://host/bucket/key} URLs (MinIO, s3proxy), {@code false} for
 *     virtual-hosted {@code http://bucket.host/key} URLs (AWS)
 * @param accessKeyId a static access key, or {@code null} for {@code profile} or the default credential chain
 * @param secretAccessKey the secret for {@code accessKeyId}; never printed by {@link #toString()}
 * @param profile a named profile of {@code ~/.aws/config} / {@code ~/.aws/credentials} for credentials and region,
 *     or {@code null} for the SDK default ({@code AWS_PROFILE}, else {@code default})
 * @param checksums when the SDK adds checksums to requests and validates them on responses, or {@code null} for the
 *     SDK's configuration (default {@link Checksums#WHEN_SUPPORTED})
 * @param crossRegionAccess whether a bucket in another region than the client's is followed (the SDK retries the
 *     request in the bucket's region after S3's 301 redirect) instead of failing
 * @param conditionalWrites whether a replace sends {@code If-Match}/{@code If-None-Match} so a concurrent writer is
 *     detected; turn off only for a store that rejects conditional PUTs (then the last writer wins)
 */
public record S3Settings(String bucket, String prefix, String region, URI endpoint, boolean pathStyleAccess,
        String accessKeyId, String secretAccessKey, String profile, Checksums checksums, boolean crossRegionAccess,
        boolean conditionalWrites) {

    /**
     * The SDK's request checksum calculation and response checksum validation (both set together). Since AWS SDK for
     * Java 2.30 the default adds a CRC32 checksum (as an {@code aws-chunked} trailer) to every upload; some
     * S3-compatible stores reject those requests, and need {@link #WHEN_REQUIRED}.
     */
    public enum Checksums {
        /** Checksum every request that supports one and validate every response that carries one (AWS default). */
        WHEN_SUPPORTED,
        /** Only where the operation requires a checksum: plain {@code PutObject} requests, as before SDK 2.30. */
        WHEN_REQUIRED
    }

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
        if (region != null && region.isBlank()) {
            region = null;
        }
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new IllegalArgumentException("give both an access key id and a secret access key, or neither");
        }
        if (profile != null && profile.isBlank()) {
            profile = null;
        }
        if (profile != null && accessKeyId != null) {
            throw new IllegalArgumentException("give static keys or a profile, not both (profile '" + profile + "')");
        }
    }

    /**
     * Settings for {@code bucket} with no prefix, the AWS endpoint, the SDK's region chain, credential chain and
     * checksum setting, cross-region access and conditional writes on.
     */
    public static Builder builder(String bucket) {
        return new Builder(bucket);
    }

    /** The full object key for a storage key: {@code prefix/key}. */
    public String objectKey(String key) {
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    @Override
    public String toString() {
        return "S3Settings[bucket=" + bucket + ", prefix=" + prefix + ", region="
                + (region == null ? "SDK chain" : region) + ", endpoint=" + (endpoint == null ? "AWS" : endpoint)
                + ", pathStyleAccess=" + pathStyleAccess + ", credentials="
                + (accessKeyId != null ? "static key " + accessKeyId
                        : profile != null ? "profile " + profile : "default chain")
                + ", checksums=" + (checksums == null ? "SDK setting" : checksums) + ", crossRegionAccess="
                + crossRegionAccess + ", conditionalWrites=" + conditionalWrites + "]";
    }

    /** Builds {@link S3Settings}. */
    public static final class Builder {
        private final String bucket;
        private String prefix = "";
        private String region;
        private URI endpoint;
        private boolean pathStyleAccess;
        private String accessKeyId;
        private String secretAccessKey;
        private String profile;
        private Checksums checksums;
        private boolean crossRegionAccess = true;
        private boolean conditionalWrites = true;

        private Builder(String bucket) {
            this.bucket = bucket;
        }

        /** Key prefix the lake lives under, e.g. {@code alchemiser/lake}; {@code null} or empty for the bucket root. */
        public Builder prefix(String prefix) {
            this.prefix = prefix == null ? "" : prefix;
            return this;
        }

        /** The signing region; {@code null} (the default) asks the SDK's region chain. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Endpoint override for S3-compatible stores, e.g. {@code http://127.0.0.1:9000} for a local MinIO. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** Path-style URLs ({@code host/bucket/key}), which MinIO and s3proxy need. */
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

        /** A named profile of the AWS config and credentials files (static keys, role_arn, SSO, credential_process). */
        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        /** Checksum behaviour; {@link Checksums#WHEN_REQUIRED} for Cloudflare R2, Google Cloud Storage, older Ceph. */
        public Builder checksums(Checksums checksums) {
            this.checksums = checksums;
            return this;
        }

        /** Follow a bucket in another region (default on). */
        public Builder crossRegionAccess(boolean crossRegionAccess) {
            this.crossRegionAccess = crossRegionAccess;
            return this;
        }

        /** Send {@code If-Match}/{@code If-None-Match} on replace (default on). */
        public Builder conditionalWrites(boolean conditionalWrites) {
            this.conditionalWrites = conditionalWrites;
            return this;
        }

        public S3Settings build() {
            return new S3Settings(bucket, prefix, region, endpoint, pathStyleAccess, accessKeyId, secretAccessKey,
                    profile, checksums, crossRegionAccess, conditionalWrites);
        }
    }
}
