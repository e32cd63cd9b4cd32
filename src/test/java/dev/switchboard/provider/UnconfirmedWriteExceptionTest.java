package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnconfirmedWriteExceptionTest {

    @Test
    void namesTheWriteAndTheWaitAndIsNotAnUnknownOutcome() {
        UnconfirmedWriteException e = new UnconfirmedWriteException("gws-main", Optional.of("user alice"), "POST",
                "/api/v2/users", 200, "30 s");
        assertThat(e).isInstanceOf(ProviderException.class);
        assertThat(e.getMessage()).startsWith("target gws-main, user alice: POST /api/v2/users -> HTTP 200: accepted")
                .contains("after 30 s").contains("unconfirmed");
        assertThat(e.outcomeUnknown()).isFalse();
    }
}
