package io.alchemiser.s3.internal;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The region and credentials an S3 client uses: what the settings ({@code io.alchemiser.s3.S3Settings}) say
 * explicitly, else the AWS SDK's own provider chains, exactly as the AWS CLI and other SDK clients on the machine
 * resolve them. Takes the settings' fields, not the settings, so this package depends on nothing above it.
 */
public final class AwsChains {
    /** The region used when neither the settings nor the SDK's region chain name one. */
    public static final Region FALLBACK_REGION = Region.US_EAST_1;

    private AwsChains() {
    }

    /** A region and where it came from, for the log line a client writes when it is built. */
    public record ResolvedRegion(Region region, String source) {
    }

    /**
     * The settings' region; else the SDK's region chain ({@code aws.region} system property, {@code AWS_REGION},
     * the profile's {@code region} — the settings' profile or {@code AWS_PROFILE}/{@code default} — then the EC2
     * instance metadata service); else {@link #FALLBACK_REGION}, which cross-region access makes work for a bucket
     * anywhere, and which S3-compatible stores accept as the signing region.
     */
    public static ResolvedRegion region(String region, String profile) {
        if (region != null) {
            return new ResolvedRegion(Region.of(region), "the settings");
        }
        DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
        if (profile != null) {
            chain.profileName(profile);
        }
        try {
            return new ResolvedRegion(chain.build().getRegion(), "the AWS SDK region chain");
        } catch (SdkClientException e) {
            return new ResolvedRegion(FALLBACK_REGION, "no region configured (" + firstLine(e.getMessage())
                    + "); using " + FALLBACK_REGION.id());
        }
    }

    /**
     * Static keys from the settings; else the settings' profile (which may hold static keys, {@code role_arn} with a
     * source profile or a web identity token file, {@code credential_process}, or SSO); else the SDK's default
     * credential chain. The profile and web-identity paths need the {@code sts}, {@code sso} and {@code ssooidc}
     * modules at runtime, which this module ships.
     */
    public static AwsCredentialsProvider credentials(String accessKeyId, String secretAccessKey, String profile) {
        if (accessKeyId != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        }
        if (profile != null) {
            return ProfileCredentialsProvider.builder().profileName(profile).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
