package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Schedule SPEC = new Schedule(Duration.ofMinutes(3), 0.2, Duration.ofSeconds(5),
            Duration.ofMinutes(3));
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void waitsTheIntervalPlusAtMostTwentyPercentAfterASuccess() {
        Random random = new Random(7);
        Duration shortest = Duration.ofDays(1);
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 1000; i++) {
            Duration wait = Duration.between(NOW, SPEC.next(NOW, 0, random));
            shortest = wait.compareTo(shortest) < 0 ? wait : shortest;
            longest = wait.compareTo(longest) > 0 ? wait : longest;
        }
        assertThat(shortest).isGreaterThanOrEqualTo(Duration.ofMinutes(3)).isLessThan(Duration.ofSeconds(185));
        assertThat(longest).isLessThanOrEqualTo(Duration.ofSeconds(216)).isGreaterThan(Duration.ofSeconds(210));
    }

    @Test
    void backsOffFromFiveSecondsDoublingUpToThreeMinutes() {
        Random random = new Random(7);
        assertThat(Duration.between(NOW, SPEC.next(NOW, 1, random))).isEqualTo(Duration.ofSeconds(5));
        assertThat(SPEC.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(SPEC.backoff(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(SPEC.backoff(6)).isEqualTo(Duration.ofSeconds(160));
        assertThat(SPEC.backoff(7)).isEqualTo(Duration.ofMinutes(3));
        assertThat(SPEC.backoff(1000)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void refusesANonPositiveIntervalAndAJitterOutsideZeroToOne() {
        assertThatThrownBy(() -> new Schedule(Duration.ZERO, 0.2, Duration.ofSeconds(5), Duration.ofMinutes(3)))
                .isInstanceOf(DaemonConfigException.class).hasMessageContaining("SWITCHBOARD_INTERVAL");
        assertThatThrownBy(() -> new Schedule(Duration.ofMinutes(1), 1.5, Duration.ofSeconds(5), Duration.ofMinutes(3)))
                .isInstanceOf(DaemonConfigException.class).hasMessageContaining("SWITCHBOARD_JITTER");
    }
}
