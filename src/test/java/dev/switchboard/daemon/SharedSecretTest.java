package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedSecretTest {

    private static final byte[] BODY = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    @Test
    void acceptsGithubsSignatureOfTheBodyOnly() {
        SharedSecret secret = SharedSecret.of("It's a Secret to Everybody");
        String signature = "sha256=" + HexFormat.of().formatHex(secret.hmac(BODY));
        assertThat(secret.signed(BODY, signature)).isTrue();
        assertThat(secret.signed(BODY, signature.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        assertThat(secret.signed("{}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(SharedSecret.of("another").signed(BODY, signature)).isFalse();
        assertThat(secret.signed(BODY, signature.substring("sha256=".length()))).isFalse();
        assertThat(secret.signed(BODY, "sha256=not-hex")).isFalse();
        assertThat(secret.signed(BODY, "")).isFalse();
    }

    @Test
    void matchesGithubsPublishedExample() {
        // docs.github.com "Validating webhook deliveries": secret and payload below give this signature.
        SharedSecret secret = SharedSecret.of("It's a Secret to Everybody");
        assertThat(secret.signed("Hello, World!".getBytes(StandardCharsets.UTF_8),
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")).isTrue();
    }

    @Test
    void readsASecretFromAFileWithoutItsTrailingNewlineAndNeverPrintsIt() throws Exception {
        Path file = temp.resolve("token");
        Files.writeString(file, "s3cr3t-value\n");
        SharedSecret secret = SharedSecret.read("SWITCHBOARD_API_TOKEN", Optional.empty(), Optional.of(file)).orElseThrow();
        assertThat(secret.matches("s3cr3t-value")).isTrue();
        assertThat(secret.matches("s3cr3t-valu")).isFalse();
        assertThat(secret.toString()).isEqualTo("(sensitive)");
    }

    @Test
    void refusesBothAnInlineSecretAndAFileAndAnUnreadableFile() {
        assertThatThrownBy(() -> SharedSecret.read("SWITCHBOARD_API_TOKEN", Optional.of("x"), Optional.of(temp.resolve("t"))))
                .isInstanceOf(DaemonConfigException.class).hasMessageContaining("SWITCHBOARD_API_TOKEN_FILE");
        assertThatThrownBy(() -> SharedSecret.read("SWITCHBOARD_API_TOKEN", Optional.empty(), Optional.of(temp.resolve("missing"))))
                .isInstanceOf(DaemonConfigException.class).hasMessageContaining("cannot be read");
        assertThat(SharedSecret.read("SWITCHBOARD_API_TOKEN", Optional.empty(), Optional.empty())).isEmpty();
    }
}
