package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment variables of SPEC section 6, read through the daemon's {@link DaemonConfig} mapping. */
class DaemonConfigTest {

    @TempDir
    Path temp;

    private static DaemonConfig fromEnvironment(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(DaemonConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus's "3m", "5s"
                .withSources(new EnvConfigSource(environment, 300))
                .build();
        return config.getConfigMapping(DaemonConfig.class);
    }

    @Test
    void readsTheSpecsEnvironmentVariablesWithTheirDefaults() {
        DaemonConfig config = fromEnvironment(Map.of(
                "SWITCHBOARD_GIT_URL", "https://git.example.com/telephony.git",
                "SWITCHBOARD_GIT_PATH", "deploy/switchboard",
                "SWITCHBOARD_GIT_SSH_KEY_FILE", "/run/secrets/key",
                "SWITCHBOARD_WEBHOOK_SECRET", "hook",
                "SWITCHBOARD_API_TOKEN_FILE", "/run/secrets/api-token",
                "SWITCHBOARD_MODE", "apply"));
        assertThat(config.git().url()).contains("https://git.example.com/telephony.git");
        assertThat(config.git().branch()).isEqualTo("main");
        assertThat(config.git().path()).contains("deploy/switchboard");
        assertThat(config.git().sshKeyFile()).contains(Path.of("/run/secrets/key"));
        assertThat(config.webhookSecret()).contains("hook");
        assertThat(config.apiTokenFile()).contains(Path.of("/run/secrets/api-token"));
        DaemonSettings settings = DaemonSettings.of(config);
        assertThat(settings.mode()).isEqualTo(DaemonConfig.Mode.APPLY);
        assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.jitter()).isEqualTo(0.2);
        assertThat(settings.retryInitial()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.retryMax()).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.poll()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void readsDurationsAsQuarkusDoesAndRefusesMalformedSettingsNamingTheirVariable() {
        assertThat(DaemonSettings.of(fromEnvironment(Map.of("SWITCHBOARD_INTERVAL", "PT90S", "SWITCHBOARD_GIT_POLL", "500ms",
                "SWITCHBOARD_MODE", "Drift"))))
                .satisfies(s -> assertThat(s.interval()).isEqualTo(Duration.ofSeconds(90)))
                .satisfies(s -> assertThat(s.poll()).isEqualTo(Duration.ofMillis(500)))
                .satisfies(s -> assertThat(s.mode()).isEqualTo(DaemonConfig.Mode.DRIFT));
        Map<String, String> refusals = Map.of(
                "SWITCHBOARD_INTERVAL", "SWITCHBOARD_INTERVAL is 'soon', which is no duration: write it as 90s, 3m, 1h or 500ms",
                "SWITCHBOARD_RETRY_MAX", "SWITCHBOARD_RETRY_MAX is 'soon', which is no duration",
                "SWITCHBOARD_SHUTDOWN_GRACE", "SWITCHBOARD_SHUTDOWN_GRACE is 'soon', which is no duration",
                "SWITCHBOARD_GIT_POLL", "SWITCHBOARD_GIT_POLL is 'soon', which is no duration",
                "SWITCHBOARD_JITTER", "SWITCHBOARD_JITTER is 'soon', which is no number: write a share between 0 and 1",
                "SWITCHBOARD_MODE", "SWITCHBOARD_MODE is 'soon': the modes are drift and apply (drift reports, apply heals)");
        refusals.forEach((variable, message) -> assertThatThrownBy(() ->
                DaemonSettings.of(fromEnvironment(Map.of(variable, "soon"))))
                .isInstanceOf(DaemonConfigException.class).hasMessageStartingWith(message));
        assertThatThrownBy(() -> DaemonSettings.url("SWITCHBOARD_NOTIFY_GITLAB_API", "gitlab.example.com/api/v4", false))
                .hasMessage("SWITCHBOARD_NOTIFY_GITLAB_API is 'gitlab.example.com/api/v4', which is no http or https URL:"
                        + " write it as https://host/path");
        assertThatThrownBy(() -> DaemonSettings.url("SLACK_URL", "hooks.slack.com/T000/SECRET", true))
                .hasMessageNotContaining("SECRET").hasMessageStartingWith("SLACK_URL is no http or https URL");
    }

    @Test
    void needsExactlyOneOfALocalDirectoryAndARepository() {
        assertThatThrownBy(() -> DesiredStateSource.from(fromEnvironment(Map.of())))
                .isInstanceOf(DaemonConfigException.class)
                .hasMessageContaining("SWITCHBOARD_CONFIG=DIR").hasMessageContaining("SWITCHBOARD_GIT_URL=URL");
        assertThatThrownBy(() -> DesiredStateSource.from(fromEnvironment(Map.of(
                "SWITCHBOARD_CONFIG", temp.toString(), "SWITCHBOARD_GIT_URL", temp.toString()))))
                .isInstanceOf(DaemonConfigException.class).hasMessageContaining("not both");
    }

    @Test
    void describesARepositoryWithoutItsCredentials() throws Exception {
        Path token = temp.resolve("token");
        Files.writeString(token, "ghp_secret_token\n");
        try (DesiredStateSource source = DesiredStateSource.from(fromEnvironment(Map.of(
                "SWITCHBOARD_GIT_URL", "https://user:password@git.example.com/telephony.git",
                "SWITCHBOARD_GIT_TOKEN_FILE", token.toString(),
                "SWITCHBOARD_DATA_DIR", temp.resolve("data").toString())))) {
            assertThat(source.fetches()).isTrue();
            assertThat(source.describe()).isEqualTo("https://git.example.com/telephony.git branch main")
                    .doesNotContain("password").doesNotContain("ghp_secret_token");
        }
    }

    @Test
    void readsALocalDirectoryOutsideGitAsRevisionNone() {
        try (DesiredStateSource source = DesiredStateSource.from(fromEnvironment(Map.of("SWITCHBOARD_CONFIG", temp.toString())))) {
            Revision revision = source.latest();
            assertThat(source.fetches()).isFalse();
            assertThat(revision.dir()).isEqualTo(temp.toAbsolutePath().normalize());
            assertThat(revision.commit()).isEqualTo(Revision.NO_COMMIT);
        }
    }

    @Test
    void refusesAnSshKeyFileThatCannotBeRead() {
        assertThatThrownBy(() -> DesiredStateSource.from(fromEnvironment(Map.of(
                "SWITCHBOARD_GIT_URL", "git@git.example.com:telephony.git",
                "SWITCHBOARD_GIT_SSH_KEY_FILE", temp.resolve("missing-key").toString()))))
                .isInstanceOf(DaemonConfigException.class).hasMessageContaining("SWITCHBOARD_GIT_SSH_KEY_FILE");
    }

    @Test
    void readsTheNotificationServicesFromTheEnvironmentEachOffUntilItsAddressIsSet() throws Exception {
        Path slackUrl = temp.resolve("slack-url");
        Files.writeString(slackUrl, "https://hooks.slack.com/services/T0/B0/secret\n");
        DaemonConfig config = fromEnvironment(Map.of(
                "SWITCHBOARD_NOTIFY_ON", "failed,blocked",
                "SWITCHBOARD_NOTIFY_WEBHOOK_URL", "https://hooks.example.com/switchboard",
                "SWITCHBOARD_NOTIFY_WEBHOOK_SECRET", "s",
                "SWITCHBOARD_NOTIFY_SLACK_URL_FILE", slackUrl.toString(),
                "SWITCHBOARD_NOTIFY_SLACK_ON", "drift",
                "SWITCHBOARD_NOTIFY_SLACK_TARGETS", "olx-main,xci-paris",
                "SWITCHBOARD_NOTIFY_GITLAB_REPOSITORY", "telephony/desired",
                "SWITCHBOARD_NOTIFY_GITLAB_TOKEN", "glpat-x",
                "SWITCHBOARD_NOTIFY_GITLAB_API", "https://gitlab.example.com/api/v4"));
        var channels = Notifier.channels(config.notifications(), java.net.http.HttpClient.newHttpClient());
        assertThat(channels).extracting(Notifier.Channel::service).containsExactly("webhook", "slack", "gitlab");
        assertThat(channels.get(0).events()).containsExactlyInAnyOrder("failed", "blocked");
        assertThat(channels.get(0).targets()).isEmpty();
        assertThat(channels.get(1).events()).containsExactly("drift");
        assertThat(channels.get(1).targets()).contains(java.util.Set.of("olx-main", "xci-paris"));
        assertThat(config.notifications().gitlab().api()).contains("https://gitlab.example.com/api/v4");
        assertThat(Notifier.channels(fromEnvironment(Map.of()).notifications(), java.net.http.HttpClient.newHttpClient()))
                .as("nothing configured, nothing notified").isEmpty();
    }

    @Test
    void refusesAnUnknownEventAndACommitStatusWithoutAToken() {
        assertThatThrownBy(() -> Notifier.channels(fromEnvironment(Map.of("SWITCHBOARD_NOTIFY_TEAMS_URL", "https://t.example",
                "SWITCHBOARD_NOTIFY_TEAMS_ON", "drift,synced")).notifications(), java.net.http.HttpClient.newHttpClient()))
                .isInstanceOf(DaemonConfigException.class)
                .hasMessage("SWITCHBOARD_NOTIFY_TEAMS_ON: synced is not an event; the events are applied, blocked, drift, failed, unconfirmed");
        assertThatThrownBy(() -> Notifier.channels(fromEnvironment(Map.of("SWITCHBOARD_NOTIFY_GITHUB_REPOSITORY", "acme/desired"))
                .notifications(), java.net.http.HttpClient.newHttpClient()))
                .isInstanceOf(DaemonConfigException.class)
                .hasMessage("SWITCHBOARD_NOTIFY_GITHUB_REPOSITORY is set but SWITCHBOARD_NOTIFY_GITHUB_TOKEN "
                        + "(or SWITCHBOARD_NOTIFY_GITHUB_TOKEN_FILE) is not: a commit status needs a token");
    }
}
