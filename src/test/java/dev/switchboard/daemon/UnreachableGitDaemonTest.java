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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daemon pointed at a Git remote that does not exist: it stays up, unready, and says why. */
@QuarkusTest
@TestProfile(UnreachableGitDaemonTest.NoRemote.class)
class UnreachableGitDaemonTest {

    public static class NoRemote implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GitRepoWithSimulators.class,
                    Map.of("git-url", "/nonexistent/switchboard-desired-state.git")));
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
    void staysUpUnreadyWithTheFetchErrorInStatusHealthAndMetrics() {
        JsonNode status = fixture.awaitStatus("the fetch to fail", s -> s.path("lastFetch").path("error").isTextual());
        assertThat(status.path("ready").asBoolean()).isFalse();
        assertThat(status.path("lastFetch").path("error").asText())
                .contains("cannot fetch branch main from /nonexistent/switchboard-desired-state.git");
        assertThat(status.path("targets")).isEmpty();
        assertThat(status.path("nextRun").asText()).isNotEmpty();
        assertThat(fixture.metric("switchboard_git_fetch_total", "result=\"failure\"")).isGreaterThanOrEqualTo(1);

        assertThat(fixture.get("/q/health/live").statusCode()).isEqualTo(200);
        var ready = fixture.get("/q/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("cannot fetch branch main");
        assertThat(fixture.reconcileNow().statusCode()).as("the daemon still takes requests").isEqualTo(202);
    }
}
