package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.sim.FaultRule;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.officelinx.sim.OfficelinxSimulator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply against an Officelinx simulator that the test runs and injects faults into: lost answers and
 * failing calls, the way a real network and server fail.
 */
@QuarkusTest
class FaultEndToEndTest {

    @Inject
    Commands commands;

    private static final String MAILBOX_POSTS = "/UCBusinessRest/api/EEAMMailboxes/?";

    @TempDir
    Path dir;

    private SimServer server;

    @BeforeEach
    void desiredStateAgainstARunningSimulator() throws Exception {
        server = SimServer.start(SimOptions.DEFAULT, new OfficelinxSimulator(SimCredentials.DEFAULT));
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                settings: { parallelism: 2 }
                targets:
                  olx-main:
                    kind: officelinx
                    url: %s
                    auth: { clientId: switchboard, clientSecret: switchboard, username: admin, password: admin }
                """.formatted(server.baseUri()));
        Files.createDirectories(dir.resolve("officelinx"));
        Files.copy(Path.of("examples/quickstart/officelinx/acme.yaml"), dir.resolve("officelinx/acme.yaml"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode mailboxes() throws Exception {
        HttpResponse<String> state = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUri() + "/_sim/state")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(state.body()).path("officelinx").path("EEAMMailboxes");
    }

    @Test
    void aCreateWhoseAnswerIsLostIsAppliedOnceNotTwice() throws Exception {
        server.inject(FaultRule.parse("reset-after:POST:" + MAILBOX_POSTS + ":1"));

        Commands.Run apply = commands.run("apply", "-c", dir.toString(), "--auto-approve");

        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(ExitCodes.OK);
        assertThat(apply.out()).contains("the server had created it although its answer was lost");
        assertThat(mailboxes()).extracting(m -> m.path("MailboxNo").asText()).containsExactlyInAnyOrder("1001", "1002", "1003");
        assertThat(commands.run("plan", "-c", dir.toString(), "--detailed-exitcode").exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aDeleteWhoseAnswerIsLostIsLookedUpByKeyNotRetriedBlindly()
            throws Exception {
        assertThat(commands.run("apply", "-c", dir.toString(), "--auto-approve").exitCode()).isEqualTo(ExitCodes.OK);
        Files.writeString(dir.resolve("switchboard.yaml"), Files.readString(dir.resolve("switchboard.yaml"))
                .replace("parallelism: 2", "parallelism: 1").replace("    url:", "    prune: true\n    url:"));
        Path acme = dir.resolve("officelinx/acme.yaml");
        Files.writeString(acme, Files.readString(acme).replace("\"1003\"", "\"1004\"").replace("carol@", "dave@")
                .replace("Carol", "Dave"));
        server.inject(FaultRule.parse("reset-after:DELETE:/UCBusinessRest/api/EEAMMailboxes.*:1"));

        Commands.Run apply = commands.run("apply", "-c", dir.toString(), "--auto-approve");

        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(ExitCodes.OK);
        assertThat(apply.out()).contains("the server had deleted it although its answer was lost");
        assertThat(mailboxes()).extracting(m -> m.path("MailboxNo").asText()).containsExactlyInAnyOrder("1001", "1002", "1004");
        assertThat(commands.run("plan", "-c", dir.toString(), "--detailed-exitcode").exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aFailingChangeSkipsItsDependantsAppliesTheRestAndASecondApplyConverges()
            throws Exception {
        server.inject(FaultRule.parse("error-500:POST:" + MAILBOX_POSTS + ":1"));

        Commands.Run first = commands.run("apply", "-c", dir.toString(), "--auto-approve");

        assertThat(first.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(first.out())
                .contains("Apply incomplete: 11 applied, 1 failed, 1 skipped.")
                .containsPattern("! mailbox Acme/100[123]: FAILED: target olx-main, mailbox Acme/100[123]: POST .*HTTP 500")
                .containsPattern("\\. address Acme/100[123]/0/100[123]: skipped: it depends on mailbox Acme/100[123], which failed")
                .contains("What was applied stays applied.");
        assertThat(mailboxes()).hasSize(2);
        Path journals = dir.resolve(".switchboard/journal");
        try (var files = Files.list(journals)) {
            String journal = Files.readString(files.findFirst().orElseThrow());
            assertThat(journal).contains("\"event\":\"failed\"").contains("\"event\":\"skipped\"");
        }

        Commands.Run second = commands.run("apply", "-c", dir.toString(), "--auto-approve");
        assertThat(second.exitCode()).as(second.out()).isEqualTo(ExitCodes.OK);
        assertThat(second.out()).contains("Plan: 2 to create, 0 to update, 0 to delete");
        assertThat(mailboxes()).hasSize(3);
        assertThat(commands.run("plan", "-c", dir.toString(), "--detailed-exitcode").exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aSecondApplyOfATargetBeingAppliedIsRefusedNamingTheHolderAndTouchesNothing()
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                dev.switchboard.engine.LockHolder.class.getName(), dir.toString(), "olx-main").start();
        try {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine())
                    .isEqualTo("locked");
            Commands.Run refused = commands.run("apply", "-c", dir.toString(), "--auto-approve");
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
            assertThat(refused.err()).contains("target olx-main is being applied by pid " + holder.pid())
                    .contains("--lock-timeout");
            assertThat(mailboxes()).isEmpty();
            assertThat(commands.run("plan", "-c", dir.toString()).exitCode()).as("plan takes no lock").isEqualTo(ExitCodes.OK);
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        Commands.Run after = commands.run("apply", "-c", dir.toString(), "--auto-approve", "--lock-timeout", "30s");
        assertThat(after.exitCode()).as(after.out() + after.err()).isEqualTo(ExitCodes.OK);
        assertThat(mailboxes()).hasSize(3);
    }

    @Test
    void aTokenCallThatFailsOnceIsRetriedNotTheEndOfTheCommand() {
        server.inject(FaultRule.parse("reset-before:POST:/UCOAuth2/.*:1"));
        server.inject(FaultRule.parse("error-500:POST:/UCOAuth2/.*:1"));
        Commands.Run plan = commands.run("plan", "-c", dir.toString());
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(ExitCodes.OK);
        assertThat(plan.out()).contains("to create");
    }

    @Test
    void aHungServerIsGivenUpOnWithinTheTargetsTimeoutsNamingThem() throws Exception {
        server.close();
        server = SimServer.start(SimOptions.DEFAULT.withSlowDelay(java.time.Duration.ofSeconds(20)),
                new OfficelinxSimulator(SimCredentials.DEFAULT));
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  olx-main:
                    kind: officelinx
                    url: %s
                    timeouts: { connect: 2s, read: 1s, call: 3s }
                    auth: { clientId: switchboard, clientSecret: switchboard, username: admin, password: admin }
                """.formatted(server.baseUri()));
        server.inject(FaultRule.parse("slow:GET:/UCBusinessRest/api/EEAMCompanies.*:10"));

        Commands.Run plan = commands.run("plan", "-c", dir.toString());

        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        // The report names the target that could not be read, and why.
        assertThat(plan.out()).contains("Error: olx-main: the live state could not be read")
                .contains("no answer within the read timeout of 1s (timeouts.read of the target)")
                .doesNotContain("TimeoutException");
    }

    @Test
    void anUnreachableServerIsAnErrorNamingTheTargetNotAStackTrace() {
        server.close();
        Commands.Run plan = commands.run("plan", "-c", dir.toString());
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.out()).contains("Error: olx-main: the live state could not be read").contains("target olx-main");
        assertThat(plan.output()).doesNotContain("at dev.switchboard");
    }
}
