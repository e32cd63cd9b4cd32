package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The daemon's {@code unconfirmed} result: its label (status and metric) and its retry like a failure. */
class UnconfirmedResultTest {

    private static Pass passWith(Result result) {
        TargetOutcome outcome = new TargetOutcome("gws-main", "abc", result, Optional.empty(), Map.of(), 0,
                Optional.empty(), Instant.EPOCH, Duration.ZERO);
        return new Pass(new Revision("abc", Path.of("."), "m"), Optional.empty(), List.of(outcome), List.of());
    }

    @Test
    void isSpelledUnconfirmedInTheStatusAndTheMetricLabel() {
        assertThat(Result.UNCONFIRMED.label()).isEqualTo("unconfirmed");
    }

    @Test
    void aPassWithAnUnconfirmedTargetIsRetriedAsAFailedOneIs() {
        assertThat(passWith(Result.UNCONFIRMED).failed()).isTrue();
        assertThat(passWith(Result.FAILED).failed()).isTrue();
        assertThat(passWith(Result.APPLIED).failed()).isFalse();
    }
}
