package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon in apply mode never goes past a safety gate (SPEC sections 4 and 6): a commit whose plan
 * deletes more than {@code maxDeletePercent} of a pruning target's live objects is reported as
 * {@code blocked}, naming the threshold, and nothing is deleted. One story on one daemon, so one test:
 * eleven administrators applied, four of them dropped and blocked, and blocked again on the next pass.
 */
@QuarkusTest
@TestProfile(SafetyGateDaemonTest.ApplyMode.class)
class SafetyGateDaemonTest {

    /** Its own profile (so its own daemon and simulators): the commits below would upset the other tests'. */
    public static class ApplyMode implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GitRepoWithSimulators.class, Map.of("mode", "apply", "poll", "1h")));
        }
    }

    private static final List<String> TEAM = IntStream.rangeClosed(1, 11).mapToObj(i -> String.format("team%02d", i))
            .toList();

    DaemonFixture fixture;

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void pointAtTheDaemon() {
        fixture.root = root;
    }

    private static String administrators(List<String> logins) {
        return logins.stream().map(login -> "  - { login: " + login + ", name: Member " + login
                + ", superAdmin: false, ldap: true }\n").collect(Collectors.joining());
    }

    private JsonNode reconcileUntil(String commit, String result) {
        assertThat(fixture.reconcileNow().statusCode()).isEqualTo(202);
        return fixture.awaitStatus("xci-paris to be " + result + " at " + commit,
                s -> fixture.target(s, "xci-paris").path("commit").asText().equals(commit)
                        && fixture.target(s, "xci-paris").path("result").asText().equals(result));
    }

    @Test
    void blocksACommitThatDeletesMoreThanMaxDeletePercentOnEveryPassAndDeletesNothing() {
        appliesElevenAdministratorsOnAPruningTarget();
        blocksACommitThatDropsFourOfThem();
        staysBlockedOnTheNextPassUntilGitChanges();
    }

    private void appliesElevenAdministratorsOnAPruningTarget() {
        fixture.awaitStatus("both targets applied", s -> s.path("ready").asBoolean()
                && fixture.target(s, "xci-paris").path("result").asText().equals("applied"));
        fixture.commitEdit("switchboard.yaml", "      login: admin\n      password: admin\n",
                "      login: admin\n      password: admin\n    prune: true\n", "xci-paris prunes what Git does not declare");
        String commit = fixture.commitEdit("xci/paris.yaml", "administrators:\n",
                "administrators:\n" + administrators(TEAM), "Eleven team administrators");

        JsonNode status = reconcileUntil(commit, "applied");
        assertThat(fixture.target(status, "xci-paris").path("lastPlan").path("create").asInt()).isEqualTo(TEAM.size());
        assertThat(fixture.xciAdministratorLogins()).containsAll(TEAM);
    }

    private void blocksACommitThatDropsFourOfThem() {
        // Live on xci-paris: xivo-paris, the administrators admin and ops, and the eleven: 14 objects.
        // Dropping four of them from Git plans 4 deletes of 14 (29%), above the default maxDeletePercent 25.
        List<String> dropped = TEAM.subList(0, 4);
        double blockedBefore = Math.max(0,
                fixture.metric("switchboard_reconcile_total", "result=\"blocked\",target=\"xci-paris\""));
        String commit = fixture.commitEdit("xci/paris.yaml", administrators(dropped), "",
                "Drop four team administrators");

        JsonNode status = reconcileUntil(commit, "blocked");
        JsonNode xci = fixture.target(status, "xci-paris");
        assertThat(xci.path("lastError").asText())
                .contains("plan deletes 4 of 14 live objects (29%), above maxDeletePercent 25");
        assertThat(xci.path("lastPlan").path("delete").asInt()).isEqualTo(4);
        assertThat(xci.path("driftCount").asInt()).as("nothing was applied").isEqualTo(4);
        assertThat(fixture.xciAdministratorLogins()).as("a blocked plan deletes nothing").containsAll(dropped);
        assertThat(fixture.metric("switchboard_reconcile_total", "result=\"blocked\",target=\"xci-paris\""))
                .isEqualTo(blockedBefore + 1);
        assertThat(fixture.metric("switchboard_reconcile_total", "result=\"applied\",target=\"xci-paris\""))
                .as("the blocked pass is not counted as applied").isEqualTo(2);
        assertThat(fixture.target(status, "olx-main").path("result").asText()).isEqualTo("in-sync");
    }

    private void staysBlockedOnTheNextPassUntilGitChanges() {
        double blockedBefore = fixture.metric("switchboard_reconcile_total", "result=\"blocked\",target=\"xci-paris\"");
        assertThat(fixture.reconcileNow().statusCode()).isEqualTo(202);
        fixture.awaitStatus("another pass of xci-paris", s -> fixture.metric("switchboard_reconcile_total",
                "result=\"blocked\",target=\"xci-paris\"") > blockedBefore);
        JsonNode status = fixture.getJson("/api/v1/status");
        assertThat(fixture.target(status, "xci-paris").path("result").asText()).isEqualTo("blocked");
        assertThat(fixture.target(status, "xci-paris").path("lastError").asText()).contains("maxDeletePercent 25");
        assertThat(fixture.xciAdministratorLogins()).containsAll(TEAM);
    }
}
