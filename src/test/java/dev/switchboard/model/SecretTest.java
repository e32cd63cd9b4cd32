package dev.switchboard.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

    private final Secret secret = Secret.fromReference("${env:PW}", "hunter2");

    @Test
    void printsAsSensitiveEverywhere() throws Exception {
        assertThat(secret.toString()).isEqualTo("(sensitive)");
        assertThat("password=" + secret).isEqualTo("password=(sensitive)");
        assertThat(String.format("%s", secret)).isEqualTo("(sensitive)");
        assertThat(new ObjectMapper().writeValueAsString(Map.of("password", secret)))
                .isEqualTo("{\"password\":\"(sensitive)\"}");
        assertThat(Map.of("password", secret).toString()).doesNotContain("hunter2");
    }

    @Test
    void revealsItsValueOnlyWhenAskedAndKeepsItsReference() {
        assertThat(secret.reveal()).isEqualTo("hunter2");
        assertThat(secret.reference()).contains("${env:PW}");
        assertThat(Secret.fromLive("x").reference()).isEmpty();
    }

    @Test
    void comparesByValueSoADiffCanTellAChangeWithoutShowingIt() {
        assertThat(secret).isEqualTo(Secret.fromLive("hunter2"));
        assertThat(secret).isNotEqualTo(Secret.fromLive("hunter3"));
        assertThat(secret.hashCode()).isEqualTo(Secret.fromLive("other").hashCode());
    }

    @Test
    void anUnresolvedSecretCanNeverBeSentNorEqualsAValue() {
        Secret unread = Secret.unresolved("${env:OTHER_TEAM}");
        assertThat(unread.resolved()).isFalse();
        assertThat(secret.resolved()).isTrue();
        assertThat(unread.reference()).contains("${env:OTHER_TEAM}");
        assertThat(unread.toString()).isEqualTo(Secret.MASK);
        assertThatThrownBy(unread::reveal).hasMessageContaining("${env:OTHER_TEAM} was not read");
        assertThat(unread).isNotEqualTo(Secret.unresolved("${env:OTHER_TEAM}")).isNotEqualTo(secret).isEqualTo(unread);
        assertThat(secret).isNotEqualTo(unread);
    }

    @Test
    void aTargetNeverPrintsItsCredentialsEvenWrittenAsPlainStrings() {
        TargetSpec target = new TargetSpec("olx", "officelinx", "embedded",
                Map.of("clientSecret", "plain-secret", "password", secret), Map.of(), TargetSpec.Tls.DEFAULT,
                TargetSpec.Policy.DEFAULT);
        assertThat(target.toString()).contains("clientSecret").doesNotContain("plain-secret").doesNotContain("hunter2");
    }
}
