package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard serve} refuses every setting it cannot work with before it reconciles anything, as the
 * packaged application does in a container or under systemd: exit 1, one line naming the setting (as the
 * environment variable the operator set), the value or file, and what to do; never a Java exception.
 */
class ServeRefusalsIT {

    private static final Path LAUNCHER = Path.of("switchboard").toAbsolutePath();

    @TempDir
    Path temp;

    private Path config;
    private Path repository;

    @BeforeEach
    void aDesiredState() throws Exception {
        config = temp.resolve("quickstart");
        DeployFiles.copyTree(Path.of("examples/quickstart"), config);
        repository = Files.createDirectories(temp.resolve("repository"));
    }

    /** The settings, each with what its refusal must say. */
    private Map<Map<String, String>, String> cases() throws Exception {
        Path aFile = Files.writeString(temp.resolve("a-file"), "");
        Path missing = temp.resolve("no-such-token");
        Map<Map<String, String>, String> cases = new LinkedHashMap<>();
        String local = config.toString();
        String git = repository.toString();
        cases.put(Map.of(), "switchboard serve: say where the desired state is: SWITCHBOARD_CONFIG=DIR");
        cases.put(Map.of("SWITCHBOARD_CONFIG", local, "SWITCHBOARD_GIT_URL", git),
                "switchboard serve: set only one of SWITCHBOARD_CONFIG (a local directory) and SWITCHBOARD_GIT_URL");
        cases.put(Map.of("SWITCHBOARD_GIT_URL", git, "SWITCHBOARD_GIT_TOKEN", "t", "SWITCHBOARD_GIT_TOKEN_FILE", aFile.toString()),
                "switchboard serve: set only one of SWITCHBOARD_GIT_TOKEN and SWITCHBOARD_GIT_TOKEN_FILE");
        cases.put(Map.of("SWITCHBOARD_GIT_URL", git, "SWITCHBOARD_GIT_TOKEN_FILE", missing.toString()),
                "switchboard serve: SWITCHBOARD_GIT_TOKEN_FILE " + missing + " cannot be read (it does not exist)");
        cases.put(Map.of("SWITCHBOARD_GIT_URL", git, "SWITCHBOARD_GIT_SSH_KEY_FILE", missing.toString()),
                "switchboard serve: SWITCHBOARD_GIT_SSH_KEY_FILE " + missing + " cannot be read");
        cases.put(Map.of("SWITCHBOARD_GIT_URL", git, "SWITCHBOARD_DATA_DIR", aFile.resolve("data").toString()),
                "switchboard serve: SWITCHBOARD_DATA_DIR " + aFile.resolve("data") + " is not a writable directory (");
        cases.put(Map.of("SWITCHBOARD_CONFIG", local, "SWITCHBOARD_INTERVAL", "-5m"),
                "switchboard serve: SWITCHBOARD_INTERVAL must be positive, not PT-5M");
        cases.put(Map.of("SWITCHBOARD_CONFIG", local, "SWITCHBOARD_INTERVAL", "soon"),
                "switchboard serve: SWITCHBOARD_INTERVAL is 'soon', which is no duration: write it as 90s, 3m, 1h or 500ms");
        cases.put(Map.of("SWITCHBOARD_CONFIG", local, "SWITCHBOARD_MODE", "heal"),
                "switchboard serve: SWITCHBOARD_MODE is 'heal': the modes are drift and apply");
        cases.put(Map.of("SWITCHBOARD_CONFIG", local, "SWITCHBOARD_NOTIFY_WEBHOOK_URL", "hooks.example.com/sb"),
                "switchboard serve: SWITCHBOARD_NOTIFY_WEBHOOK_URL is 'hooks.example.com/sb', which is no http or https URL");
        cases.put(Map.of("SWITCHBOARD_CONFIG", local, "SWITCHBOARD_JITTER", "2"),
                "switchboard serve: SWITCHBOARD_JITTER is a share between 0 and 1, not 2.0");
        cases.put(Map.of("SWITCHBOARD_CONFIG", local, "SWITCHBOARD_NOTIFY_ON", "failed,drfit"),
                "switchboard serve: SWITCHBOARD_NOTIFY_ON: drfit is not an event; the events are applied, blocked, drift");
        cases.put(Map.of("SWITCHBOARD_CONFIG", local, "SWITCHBOARD_NOTIFY_GITHUB_REPOSITORY", "acme/phones"),
                "switchboard serve: SWITCHBOARD_NOTIFY_GITHUB_REPOSITORY is set but ");
        cases.put(Map.of("SWITCHBOARD_CONFIG", local, "SWITCHBOARD_API_TOKEN_FILE", temp.toString()),
                "switchboard serve: SWITCHBOARD_API_TOKEN_FILE " + temp + " cannot be read (is a directory)");
        // (an empty file, and both a secret and its file for the other secrets: SharedSecretTest)
        return cases;
    }

    @Test
    void refusesEverySettingItCannotWorkWithNamingItAndNeverAnException() throws Exception {
        for (Map.Entry<Map<String, String>, String> refusal : cases().entrySet()) {
            Map<String, String> environment = new HashMap<>(refusal.getKey());
            environment.put("QUARKUS_HTTP_PORT", "0");
            environment.put("SWITCHBOARD_DATA_DIR", environment.getOrDefault("SWITCHBOARD_DATA_DIR",
                    temp.resolve("data").toString()));
            ScriptRun serve = ScriptRun.of(temp, environment, LAUNCHER.toString(), "serve");
            String setting = refusal.getKey().toString();
            assertThat(serve.exitCode()).as(setting + ": " + serve.output()).isEqualTo(1);
            assertThat(serve.output()).as(setting).contains(refusal.getValue())
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(serve.output()).as(setting + ": nothing was reconciled").doesNotContain("reconciling commit");
        }
    }

    @Test
    void aMalformedDaemonSettingConcernsServeAlone() throws Exception {
        // CI jobs and laptops inherit the daemon's variables too: validate, plan and apply do not read them.
        ScriptRun validate = ScriptRun.of(temp, Map.of("SWITCHBOARD_INTERVAL", "soon", "SWITCHBOARD_MODE", "heal",
                "SWITCHBOARD_NOTIFY_GITHUB_API", "nowhere"), LAUNCHER.toString(), "validate", "-c", config.toString());
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(validate.output()).doesNotContain("SWITCHBOARD_INTERVAL").doesNotContain("Exception");
    }
}
