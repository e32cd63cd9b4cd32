package dev.switchboard.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.officelinx.sim.OfficelinxSimulator;
import dev.switchboard.systems.xci.sim.XciSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged {@code switchboard apply} of a few hundred objects (an Officelinx company with its mailboxes
 * and their addresses, an XCI entity with as many users), run as a separate process and killed with
 * SIGKILL at a moment drawn from the seed; then applied again, to the end. Afterwards every declared object
 * is on the servers exactly once, and the second apply has read the killed one's journal and said what
 * its unfinished changes did. Runs after {@code package} (failsafe), 5 seeds in {@code mvn verify} (14 s each) and
 * {@code -Dkill.seeds=50} through {@code bench/faults}.
 */
class KillAndResumeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAILBOXES = 60;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final AtomicInteger CONVERGED = new AtomicInteger();
    private static final AtomicInteger KILLED_MIDWAY = new AtomicInteger();

    @TempDir
    Path work;

    static LongStream seeds() {
        long from = Long.getLong("kill.from", 0);
        return LongStream.range(from, from + Long.getLong("kill.seeds", 5));
    }

    /** Whether a journal lacks its end: the killed apply was inside a target's apply, not between two. */
    private static boolean anyJournalUnended(Path journals) throws IOException {
        if (!Files.isDirectory(journals)) {
            return false;
        }
        try (Stream<Path> files = Files.list(journals)) {
            for (Path file : files.toList()) {
                if (!Files.readString(file).contains("\"event\":\"end\"")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Process switchboard(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long lines(Path journals) throws IOException {
        if (!Files.isDirectory(journals)) {
            return 0;
        }
        long count = 0;
        try (Stream<Path> files = Files.list(journals)) {
            for (Path file : files.toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    count += lines.count();
                } catch (java.io.UncheckedIOException torn) {
                    // a line being written
                }
            }
        }
        return count;
    }

    private static JsonNode state(SimServer server) throws Exception {
        HttpResponse<String> state = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUri() + "/_sim/state")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(state.body());
    }

    /** How many times each value of {@code field} occurs in {@code rows}. */
    private static Map<String, Integer> counts(JsonNode rows, String field) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach(row -> counts.merge(row.path(field).asText(), 1, Integer::sum));
        return counts;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anApplyKilledAtARandomMomentIsFinishedByTheNextWithNoDuplicateAndNothingLost(long seed) throws Exception {
        Random random = new Random(seed);
        try (SimServer server = SimServer.start(SimOptions.DEFAULT.withLatency(Duration.ofMillis(2)),
                new OfficelinxSimulator(SimCredentials.DEFAULT), new XciSimulator(SimCredentials.DEFAULT))) {
            Path dir = work.resolve("repo");
            FaultScenario.files(dir, server.baseUri().toString(), MAILBOXES, 4).write(0);
            Path journals = dir.resolve(".switchboard/journal");
            // about 2 journal lines per change (started, applied) and 3 objects per number, plus the parents
            long killAt = 1 + random.nextInt(MAILBOXES * 6);

            Process first = switchboard(work.resolve("first.log"), "apply", "-c", dir.toString(), "--auto-approve");
            // the process's end is the signal that stops the wait early; the journal's length picks the moment
            while (lines(journals) < killAt && !first.waitFor(2, TimeUnit.MILLISECONDS)) {
                // not yet
            }
            boolean killedMidway = first.isAlive();
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no end of the journal
            first.waitFor(30, TimeUnit.SECONDS);
            boolean insideAnApply = anyJournalUnended(journals);

            Process second = switchboard(work.resolve("second.log"), "apply", "-c", dir.toString(), "--auto-approve");
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the second apply ends").isTrue();
            String output = Files.readString(work.resolve("second.log"));
            output.lines().filter(l -> l.contains("interrupted apply")).limit(2)
                    .forEach(l -> System.out.println("kill: seed " + seed + ":" + l));
            RUNS.incrementAndGet();
            KILLED_MIDWAY.addAndGet(killedMidway ? 1 : 0);
            assertThat(second.exitValue()).as(output).isZero();
            if (insideAnApply) {
                assertThat(output).as("the killed apply's journal was read first")
                        .contains("An earlier apply was interrupted");
            }

            JsonNode state = state(server);
            Map<String, Integer> mailboxes = counts(state.path("officelinx").path("EEAMMailboxes"), "MailboxNo");
            Map<String, Integer> addresses = counts(state.path("officelinx").path("EEAMMailboxAddresses"), "Address");
            Map<String, Integer> users = counts(state.path("xci").path("users"), "internalNumber");
            assertThat(mailboxes).as("every mailbox once").hasSize(MAILBOXES).allSatisfy((n, c) -> assertThat(c).isOne());
            assertThat(addresses).as("every address once").hasSize(MAILBOXES).allSatisfy((n, c) -> assertThat(c).isOne());
            assertThat(users).as("every user once").hasSize(MAILBOXES).allSatisfy((n, c) -> assertThat(c).isOne());
            assertThat(state.path("officelinx").path("EEAMDepartments")).as("Sales and Support once").hasSize(2);
            assertThat(output).contains("Apply complete").doesNotContain("FAILED");
            CONVERGED.incrementAndGet();
        }
    }

    @AfterAll
    static void summary() {
        System.out.printf("kill: %d/%d converged (%d killed mid-apply), 0 duplicates, 0 lost%n", CONVERGED.get(), RUNS.get(),
                KILLED_MIDWAY.get());
    }
}
