package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.Commands;
import dev.switchboard.cli.ExitCodes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notification services configured in {@code switchboard.yaml}, through the real daemon following a real Git
 * repository, told to a local receiver. The daemon's environment configures Slack; the commits configure a
 * signed webhook whose secret is {@code ${env:SWITCHBOARD_TEST_NOTIFY_SECRET}} (set for the test JVM by the
 * build, as a deployment sets the daemon's environment), a Slack of their own, which the environment's
 * overrides, and a Teams whose variable is not set, which is off. The services follow the commit in force;
 * a commit that does not load keeps the last good one's.
 */
@QuarkusTest
@TestProfile(NotificationsFromTheDesiredStateTest.SlackInTheEnvironment.class)
class NotificationsFromTheDesiredStateTest {

    /** Its own daemon: its commits change where the others' notifications would go. */
    public static class SlackInTheEnvironment implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GitRepoWithSimulators.class,
                    Map.of("mode", "drift", "poll", "1h", "notify-environment", "slack")));
        }
    }

    private static final String SECRET_VARIABLE = "SWITCHBOARD_TEST_NOTIFY_SECRET";

    DaemonFixture fixture;

    @TestHTTPResource("/")
    URI root;

    @Inject
    Daemon daemon;

    @Inject
    Commands commands;

    private final Commands.LogLines log = new Commands.LogLines();

    @BeforeEach
    void listen() {
        fixture.root = root;
        Logger.getLogger("").addHandler(log);
    }

    @AfterEach
    void putBack() {
        Logger.getLogger("").removeHandler(log);
    }

    private String notificationsYaml() {
        return """
                settings:
                  parallelism: 2
                  notifications:
                    on: [drift, failed]
                    webhook:
                      url: %s
                      secret: ${env:SWITCHBOARD_TEST_NOTIFY_SECRET}
                    slack:
                      url: ${env:SWITCHBOARD_TEST_NOTIFY_SECRET}
                    teams:
                      url: ${env:SWITCHBOARD_TEST_UNSET_TEAMS_URL}
                """.formatted(fixture.notifications.uri("/from-switchboard-yaml"));
    }

    private Receiver.Request awaitWebhook(String target, String commit, String event) {
        return fixture.notifications.await(target + "'s " + event + " at " + commit + " on the file's webhook", r -> {
            if (!r.path().equals("/from-switchboard-yaml")) {
                return false;
            }
            JsonNode body = DaemonFixture.parse(r.body());
            return body.path("target").asText().equals(target) && body.path("commit").asText().equals(commit)
                    && body.path("event").asText().equals(event);
        });
    }

    private void reconcileAndWait() {
        assertThat(fixture.reconcileNow().statusCode()).isEqualTo(202);
        fixture.awaitIdle(daemon);
    }

    @Test
    void notifiesTheServicesOfTheCommitInForceSignedWithASecretFromTheDaemonsEnvironment() {
        String secret = System.getenv(SECRET_VARIABLE);
        assertThat(secret).as("the build sets %s for the tests", SECRET_VARIABLE).isNotBlank();
        fixture.awaitStatus("the first commit's drift", s -> fixture.target(s, "xci-paris").path("commit").asText()
                .equals(fixture.firstCommit) && daemon.idle());
        assertThat(fixture.getJson("/api/v1/status").path("notifications").toString()).isEqualTo(
                "[{\"service\":\"slack\",\"from\":\"environment\",\"state\":\"on\",\"events\":[\"applied\",\"blocked\","
                        + "\"drift\",\"failed\",\"unconfirmed\"],\"targets\":null,\"reason\":null}]");

        String configured = fixture.commitEdit("switchboard.yaml", "settings:\n  parallelism: 2\n", notificationsYaml(),
                "Notify a webhook of drift and failures");
        reconcileAndWait();

        for (String target : List.of("olx-main", "xci-paris")) {
            Receiver.Request request = awaitWebhook(target, configured, "drift");
            assertThat(request.header("X-Switchboard-Signature-256")).as("signed with the variable's value").isEqualTo(
                    DaemonFixture.signature(secret, request.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(request.body()).doesNotContain(secret);
        }
        String status = fixture.get("/api/v1/status").body();
        assertThat(DaemonFixture.parse(status).path("notifications").toPrettyString()).isEqualTo("""
                [ {
                  "service" : "slack",
                  "from" : "environment",
                  "state" : "on",
                  "events" : [ "applied", "blocked", "drift", "failed", "unconfirmed" ],
                  "targets" : null,
                  "reason" : null
                }, {
                  "service" : "webhook",
                  "from" : "switchboard.yaml",
                  "state" : "on",
                  "events" : [ "drift", "failed" ],
                  "targets" : null,
                  "reason" : null
                }, {
                  "service" : "slack",
                  "from" : "switchboard.yaml",
                  "state" : "overridden",
                  "events" : [ "drift", "failed" ],
                  "targets" : null,
                  "reason" : "SWITCHBOARD_NOTIFY_SLACK_* configures slack in the environment, which is used"
                }, {
                  "service" : "teams",
                  "from" : "switchboard.yaml",
                  "state" : "off",
                  "events" : [ "drift", "failed" ],
                  "targets" : null,
                  "reason" : "switchboard.yaml:14:7: settings.notifications.teams.url: the environment variable SWITCHBOARD_TEST_UNSET_TEAMS_URL is not set"
                } ]""");
        assertThat(status).doesNotContain(secret);
        assertThat(fixture.notifications.requests()).as("the file's slack is the environment's variable: never posted to")
                .allSatisfy(r -> assertThat(r.path()).isIn("/environment-slack", "/from-switchboard-yaml"));

        // A commit that does not load keeps the services of the last that did: its failure reaches the webhook.
        String broken = fixture.commitEdit("switchboard.yaml", "apiVersion: switchboard/v1", "apiVersion: switchboard/v2",
                "A desired state that does not load");
        reconcileAndWait();
        for (String target : List.of("olx-main", "xci-paris")) {
            Receiver.Request request = awaitWebhook(target, broken, "failed");
            assertThat(DaemonFixture.parse(request.body()).path("error").asText()).contains("switchboard/v2");
            assertThat(request.header("X-Switchboard-Signature-256")).isEqualTo(
                    DaemonFixture.signature(secret, request.body().getBytes(StandardCharsets.UTF_8)));
        }

        // The first commit again: it configures no services, so the file's are gone and the environment's remain.
        String back = fixture.resetToFirstCommit();
        reconcileAndWait();
        assertThat(fixture.getJson("/api/v1/status").path("notifications").findValuesAsText("from"))
                .containsExactly("environment");
        fixture.notifications.await("the environment's Slack told of the first commit's drift again",
                r -> r.path().equals("/environment-slack") && r.body().contains(back.substring(0, 12)));
        assertThat(fixture.notifications.requests()).filteredOn(r -> r.path().equals("/from-switchboard-yaml"))
                .as("nothing of the first commit on the webhook it does not configure")
                .noneMatch(r -> r.body().contains(back));

        String lines = log.text();
        assertThat(lines).contains("INFO commit " + configured + ": notifying webhook (switchboard.yaml) of drift, failed")
                .contains("INFO commit " + configured + ": not notifying slack (switchboard.yaml): SWITCHBOARD_NOTIFY_SLACK_* "
                        + "configures slack in the environment, which is used")
                .contains("WARN commit " + configured + ": not notifying teams (switchboard.yaml): switchboard.yaml:14:7: "
                        + "settings.notifications.teams.url: the environment variable SWITCHBOARD_TEST_UNSET_TEAMS_URL is not set")
                .contains("INFO commit " + back + ": switchboard.yaml configures no notifications")
                .doesNotContain(secret);
        Files.writeLog(lines);
    }

    @Test
    void validateRefusesASlackUrlWrittenInTheFile() {
        Commands.Run run = commands.run("validate", "-c", "src/test/resources/desired/notify-literal-slack");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.out()).isEqualTo("""
                switchboard.yaml:7:7: settings.notifications.slack.url: a Slack incoming webhook's URL is a secret: \
                written in the file, it would be committed to Git with it
                  hint: write ${env:NAME} or ${file:PATH}, and give the daemon that variable or file
                1 problem in 1 file.
                """);
        assertThat(run.output()).doesNotContain("XXXXXXXXXXXX");
    }

    /** What the README's example of the log is taken from. */
    private static final class Files {
        static void writeLog(String lines) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of("target/notifications-log.txt"), lines);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
