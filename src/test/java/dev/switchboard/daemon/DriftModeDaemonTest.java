package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.systems.xci.sim.XciHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The daemon in drift mode, following a real Git repository with both targets on running simulators and
 * polling every second: it reports, never changes a server. The tests share one daemon and run in order.
 */
@QuarkusTest
@TestProfile(DriftModeDaemonTest.DriftMode.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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

    @BeforeEach
    void pointAtTheDaemon() {
        fixture.root = root;
    }

    @Test
    @Order(1)
    void reconcilesTheFirstCommitAndReportsDriftWithoutApplying() {
        JsonNode status = fixture.awaitStatus("both targets planned", s -> s.path("ready").asBoolean()
                && fixture.target(s, "olx-main").path("result").asText().equals("drift")
                && fixture.target(s, "xci-paris").path("result").asText().equals("drift"));
        JsonNode olx = fixture.target(status, "olx-main");
        assertThat(olx.path("commit").asText()).isEqualTo(fixture.firstCommit);
        assertThat(olx.path("drift").path("company").asInt()).isEqualTo(1);
        assertThat(olx.path("drift").path("mailbox").asInt()).isEqualTo(1);
        assertThat(olx.path("driftCount").asInt()).isEqualTo(olx.path("lastPlan").path("create").asInt());
        assertThat(status.path("mode").asText()).isEqualTo("drift");
        assertThat(status.path("lastFetch").path("message").asText()).isEqualTo("Desired state for Acme and Paris");

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
    @Order(2)
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
    @Order(3)
    void picksUpANewCommitByPolling() {
        String commit = fixture.commitEdit("xci/paris.yaml", "name: Ops team", "name: Operations", "Rename the ops team");
        JsonNode status = fixture.awaitStatus("the poll to find " + commit,
                s -> fixture.target(s, "xci-paris").path("commit").asText().equals(commit));
        assertThat(status.path("lastFetch").path("message").asText()).isEqualTo("Rename the ops team");
        assertThat(fixture.get("/api/v1/drift").body()).contains("Operations");
    }

    @Test
    @Order(4)
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
        assertThat(drift.path("changes").toString()).contains("Somebody else").contains("Operations");
    }

    @Test
    @Order(5)
    void refusesWebhooksWithoutAValidSignatureAndTriggersNothing() {
        double before = fixture.metric("switchboard_reconcile_total", "result=\"drift\",target=\"olx-main\"");
        String lastRun = fixture.target(fixture.getJson("/api/v1/status"), "olx-main").path("lastRun").asText();
        byte[] body = DaemonFixture.pushTo("main");

        assertThat(fixture.post("/api/v1/webhook/git", body, Map.of()).statusCode()).isEqualTo(401);
        assertThat(fixture.post("/api/v1/webhook/git", body,
                Map.of("X-Hub-Signature-256", DaemonFixture.signature("wrong secret", body))).statusCode()).isEqualTo(401);
        byte[] tampered = "{\"ref\":\"refs/heads/main\",\"after\":\"1111111\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(fixture.post("/api/v1/webhook/git", tampered,
                Map.of("X-Hub-Signature-256", DaemonFixture.signature(GitRepoWithSimulators.WEBHOOK_SECRET, body)))
                .statusCode()).isEqualTo(401);
        assertThat(fixture.post("/api/v1/reconcile", new byte[0], Map.of()).statusCode()).isEqualTo(401);
        assertThat(fixture.post("/api/v1/reconcile", new byte[0], Map.of("Authorization", "Bearer nope")).statusCode())
                .isEqualTo(401);

        byte[] huge = new byte[TriggerResource.MAX_WEBHOOK_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> tooLarge = fixture.post("/api/v1/webhook/git", huge,
                Map.of("X-Hub-Signature-256", DaemonFixture.signature(GitRepoWithSimulators.WEBHOOK_SECRET, huge)));
        assertThat(tooLarge.statusCode()).isEqualTo(413);

        // Two ticks of the scheduler: a pass queued by any of the refused calls would have run by now.
        DaemonFixture.sleep(2500);
        assertThat(fixture.metric("switchboard_reconcile_total", "result=\"drift\",target=\"olx-main\"")).isEqualTo(before);
        assertThat(fixture.target(fixture.getJson("/api/v1/status"), "olx-main").path("lastRun").asText()).isEqualTo(lastRun);
    }

    @Test
    @Order(6)
    void staysUpAndReportsAnUnreachableApiInStatusAndMetrics() {
        fixture.xci.close();
        assertThat(fixture.reconcileNow().statusCode()).isEqualTo(202);
        JsonNode status = fixture.awaitStatus("xci-paris to fail",
                s -> fixture.target(s, "xci-paris").path("result").asText().equals("failed"));
        assertThat(fixture.target(status, "xci-paris").path("lastError").asText()).isNotEmpty();
        assertThat(fixture.target(status, "olx-main").path("result").asText()).isEqualTo("drift");
        assertThat(status.path("lastError").asText()).startsWith("xci-paris: ");
        assertThat(fixture.metric("switchboard_reconcile_total", "result=\"failed\",target=\"xci-paris\"")).isGreaterThanOrEqualTo(1);
        assertThat(fixture.get("/q/health/live").statusCode()).isEqualTo(200);
        assertThat(fixture.get("/q/health/ready").statusCode()).as("readiness stays once reached").isEqualTo(200);
    }

    @Test
    @Order(7)
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
}
