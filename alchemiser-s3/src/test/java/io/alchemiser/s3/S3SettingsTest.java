package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

    @Test
    void defaultsLeaveRegionCredentialsAndChecksumsToTheSdkChains() {
        S3Settings s = S3Settings.builder("bucket").prefix(null).region(null).build();
        assertThat(s.prefix()).isEmpty();
        assertThat(s.region()).as("the SDK region chain decides").isNull();
        assertThat(s.endpoint()).isNull();
        assertThat(s.pathStyleAccess()).isFalse();
        assertThat(s.accessKeyId()).isNull();
        assertThat(s.profile()).isNull();
        assertThat(s.checksums()).as("the SDK's checksum setting decides").isNull();
        assertThat(s.crossRegionAccess()).isTrue();
        assertThat(s.conditionalWrites()).isTrue();
        assertThat(s.objectKey("daily/symbol=SPY/bars.parquet")).isEqualTo("daily/symbol=SPY/bars.parquet");
        assertThat(s.toString()).contains("region=SDK chain").contains("credentials=default chain")
                .contains("checksums=SDK setting");
        assertThat(S3Settings.builder("bucket").region(" ").profile(" ").build())
                .as("blank means unset").extracting(S3Settings::region, S3Settings::profile).containsOnlyNulls();
    }

    @Test
    void aProfileAndAnR2StyleConfiguration() {
        S3Settings s = S3Settings.builder("lake").profile("r2").region("auto")
                .endpoint(URI.create("https://acct.r2.cloudflarestorage.com"))
                .checksums(S3Settings.Checksums.WHEN_REQUIRED).build();
        assertThat(s.toString()).contains("credentials=profile r2").contains("checksums=WHEN_REQUIRED")
                .contains("region=auto");
    }

    @Test
    void aMinioStyleConfiguration() {
        S3Settings s = S3Settings.builder("lake").prefix("prod/bars").endpoint(URI.create("http://127.0.0.1:9000"))
                .pathStyleAccess(true).credentials("minio", "minio-secret").build();
        assertThat(s.objectKey("daily/symbol=SPY/bars.parquet")).isEqualTo("prod/bars/daily/symbol=SPY/bars.parquet");
        assertThat(s.toString()).contains("http://127.0.0.1:9000").contains("static key minio")
                .doesNotContain("minio-secret");
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> S3Settings.builder(" ").build()).hasMessageContaining("bucket is required");
        assertThatThrownBy(() -> S3Settings.builder("b").prefix("/lake").build()).hasMessageContaining("'/lake'");
        assertThatThrownBy(() -> S3Settings.builder("b").prefix("a//b").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Settings.builder("b").credentials("only-id", null).build())
                .hasMessageContaining("both");
        assertThatThrownBy(() -> S3Settings.builder("b").credentials("id", "secret").profile("lake").build())
                .hasMessageContaining("static keys or a profile, not both");
    }
}
