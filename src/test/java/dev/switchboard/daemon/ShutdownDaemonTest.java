package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shutdown waits for an apply in flight (SPEC section 6): the daemon is stopped through the observer
 * Quarkus calls on shutdown while the XCI simulator holds back its answers to the apply's creates, and
 * every change the apply started has been applied, and recorded as such, by the time the observer
 * returns. The answers are held until the shutdown is under way, and released then: no window of time
 * the test has to hit. Stopping the daemon ends what the other daemon tests need, hence a profile of its own.
 */
@QuarkusTest
@TestProfile(ShutdownDaemonTest.HeldCreates.class)
class ShutdownDaemonTest {

    public static class HeldCreates implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GitRepoWithSimulators.class,
                    Map.of("mode", "apply", "poll", "1h", "hold-xci-creates", "true")));
        }
    }

    private static final List<String> TEAM = List.of("team01", "team02", "team03", "team04");

    DaemonFixture fixture;

    @Inject
    Daemon daemon;

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void pointAtTheDaemon() {
        fixture.root = root;
    }

    @Test
    void waitsForTheApplyInFlightBeforeReturning() throws Exception {
        fixture.awaitStatus("both targets applied", s -> s.path("ready").asBoolean()
                && fixture.target(s, "olx-main").path("result").asText().equals("applied")
                && fixture.target(s, "xci-paris").path("result").asText().equals("applied"));
        String commit = fixture.commitEdit("xci/paris.yaml", "administrators:\n", "administrators:\n"
                + TEAM.stream().map(login -> "  - { login: " + login + ", name: Member " + login
                + ", superAdmin: false, ldap: true }\n").collect(Collectors.joining()), "Four team administrators");
        fixture.xciCreates.hold();
        assertThat(fixture.reconcileNow().statusCode()).isEqualTo(202);
        fixture.xciCreates.awaitHeld(); // a create was made and its answer is held: the apply is in flight

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> daemon.shutdown(new ShutdownEvent()));
        // Once stopping, the daemon refuses new work: the shutdown is under way, and must still be waiting.
        awaitRefused();
        assertThat(shutdown).as("shutdown waits while the apply's answers are held").isNotDone();
        fixture.xciCreates.release();
        shutdown.get(60, TimeUnit.SECONDS);

        assertThat(fixture.xciAdministratorLogins()).as("every create of the apply in flight was made").containsAll(TEAM);
        Map<String, List<String>> journal = journal("xci-paris");
        assertThat(journal.keySet()).containsExactlyInAnyOrderElementsOf(TEAM);
        assertThat(journal.values()).as("every change started was applied, and the journal says so")
                .allSatisfy(events -> assertThat(events).containsExactly("started", "applied"));
        JsonNode xci = fixture.target(fixture.getJson("/api/v1/status"), "xci-paris");
        assertThat(xci.path("commit").asText()).isEqualTo(commit);
        assertThat(xci.path("result").asText()).isEqualTo("applied");
        assertThat(fixture.reconcileNow().statusCode()).as("a stopped daemon starts nothing").isEqualTo(503);
    }

    /** Asks for a pass until the daemon refuses it (503), which it does from the moment it is stopping. */
    private void awaitRefused() {
        Instant deadline = Instant.now().plusSeconds(60);
        while (fixture.reconcileNow().statusCode() != 503) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the daemon never started to shut down");
            }
            DaemonFixture.sleep(10);
        }
    }

    /** The events of the newest journal of {@code target}, by the key of the change they are about. */
    private Map<String, List<String>> journal(String target) throws IOException {
        Path newest;
        try (Stream<Path> files = Files.list(fixture.dataDir.resolve(".switchboard/journal"))) {
            newest = files.filter(f -> f.getFileName().toString().endsWith("-" + target + ".jsonl")).sorted()
                    .reduce((first, second) -> second).orElseThrow();
        }
        Map<String, List<String>> events = new LinkedHashMap<>();
        for (String line : Files.readAllLines(newest)) {
            JsonNode entry = DaemonFixture.parse(line);
            if (!entry.has("key")) {
                continue; // the journal's begin and end
            }
            events.computeIfAbsent(entry.path("key").asText(), k -> new ArrayList<>())
                    .add(entry.path("event").asText());
        }
        return events;
    }
}
