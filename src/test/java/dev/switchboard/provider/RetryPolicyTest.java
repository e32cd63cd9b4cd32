package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(10));

    @Test
    void retriesIdempotentCallsOnServerErrorsAndThrottling() {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            assertThat(policy.retryable(method, 500)).isTrue();
            assertThat(policy.retryable(method, 503)).isTrue();
            assertThat(policy.retryable(method, 429)).isTrue();
            assertThat(policy.retryable(method, 400)).isFalse();
            assertThat(policy.retryable(method, 404)).isFalse();
        }
    }

    @Test
    void retriesOnlyReadsWhenNoAnswerCame() {
        assertThat(policy.retryable("GET", 0)).isTrue();
        assertThat(policy.retryable("HEAD", 0)).isTrue();
        for (String write : new String[] {"PUT", "DELETE", "POST"}) {
            assertThat(policy.retryable(write, 0)).as(write + ": the server may have acted; IDs are reused").isFalse();
            assertThat(RetryPolicy.isRead(write)).isFalse();
        }
    }

    @Test
    void retriesAPostOnlyWhenTheServerSurelyDidNotActOnIt() {
        assertThat(policy.retryable("POST", 429)).isTrue();
        assertThat(policy.retryable("POST", 500)).isFalse();
        assertThat(policy.retryable("POST", 0)).as("no answer: the outcome is unknown").isFalse();
    }

    @Test
    void honoursRetryAfterUpToTheMaximumDelay() {
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofMinutes(5)))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void backsOffExponentiallyWithJitterWithinBounds() {
        for (int i = 0; i < 50; i++) {
            assertThat(policy.delayAfter(1, Optional.empty())).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(policy.delayAfter(3, Optional.empty())).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
            assertThat(policy.delayAfter(20, Optional.empty())).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        }
    }
}
