package io.alchemiser.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

    @Test
    void defaultsSuitAwsWithTheDefaultCredentialChain() {
        S3Settings s = S3Settings.builder("bucket").prefix(null).region(null).build();
        assertThat(s.prefix()).isEmpty();
        assertThat(s.region()).isEqualTo("us-east-1");
        assertThat(s.endpoint()).isNull();
        assertThat(s.pathStyleAccess()).isFalse();
        assertThat(s.accessKeyId()).isNull();
        assertThat(s.objectKey("daily/symbol=SPY/bars.parquet")).isEqualTo("daily/symbol=SPY/bars.parquet");
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
    }
}
