package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.alchemiser.s3.internal.AwsChains;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * The region and credential chains of {@link AwsChains}, driven through the SDK's own inputs: system properties
 * (which the SDK reads before the matching environment variables), and temporary AWS config and credentials files.
 * No network: the instance metadata service is disabled for the module's tests (see the pom), and the role and
 * web-identity paths talk to {@link StubStsServer} on loopback through {@code aws.endpointUrlSts}.
 */
class AwsChainsTest {
    private static final String[] PROPERTIES = {"aws.region", "aws.configFile", "aws.sharedCredentialsFile",
        "aws.profile", "aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken", "aws.webIdentityTokenFile",
        "aws.roleArn", "aws.roleSessionName", "aws.endpointUrlSts"};
    private final Map<String, String> saved = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void isolateFromTheMachine() throws Exception {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null
                && System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_PROFILE") == null
                && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null,
                "AWS variables in the environment would take part in the chains");
        for (String p : PROPERTIES) {
            saved.put(p, System.getProperty(p));
            System.clearProperty(p);
        }
        // Empty files instead of ~/.aws, so the machine's own profiles never take part.
        System.setProperty("aws.configFile", Files.writeString(dir.resolve("config"), "").toString());
        System.setProperty("aws.sharedCredentialsFile", Files.writeString(dir.resolve("credentials"), "").toString());
    }

    @AfterEach
    void restore() {
        saved.forEach((p, v) -> {
            if (v == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, v);
            }
        });
    }

    @Test
    void theImdsIsDisabledForTheseTests() {
        assertThat(System.getProperty("aws.disableEc2Metadata")).isEqualTo("true");
    }

    @Test
    void anExplicitRegionWinsOverTheChain() {
        System.setProperty("aws.region", "eu-west-2");
        assertThat(regionOf(S3Settings.builder("b").region("ca-central-1").build()))
                .isEqualTo(new AwsChains.ResolvedRegion(Region.CA_CENTRAL_1, "the settings"));
    }

    @Test
    void withoutARegionTheSdkChainsSystemPropertyOrEnvironmentIsUsed() {
        System.setProperty("aws.region", "eu-west-2");
        AwsChains.ResolvedRegion r = regionOf(S3Settings.builder("b").build());
        assertThat(r.region()).isEqualTo(Region.EU_WEST_2);
        assertThat(r.source()).isEqualTo("the AWS SDK region chain");
    }

    @Test
    void theRegionOfTheDefaultProfileIsUsed() throws Exception {
        Files.writeString(dir.resolve("config"), "[default]\nregion = eu-central-1\n");
        assertThat(regionOf(S3Settings.builder("b").build()).region()).isEqualTo(Region.EU_CENTRAL_1);
    }

    @Test
    void theRegionOfANamedProfileIsUsed() throws Exception {
        Files.writeString(dir.resolve("config"),
                "[default]\nregion = eu-central-1\n\n[profile lake]\nregion = ap-southeast-2\n");
        assertThat(regionOf(S3Settings.builder("b").profile("lake").build()).region())
                .isEqualTo(Region.AP_SOUTHEAST_2);
    }

    @Test
    void withNoRegionAnywhereTheFallbackIsUsEast1AndSaysSo() {
        AwsChains.ResolvedRegion r = regionOf(S3Settings.builder("b").build());
        assertThat(r.region()).isEqualTo(Region.US_EAST_1);
        assertThat(r.source()).startsWith("no region configured").endsWith("using us-east-1");
    }

    @Test
    void staticKeysWinOverTheChain() {
        System.setProperty("aws.accessKeyId", "from-chain");
        System.setProperty("aws.secretAccessKey", "chain-secret");
        AwsCredentials c = credentialsOf(S3Settings.builder("b").credentials("static", "s3cret").build())
                .resolveCredentials();
        assertThat(c.accessKeyId()).isEqualTo("static");
        assertThat(c.secretAccessKey()).isEqualTo("s3cret");
    }

    @Test
    void theDefaultChainReadsSystemPropertiesAsItReadsTheEnvironment() {
        System.setProperty("aws.accessKeyId", "from-chain");
        System.setProperty("aws.secretAccessKey", "chain-secret");
        assertThat(credentialsOf(S3Settings.builder("b").build()).resolveCredentials().accessKeyId())
                .isEqualTo("from-chain");
    }

    @Test
    void theDefaultChainReadsTheDefaultProfile() throws Exception {
        Files.writeString(dir.resolve("credentials"),
                "[default]\naws_access_key_id = default-key\naws_secret_access_key = default-secret\n");
        assertThat(credentialsOf(S3Settings.builder("b").build()).resolveCredentials().accessKeyId())
                .isEqualTo("default-key");
    }

    @Test
    void aNamedProfileOverridesTheChain() throws Exception {
        System.setProperty("aws.accessKeyId", "from-chain");
        System.setProperty("aws.secretAccessKey", "chain-secret");
        Files.writeString(dir.resolve("credentials"), "[default]\naws_access_key_id = default-key\n"
                + "aws_secret_access_key = default-secret\n\n[lake]\naws_access_key_id = lake-key\n"
                + "aws_secret_access_key = lake-secret\n");
        AwsCredentials c = credentialsOf(S3Settings.builder("b").profile("lake").build()).resolveCredentials();
        assertThat(c.accessKeyId()).isEqualTo("lake-key");
        assertThat(c.secretAccessKey()).isEqualTo("lake-secret");
    }

    @Test
    void webIdentityAsEksSetsItUpAssumesTheRoleThroughSts() throws Exception {
        try (StubStsServer sts = new StubStsServer("ASIAWEBIDENTITY", "web-secret")) {
            Path token = Files.writeString(dir.resolve("token"), "eyJ.pod-token.sig");
            System.setProperty("aws.region", "us-east-1");
            System.setProperty("aws.endpointUrlSts", sts.endpoint().toString());
            System.setProperty("aws.webIdentityTokenFile", token.toString());
            System.setProperty("aws.roleArn", "arn:aws:iam::123456789012:role/lake-reader");
            System.setProperty("aws.roleSessionName", "alchemiser");
            AwsCredentials c = credentialsOf(S3Settings.builder("b").build()).resolveCredentials();
            assertThat(c.accessKeyId()).isEqualTo("ASIAWEBIDENTITY");
            assertThat(c).isInstanceOf(AwsSessionCredentials.class);
            assertThat(sts.calls).singleElement().satisfies(call -> {
                assertThat(call).containsEntry("Action", "AssumeRoleWithWebIdentity")
                        .containsEntry("RoleArn", "arn:aws:iam::123456789012:role/lake-reader")
                        .containsEntry("WebIdentityToken", "eyJ.pod-token.sig");
            });
        }
    }

    @Test
    void aRoleArnProfileAssumesTheRoleWithItsSourceProfile() throws Exception {
        try (StubStsServer sts = new StubStsServer("ASIAROLE", "role-secret")) {
            System.setProperty("aws.endpointUrlSts", sts.endpoint().toString());
            Files.writeString(dir.resolve("config"), "[profile lake]\nrole_arn = arn:aws:iam::123456789012:role/lake\n"
                    + "source_profile = base\nregion = us-east-1\n\n[profile base]\nregion = us-east-1\n");
            Files.writeString(dir.resolve("credentials"),
                    "[base]\naws_access_key_id = base-key\naws_secret_access_key = base-secret\n");
            AwsCredentials c = credentialsOf(S3Settings.builder("b").profile("lake").build())
                    .resolveCredentials();
            assertThat(c.accessKeyId()).isEqualTo("ASIAROLE");
            assertThat(sts.calls).singleElement().satisfies(call -> assertThat(call)
                    .containsEntry("Action", "AssumeRole")
                    .containsEntry("RoleArn", "arn:aws:iam::123456789012:role/lake"));
        }
    }

    @Test
    void aClientWithNoRegionOrKeysInItsSettingsReachesS3proxyThroughTheProfile() throws Exception {
        S3ProxyServer s3 = S3ProxyServer.shared();
        String bucket = s3.newBucket();
        Files.writeString(dir.resolve("config"), "[profile lake]\nregion = eu-west-3\n");
        Files.writeString(dir.resolve("credentials"), "[lake]\naws_access_key_id = " + S3ProxyServer.ACCESS_KEY
                + "\naws_secret_access_key = " + S3ProxyServer.SECRET_KEY + "\n");
        S3Settings settings = S3Settings.builder(bucket).prefix("lake").endpoint(s3.endpoint()).pathStyleAccess(true)
                .profile("lake").build();
        assertThat(regionOf(settings).region()).isEqualTo(Region.EU_WEST_3);
        try (S3Storage storage = S3Storage.create(settings)) {
            storage.write("daily/symbol=SPY/bars.parquet", out -> out.write(new byte[] {4, 2}));
            assertThat(storage.read("daily/symbol=SPY/bars.parquet"))
                    .hasValueSatisfying(b -> assertThat(b).containsExactly(4, 2));
        }
    }

    /**
     * The S3 client signs with the role's temporary credentials and sends its session token. (s3proxy answers 501
     * to any {@code x-amz-security-token}, so this runs against the S3 stub, which records the headers.)
     */
    @Test
    void anS3ClientOnARoleProfileSignsWithTheAssumedRolesCredentials() throws Exception {
        try (StubStsServer sts = new StubStsServer("ASIAROLE", "role-secret"); StubS3Server s3 = new StubS3Server()) {
            System.setProperty("aws.endpointUrlSts", sts.endpoint().toString());
            Files.writeString(dir.resolve("config"), "[profile lake]\nrole_arn = arn:aws:iam::123456789012:role/lake\n"
                    + "source_profile = base\nregion = eu-west-1\n\n[profile base]\nregion = eu-west-1\n");
            Files.writeString(dir.resolve("credentials"),
                    "[base]\naws_access_key_id = base-key\naws_secret_access_key = base-secret\n");
            S3Settings settings = S3Settings.builder("lake").endpoint(s3.endpoint()).pathStyleAccess(true)
                    .profile("lake").build();
            try (S3Storage storage = S3Storage.create(settings)) {
                storage.write("daily/symbol=SPY/bars.parquet", out -> out.write(new byte[] {4, 2}));
            }
            StubS3Server.Request put = s3.requests("PUT").get(0);
            assertThat(put.header("Authorization")).contains("Credential=ASIAROLE/").contains("/eu-west-1/s3/");
            assertThat(put.header("x-amz-security-token")).isEqualTo("stub-session-token");
        }
    }

    @Test
    void anSsoProfileIsHandledByTheSsoModulesNotRefusedForAMissingModule() throws Exception {
        Files.writeString(dir.resolve("config"), "[profile sso-lake]\nsso_session = corp\n"
                + "sso_account_id = 123456789012\nsso_role_name = LakeReader\nregion = us-east-1\n\n"
                + "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n");
        assertThatThrownBy(() -> credentialsOf(S3Settings.builder("b").profile("sso-lake").build())
                .resolveCredentials())
                .satisfies(e -> assertThat(messages(e)).doesNotContain("must be on the class path")
                        .containsIgnoringCase("token"));
    }

    private static AwsChains.ResolvedRegion regionOf(S3Settings s) {
        return AwsChains.region(s.region(), s.profile());
    }

    private static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentialsOf(S3Settings s) {
        return AwsChains.credentials(s.accessKeyId(), s.secretAccessKey(), s.profile());
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
