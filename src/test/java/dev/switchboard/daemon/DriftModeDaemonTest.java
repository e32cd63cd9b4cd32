package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.system.TargetSystems;
import dev.switchboard.systems.xci.sim.XciHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon in drift mode, following a real Git repository with both targets on running simulators and
 * polling every second: it reports, never changes a server. The tests share one daemon, each in any order:
 * each starts once the daemon reports the first commit's drift at the head of the repository, and leaves
 * the repository and the servers as it found them.
 */
@QuarkusTest
@TestProfile(DriftModeDaemonTest.DriftMode.class)
class DriftModeDaemonTest {

    public static class DriftMode implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GitRepoWithSimulators.class, Map.of("mode", "drift", "poll", "1s")));
        }
    }

    DaemonFixture fixture;

    @TestHTTPResource("/")
    URI root;

    @Inject
    Daemon daemon;

    @Inject
    TargetSystems systems;

    @BeforeEach
    void awaitTheFirstCommitsDrift() {
        fixture.root = root;
        awaitBaseline();
    }

    private JsonNode awaitBaseline() {
        return fixture.awaitDriftAtHead();
    }

    @AfterEach
    void putBackTheFirstCommitAndTheServers() {
        fixture.putBackDriftBaseline(daemon);
    }

    @Test
    void reconcilesTheHeadCommitAndReportsDriftWithoutApplying() {
        JsonNode status = awaitBaseline();
        JsonNode olx = fixture.target(status, "olx-main");
        assertThat(olx.path("commit").asText()).isEqualTo(fixture.head());
        assertThat(olx.path("drift").path("company").asInt()).isEqualTo(1);
        assertThat(olx.path("drift").path("mailbox").asInt()).isEqualTo(1);
        assertThat(olx.path("driftCount").asInt()).isEqualTo(olx.path("lastPlan").path("create").asInt());
        assertThat(status.path("mode").asText()).isEqualTo("drift");
        assertThat(status.path("lastFetch").path("message").asText()).isEqualTo(fixture.headMessage());
        assertThat(fixture.dataDir.resolve(".switchboard/journal")).as("drift mode never applies").doesNotExist();

        JsonNode drift = DaemonFixture.parse(fixture.get("/api/v1/drift").body());
        assertThat(drift.path("changes").findValuesAsText("action")).contains("create").doesNotContain("update");
        assertThat(drift.path("summary").path("changesPresent").asBoolean()).isTrue();
        String markdown = fixture.get("/api/v1/drift?format=markdown").body();
        assertThat(markdown).contains("olx-main").contains("xci-paris");

        XciHttp xci = new XciHttp(fixture.xci.baseUri());
        xci.login("admin", "admin");
        assertThat(xci.ok(xci.get("/administrators")).path("items").findValuesAsText("login"))
                .as("drift mode never writes").doesNotContain("ops");
        assertThat(fixture.get("/q/health/ready").statusCode()).isEqualTo(200);
        assertThat(fixture.get("/q/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void showsCommitResultAndCountsInTheMetricsUnderTheSpecNames() {
        assertThat(fixture.metric("switchboard_reconcile_total", "result=\"drift\",target=\"olx-main\"")).isGreaterThanOrEqualTo(1);
        assertThat(fixture.metric("switchboard_reconcile_duration_seconds_count", "target=\"xci-paris\"")).isGreaterThanOrEqualTo(1);
        assertThat(fixture.metric("switchboard_drift_objects", "kind=\"mailbox\",target=\"olx-main\"")).isEqualTo(1);
        assertThat(fixture.metric("switchboard_git_fetch_total", "result=\"success\"")).isGreaterThanOrEqualTo(1);
        assertThat(fixture.metric("switchboard_last_reconcile_timestamp_seconds", "target=\"olx-main\"")).isGreaterThan(1.7e9);
        assertThat(fixture.metric("switchboard_api_requests_total", "method=\"GET\",status=\"200\",target=\"xci-paris\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(fixture.metric("switchboard_api_request_duration_seconds_count", "target=\"olx-main\"")).isGreaterThanOrEqualTo(1);
        String metrics = fixture.get("/q/metrics").body();
        assertThat(metrics).doesNotContain(GitRepoWithSimulators.WEBHOOK_SECRET).doesNotContain(GitRepoWithSimulators.API_TOKEN);
    }

    @Test
    void hasADriftSeriesForEveryKindOfEveryTargetAtZeroWhenInSync() {
        JsonNode status = awaitBaseline();
        for (String target : List.of("olx-main", "xci-paris")) {
            String system = target.startsWith("olx") ? "officelinx" : "xci";
            JsonNode drift = fixture.target(status, target).path("drift");
            List<String> kinds = systems.find(system).orElseThrow().kinds().stream().map(k -> k.kind().name()).toList();
            assertThat(kinds).hasSizeGreaterThan(2);
            for (String kind : kinds) {
                assertThat(fixture.metric("switchboard_drift_objects", "kind=\"" + kind + "\",target=\"" + target + "\""))
                        .as("switchboard_drift_objects{target=%s,kind=%s}", target, kind)
                        .isEqualTo(drift.path(kind).asInt(0));
            }
        }
        assertThat(fixture.metric("switchboard_drift_objects", "kind=\"entity\",target=\"xci-paris\"")).isZero();
    }

    @Test
    void publishesDurationsAsHistogramsWithBuckets() throws Exception {
        awaitBaseline();
        String metrics = fixture.get("/q/metrics").body();
        Files.writeString(Path.of("target/daemon-metrics.txt"), metrics); // what README's excerpt is taken from
        assertThat(metrics).contains("# TYPE switchboard_reconcile_duration_seconds histogram")
                .contains("# TYPE switchboard_api_request_duration_seconds histogram");
        assertThat(fixture.metric("switchboard_reconcile_duration_seconds_bucket", "target=\"olx-main\",le=\"0.5\""))
                .isGreaterThanOrEqualTo(0);
        assertThat(fixture.metric("switchboard_reconcile_duration_seconds_bucket", "target=\"olx-main\",le=\"300.0\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(fixture.metric("switchboard_api_request_duration_seconds_bucket", "target=\"xci-paris\",le=\"0.05\""))
                .isGreaterThanOrEqualTo(0);
        assertThat(fixture.metric("switchboard_reconcile_duration_seconds_bucket", "target=\"olx-main\",le=\"+Inf\""))
                .isEqualTo(fixture.metric("switchboard_reconcile_duration_seconds_count", "target=\"olx-main\""));
    }

    @Test
    void theGrafanaDashboardQueriesOnlyMetricsTheDaemonExports() throws Exception {
        awaitBaseline();
        Set<String> exported = new TreeSet<>();
        for (String line : fixture.get("/q/metrics").body().split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                exported.add(line.split("[{ ]", 2)[0]);
            }
        }
        JsonNode dashboard = DaemonFixture.JSON.readTree(Files.readString(Path.of("deploy/grafana/switchboard.json")));
        List<String> expressions = PromQlNames.expressions(dashboard);
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
        Set<String> used = new TreeSet<>();
        for (String expression : expressions) {
            Set<String> names = PromQlNames.of(expression);
            assertThat(names).as("the metrics of %s", expression).isNotEmpty();
            used.addAll(names);
        }
        assertThat(used).as("every metric of the dashboard is one the daemon exports").isSubsetOf(exported);
        assertThat(used).as("the dashboard charts every metric of SPEC section 6").contains(
                "switchboard_reconcile_total", "switchboard_reconcile_duration_seconds_bucket", "switchboard_drift_objects",
                "switchboard_api_requests_total", "switchboard_api_request_duration_seconds_bucket",
                "switchboard_git_fetch_total", "switchboard_last_reconcile_timestamp_seconds");
    }

    @Test
    void notifiesTheWebhookOfEachTargetsDriftSignedAndWithoutASecret() {
        awaitBaseline();
        for (String target : List.of("olx-main", "xci-paris")) {
            Receiver.Request request = fixture.notifications.await(target + "'s drift at the first commit", r -> {
                JsonNode body = DaemonFixture.parse(r.body());
                return body.path("target").asText().equals(target) && body.path("commit").asText().equals(fixture.firstCommit);
            });
            JsonNode body = DaemonFixture.parse(request.body());
            assertThat(body.path("event").asText()).isEqualTo("drift");
            assertThat(body.path("mode").asText()).isEqualTo("drift");
            assertThat(body.path("driftCount").asInt()).isGreaterThan(0);
            assertThat(request.header("X-Switchboard-Signature-256")).isEqualTo(
                    DaemonFixture.signature(GitRepoWithSimulators.NOTIFY_SECRET, request.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(request.body()).doesNotContain(GitRepoWithSimulators.NOTIFY_SECRET)
                    .doesNotContain(GitRepoWithSimulators.WEBHOOK_SECRET).doesNotContain(GitRepoWithSimulators.API_TOKEN);
        }
        assertThat(fixture.metric("switchboard_notifications_total", "result=\"sent\",service=\"webhook\""))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void picksUpANewCommitByPolling() {
        String commit = fixture.commitEdit("xci/paris.yaml", "name: Ops team", "name: Operations", "Rename the ops team");
        JsonNode status = fixture.awaitStatus("the poll to find " + commit,
                s -> fixture.target(s, "xci-paris").path("commit").asText().equals(commit));
        assertThat(status.path("lastFetch").path("message").asText()).isEqualTo("Rename the ops team");
        assertThat(fixture.get("/api/v1/drift").body()).contains("Operations");
    }

    @Test
    void reportsAChangeMadeOnTheServerBehindGitsBack() {
        XciHttp xci = new XciHttp(fixture.xci.baseUri());
        xci.login("admin", "admin");
        xci.ok(xci.post("/administrators", Map.of("login", "ops", "name", "Somebody else", "ldap", true, "superAdmin", false)));
        assertThat(fixture.reconcileNow().statusCode()).isEqualTo(202);

        JsonNode status = fixture.awaitStatus("the administrator made on the server to show as an update",
                s -> fixture.target(s, "xci-paris").path("drift").path("administrator").asInt() == 1
                        && fixture.target(s, "xci-paris").path("lastPlan").path("update").asInt() == 1);
        assertThat(fixture.target(status, "xci-paris").path("result").asText()).isEqualTo("drift");
        JsonNode drift = DaemonFixture.parse(fixture.get("/api/v1/drift").body());
        assertThat(drift.path("changes").toString()).contains("Somebody else").contains("Ops team");
    }

    @Test
    void refusesWebhooksWithoutAValidSignatureAndTriggersNothing() {
        long webhooks = daemon.triggersAccepted(Daemon.Trigger.WEBHOOK);
        long manual = daemon.triggersAccepted(Daemon.Trigger.MANUAL);
        byte[] body = DaemonFixture.pushTo("main");

        assertThat(fixture.post("/api/v1/webhook/git", body, Map.of()).statusCode()).isEqualTo(401);
        assertThat(fixture.post("/api/v1/webhook/git", body,
                Map.of("X-Hub-Signature-256", DaemonFixture.signature("wrong secret", body))).statusCode()).isEqualTo(401);
        byte[] tampered = "{\"ref\":\"refs/heads/main\",\"after\":\"1111111\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(fixture.post("/api/v1/webhook/git", tampered,
                Map.of("X-Hub-Signature-256", DaemonFixture.signature(GitRepoWithSimulators.WEBHOOK_SECRET, body)))
                .statusCode()).isEqualTo(401);
        HttpResponse<String> wrongGitlabToken = fixture.post("/api/v1/webhook/git", body,
                Map.of("X-Gitlab-Token", GitRepoWithSimulators.WEBHOOK_SECRET + "x"));
        assertThat(wrongGitlabToken.statusCode()).isEqualTo(401);
        assertThat(wrongGitlabToken.body()).contains("X-Gitlab-Token is not the webhook secret");
        assertThat(fixture.post("/api/v1/webhook/git", body, Map.of("X-Gitlab-Token", "")).statusCode()).isEqualTo(401);
        assertThat(fixture.post("/api/v1/webhook/git", body, Map.of("X-Gitlab-Token", GitRepoWithSimulators.WEBHOOK_SECRET,
                "X-Hub-Signature-256", DaemonFixture.signature("wrong secret", body))).statusCode())
                .as("a wrong signature is not saved by a right token").isEqualTo(401);
        assertThat(fixture.post("/api/v1/reconcile", new byte[0], Map.of()).statusCode()).isEqualTo(401);
        assertThat(fixture.post("/api/v1/reconcile", new byte[0], Map.of("Authorization", "Bearer nope")).statusCode())
                .isEqualTo(401);

        byte[] huge = new byte[TriggerResource.MAX_WEBHOOK_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> tooLarge = fixture.postExpectingContinue("/api/v1/webhook/git", huge,
                Map.of("X-Hub-Signature-256", DaemonFixture.signature(GitRepoWithSimulators.WEBHOOK_SECRET, huge)));
        assertThat(tooLarge.statusCode()).isEqualTo(413);

        // The endpoints ask the daemon for a pass before they answer 202: a refused call asked for none.
        assertThat(daemon.triggersAccepted(Daemon.Trigger.WEBHOOK)).as("webhooks taken").isEqualTo(webhooks);
        assertThat(daemon.triggersAccepted(Daemon.Trigger.MANUAL)).as("reconcile calls taken").isEqualTo(manual);
        byte[] signed = DaemonFixture.pushTo("main");
        assertThat(fixture.post("/api/v1/webhook/git", signed, Map.of("X-Hub-Signature-256",
                DaemonFixture.signature(GitRepoWithSimulators.WEBHOOK_SECRET, signed))).statusCode()).isEqualTo(202);
        assertThat(daemon.triggersAccepted(Daemon.Trigger.WEBHOOK)).as("the signed one is taken").isEqualTo(webhooks + 1);
        assertThat(fixture.post("/api/v1/webhook/git", signed, Map.of("X-Gitlab-Token", GitRepoWithSimulators.WEBHOOK_SECRET))
                .statusCode()).isEqualTo(202);
        assertThat(daemon.triggersAccepted(Daemon.Trigger.WEBHOOK)).as("GitLab's token is taken").isEqualTo(webhooks + 2);
    }

    @Test
    void staysUpAndReportsAnUnreachableApiInStatusAndMetrics() {
        String commit = fixture.commitEdit("switchboard.yaml", fixture.xci.baseUri().toString(), "http://127.0.0.1:1",
                "xci-paris on a port nobody listens on");
        assertThat(fixture.reconcileNow().statusCode()).isEqualTo(202);
        JsonNode status = fixture.awaitStatus("xci-paris to fail at " + commit,
                s -> fixture.target(s, "xci-paris").path("commit").asText().equals(commit)
                        && fixture.target(s, "xci-paris").path("result").asText().equals("failed"));
        assertThat(fixture.target(status, "xci-paris").path("lastError").asText()).isNotEmpty();
        assertThat(fixture.target(status, "olx-main").path("result").asText()).isEqualTo("drift");
        assertThat(status.path("lastError").asText()).startsWith("xci-paris: ");
        assertThat(fixture.metric("switchboard_reconcile_total", "result=\"failed\",target=\"xci-paris\"")).isGreaterThanOrEqualTo(1);
        assertThat(fixture.get("/q/health/live").statusCode()).isEqualTo(200);
        assertThat(fixture.get("/q/health/ready").statusCode()).as("readiness stays once reached").isEqualTo(200);
    }

    @Test
    void keepsTheLastGoodCommitAndShowsTheErrorWhenTheRemoteGoesAway() throws Exception {
        java.nio.file.Path dotGit = fixture.git.getRepository().getDirectory().toPath();
        java.nio.file.Files.move(dotGit, dotGit.resolveSibling(".git-away"));
        try {
            assertThat(fixture.reconcileNow().statusCode()).isEqualTo(202);
            JsonNode status = fixture.awaitStatus("the fetch to fail", s -> s.path("lastFetch").path("error").isTextual());
            String lastGood = fixture.target(status, "olx-main").path("commit").asText();
            assertThat(status.path("lastFetch").path("commit").asText()).isEqualTo(lastGood);
            assertThat(status.path("lastFetch").path("error").asText()).contains("cannot fetch branch main");
            assertThat(fixture.metric("switchboard_git_fetch_total", "result=\"failure\"")).isGreaterThanOrEqualTo(1);
            assertThat(fixture.get("/q/health/ready").statusCode()).isEqualTo(200);
        } finally {
            java.nio.file.Files.move(dotGit.resolveSibling(".git-away"), dotGit);
        }
    }

    @Test
    void keepsTheLastGoodCommitInForceAndSaysWhyWhenANewOneDoesNotLoad() {
        String good = fixture.head();
        JsonNode before = fixture.target(awaitBaseline(), "olx-main");
        String broken = fixture.commitEdit("xci/paris.yaml", "name: Ops team", "name: [Ops, team]", "Break the ops team's name");

        JsonNode status = fixture.awaitStatus("the commit that does not load to be reported",
                s -> fixture.target(s, "xci-paris").path("result").asText().equals("failed"));
        for (String target : List.of("olx-main", "xci-paris")) {
            JsonNode shown = fixture.target(status, target);
            assertThat(shown.path("commit").asText()).as(target + " keeps its last good commit").isEqualTo(good);
            assertThat(shown.path("lastError").asText()).contains("commit " + broken + " does not load")
                    .contains("commit " + good + " stays in force").contains("paris.yaml:");
        }
        JsonNode olx = fixture.target(status, "olx-main");
        assertThat(olx.path("drift")).as("the last good commit's drift stays on show").isEqualTo(before.path("drift"));
        assertThat(status.path("lastError").asText()).contains("paris.yaml:");
        assertThat(fixture.get("/api/v1/drift").body()).as("the last good plan is still served").contains("olx-main");
    }
}
