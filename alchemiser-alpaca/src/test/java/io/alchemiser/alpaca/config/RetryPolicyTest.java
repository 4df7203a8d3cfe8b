package io.alchemiser.alpaca.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesFromTheInitialWaitAndStopsAtTheMaximum() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(60));

        assertThat(policy.backoffCeiling(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.backoffCeiling(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffCeiling(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffCeiling(7)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffCeiling(1_000)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void nonsensicalPoliciesAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("backoff");
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }
}
