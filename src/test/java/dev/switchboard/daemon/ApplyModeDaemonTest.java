package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.systems.xci.sim.XciHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon in apply mode, following a real Git repository with both targets on running simulators and
 * no polling to speak of (an hour), so that only signed webhooks and the reconcile endpoint bring commits in.
 * The tests share one daemon, each in any order: each starts once both targets are applied or in sync at
 * the head of the repository, and puts the first commit's desired state back when it ends.
 */
@QuarkusTest
@TestProfile(ApplyModeDaemonTest.ApplyMode.class)
class ApplyModeDaemonTest {

    public static class ApplyMode implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GitRepoWithSimulators.class, Map.of("mode", "apply", "poll", "1h")));
        }
    }

    DaemonFixture fixture;

    @Inject
    Daemon daemon;

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void awaitTheHeadApplied() {
        fixture.root = root;
        awaitHeadApplied();
    }

    private JsonNode awaitHeadApplied() {
        return fixture.awaitStatus("both targets applied or in sync at the head commit", s -> s.path("ready").asBoolean()
                && Stream.of("olx-main", "xci-paris").allMatch(t -> fixture.target(s, t).path("commit").asText()
                        .equals(fixture.head()) && List.of("applied", "in-sync").contains(
                        fixture.target(s, t).path("result").asText())));
    }

    @AfterEach
    void putBackTheFirstCommit() {
        fixture.resetToFirstCommit();
        assertThat(fixture.reconcileNow().statusCode()).isEqualTo(202);
        fixture.awaitIdle(daemon);
    }

    private JsonNode administrator(String login) {
        XciHttp xci = new XciHttp(fixture.xci.baseUri());
        xci.login("admin", "admin");
        for (JsonNode admin : xci.ok(xci.get("/administrators")).path("items")) {
            if (admin.path("login").asText().equals(login)) {
                return admin;
            }
        }
        return DaemonFixture.JSON.missingNode();
    }

    @Test
    void appliesTheFirstCommit() {
        JsonNode status = awaitHeadApplied();
        assertThat(fixture.target(status, "olx-main").path("driftCount").asInt()).isZero();
        assertThat(administrator("ops").path("name").asText()).isEqualTo("Ops team");
        // The servers start empty: the first pass applied every object, whichever test came first.
        assertThat(fixture.metric("switchboard_reconcile_total", "result=\"applied\",target=\"xci-paris\"")).isGreaterThanOrEqualTo(1);
        assertThat(fixture.metric("switchboard_api_requests_total", "method=\"POST\",status=\"201\",target=\"olx-main\""))
                .isGreaterThanOrEqualTo(1);

        assertThat(fixture.reconcileNow().statusCode()).isEqualTo(202);
        fixture.awaitStatus("a second pass to find both targets in sync",
                s -> fixture.target(s, "olx-main").path("result").asText().equals("in-sync")
                        && fixture.target(s, "xci-paris").path("result").asText().equals("in-sync"));
    }

    @Test
    void picksUpANewCommitBySignedWebhookAndAppliesIt() {
        String commit = fixture.commitEdit("xci/paris.yaml", "name: Ops team", "name: Operations", "Rename the ops team");
        byte[] otherBranch = DaemonFixture.pushTo("feature");
        assertThat(fixture.post("/api/v1/webhook/git", otherBranch, Map.of("X-Hub-Signature-256",
                DaemonFixture.signature(GitRepoWithSimulators.WEBHOOK_SECRET, otherBranch))).body()).contains("ignored");

        byte[] body = DaemonFixture.pushTo("main");
        assertThat(fixture.post("/api/v1/webhook/git", body, Map.of("X-Hub-Signature-256",
                DaemonFixture.signature(GitRepoWithSimulators.WEBHOOK_SECRET, body))).statusCode()).isEqualTo(202);

        JsonNode status = fixture.awaitStatus("the webhook to bring " + commit + " in",
                s -> fixture.target(s, "xci-paris").path("commit").asText().equals(commit)
                        && fixture.target(s, "xci-paris").path("result").asText().equals("applied"));
        assertThat(fixture.target(status, "xci-paris").path("lastPlan").path("update").asInt()).isEqualTo(1);
        assertThat(administrator("ops").path("name").asText()).isEqualTo("Operations");
        // The status links the apply's journal, for 'switchboard rollback JOURNAL'.
        String journal = fixture.target(status, "xci-paris").path("lastJournal").asText();
        assertThat(journal).endsWith("-xci-paris.jsonl");
        assertThat(java.nio.file.Path.of(journal)).content().contains("\"administrator\"").contains("Operations");
    }

    @Test
    void picksUpANewCommitByGitlabsPushWebhookWithItsToken() {
        String commit = fixture.commitEdit("xci/paris.yaml", "name: Ops team", "name: Ops (GitLab)", "Rename the ops team");
        // GitLab's push event: the secret in X-Gitlab-Token, the branch in ref, as its documentation shows.
        byte[] body = ("{\"object_kind\":\"push\",\"event_name\":\"push\",\"ref\":\"refs/heads/main\",\"after\":\""
                + commit + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(fixture.post("/api/v1/webhook/git", body, Map.of("X-Gitlab-Event", "Push Hook",
                "X-Gitlab-Token", GitRepoWithSimulators.WEBHOOK_SECRET)).statusCode()).isEqualTo(202);

        JsonNode status = fixture.awaitStatus("the GitLab webhook to bring " + commit + " in",
                s -> fixture.target(s, "xci-paris").path("commit").asText().equals(commit)
                        && fixture.target(s, "xci-paris").path("result").asText().equals("applied"));
        assertThat(fixture.target(status, "xci-paris").path("lastPlan").path("update").asInt()).isEqualTo(1);
        assertThat(administrator("ops").path("name").asText()).isEqualTo("Ops (GitLab)");
    }

    @Test
    void revertsAChangeMadeOnTheServerBehindGitsBackAndReportsIt() {
        XciHttp xci = new XciHttp(fixture.xci.baseUri());
        xci.login("admin", "admin");
        xci.ok(xci.put("/administrators/" + administrator("ops").path("id").asText(), Map.of("name", "Hand-edited")));
        double appliedBefore = fixture.metric("switchboard_reconcile_total", "result=\"applied\",target=\"xci-paris\"");

        assertThat(fixture.reconcileNow().statusCode()).isEqualTo(202);
        fixture.awaitStatus("the hand edit to be reverted", s -> fixture.metric("switchboard_reconcile_total",
                "result=\"applied\",target=\"xci-paris\"") > appliedBefore);
        assertThat(administrator("ops").path("name").asText()).isEqualTo("Ops team");
        String drift = fixture.get("/api/v1/drift").body();
        assertThat(drift).as("the drift found before the apply").contains("Hand-edited").contains("\"update\"");
    }

    @Test
    void neverAppliesToAReadOnlyTargetAndSkipsASuspendedOne() {
        fixture.commitEdit("switchboard.yaml", "      login: admin\n      password: admin\n",
                "      login: admin\n      password: admin\n    readOnly: true\n", "xci-paris is read-only");
        fixture.commitEdit("switchboard.yaml", "kind: officelinx\n",
                "kind: officelinx\n    suspend: true\n", "Suspend olx-main");
        fixture.commitEdit("xci/paris.yaml", "name: Ops team", "name: Operations team", "Rename the ops team");
        double olxRuns = fixture.metricSum("switchboard_reconcile_total", "target=\"olx-main\"");

        assertThat(fixture.reconcileNow().statusCode()).isEqualTo(202);
        JsonNode status = fixture.awaitStatus("the read-only and suspended targets to be reported",
                s -> fixture.target(s, "xci-paris").path("result").asText().equals("read-only")
                        && fixture.target(s, "olx-main").path("suspended").asBoolean());
        assertThat(fixture.target(status, "xci-paris").path("driftCount").asInt()).isEqualTo(1);
        assertThat(administrator("ops").path("name").asText()).as("a read-only target is never applied")
                .isEqualTo("Ops team");
        assertThat(fixture.target(status, "olx-main").path("result").asText()).isEqualTo("suspended");
        assertThat(fixture.metricSum("switchboard_reconcile_total", "target=\"olx-main\"")).isEqualTo(olxRuns);
    }
}
