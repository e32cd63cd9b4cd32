package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.desired.DesiredState;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineSession;
import dev.switchboard.engine.Prefetch;
import dev.switchboard.engine.Progress;
import dev.switchboard.plan.Action;
import dev.switchboard.plan.Plan;
import dev.switchboard.engine.PlanRequest;
import dev.switchboard.sim.RequestLog;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.officelinx.sim.OfficelinxDialects;
import dev.switchboard.systems.officelinx.sim.OfficelinxSimulator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} and {@code drift} read the live state while the desired state loads: the reads start from
 * {@code switchboard.yaml} alone, the session takes them over instead of reading twice, and a target whose
 * declaration changed, or whose reads needed what the desired state declares, is read again.
 */
@QuarkusTest
class PrefetchTest {

    @Inject
    Commands commands;

    @Inject
    Engine engine;

    @TempDir
    Path dir;

    private SimServer server;
    /** Every request the server answered: the reads ahead are awaited on it, not slept for. */
    private RequestLog requests;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void serve(OfficelinxDialects dialects) throws Exception {
        requests = new RequestLog(new OfficelinxSimulator(SimCredentials.DEFAULT, dialects));
        server = SimServer.start(SimOptions.DEFAULT, requests);
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  olx:
                    kind: officelinx
                    url: %s
                    auth: { clientId: switchboard, clientSecret: switchboard, username: admin, password: admin }
                """.formatted(server.baseUri()));
        Files.writeString(dir.resolve("acme.yaml"), """
                target: olx
                companies:
                  - name: Acme
                    pbx: 1
                    featureGroups:
                      - { number: 56, name: Standard }
                    mailboxes:
                      - number: "1001"
                        userName: alice@acme.example
                        firstName: Alice
                        lastName: Liddell
                        featureGroup: 56
                        addresses:
                          - { type: 0, address: "1001" }
                          - { type: 2, address: alice@acme.example }
                """);
        Commands.Run apply = commands.run("apply", "-c", dir.toString(), "--auto-approve");
        assertThat(apply.exitCode()).as(apply.output()).isZero();
    }

    /** The requests one plan of the target makes, read the usual way. */
    private long requestsOfOnePlan() {
        long before = requests.entries().size();
        DesiredState state = engine.loader().load(dir).state().orElseThrow();
        try (EngineSession session = engine.open(state, Set.of())) {
            assertThat(session.plan(PlanRequest.EVERYTHING, Progress.NONE).hasChanges()).isFalse();
        }
        return requests.entries().size() - before;
    }

    @Test
    void theReadsStartFromSwitchboardYamlAloneAndTheSessionTakesThemOver() throws Exception {
        serve(OfficelinxDialects.of(Map.of()));
        long onePlan = requestsOfOnePlan();

        long before = requests.entries().size();
        try (Prefetch prefetch = engine.prefetch(dir, Set.of(), OptionalInt.empty())) {
            // nothing of the desired state is loaded yet: the reads run from the targets alone
            awaitRequests(before + onePlan);
            assertThat(requests.entries().size() - before).as("read ahead before the desired state loaded").isEqualTo(onePlan);
            DesiredState state = engine.loader().load(dir).state().orElseThrow();
            try (EngineSession session = engine.open(state, Set.of(), OptionalInt.empty(), prefetch)) {
                Plan plan = session.plan(PlanRequest.EVERYTHING, Progress.NONE);
                assertThat(plan.hasChanges()).isFalse();
                assertThat(plan.changes()).filteredOn(change -> change.action() == Action.NO_OP)
                        .as("the company, its feature group, the mailbox and its two addresses").hasSize(5);
            }
        }
        assertThat(requests.entries().size() - before).as("taken over, not read again").isEqualTo(onePlan);
    }

    @Test
    void aTargetDeclaredOtherwiseThanItWasReadIsReadAgain() throws Exception {
        serve(OfficelinxDialects.of(Map.of()));
        long onePlan = requestsOfOnePlan();
        try (SimServer fresh = SimServer.start(SimOptions.DEFAULT, new OfficelinxSimulator(SimCredentials.DEFAULT))) {
            long before = requests.entries().size();
            try (Prefetch prefetch = engine.prefetch(dir, Set.of(), OptionalInt.empty())) {
                awaitRequests(before + onePlan);
                // switchboard.yaml now names another server than the one read ahead
                Path config = dir.resolve("switchboard.yaml");
                Files.writeString(config, Files.readString(config).replace(server.baseUri().toString(),
                        fresh.baseUri().toString()));
                DesiredState state = engine.loader().load(dir).state().orElseThrow();
                try (EngineSession session = engine.open(state, Set.of(), OptionalInt.empty(), prefetch)) {
                    Plan plan = session.plan(PlanRequest.EVERYTHING, Progress.NONE);
                    assertThat(plan.changes()).filteredOn(change -> change.action() == Action.CREATE)
                            .as("planned against the server declared, which is empty").hasSize(5);
                }
            }
            assertThat(fresh.requestCount()).as("the server declared was read").isPositive();
        }
    }

    private void awaitRequests(long count) throws InterruptedException {
        assertThat(requests.awaitEntries(Math.toIntExact(count), java.time.Duration.ofSeconds(60)))
                .as("the reads ahead reached the server").isTrue();
    }


    @Test
    void aServerThatListsAddressesOneTypeAtATimeIsReadAgainForTheTypesDeclared() throws Exception {
        serve(OfficelinxDialects.of(Map.of(OfficelinxDialects.ADDRESSTYPE_REQUIRED, "true")));

        Commands.Run plan = commands.run("plan", "-c", dir.toString(), "--detailed-exitcode");

        // read ahead knowing no type but 0, the e-mail address (type 2) would be missing and planned again
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.out()).contains("No changes");
    }

    @Test
    void anInvalidDesiredStateEndsTheReadsAheadAndChangesNothing() throws Exception {
        serve(OfficelinxDialects.of(Map.of()));
        String before = server.simulators().get(0).snapshot().toString();
        Files.writeString(dir.resolve("broken.yaml"), """
                target: olx
                companies:
                  - name: Beta
                    pbx: one
                """);

        Commands.Run plan = commands.run("plan", "-c", dir.toString());

        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err()).contains("broken.yaml:4").contains("has 1 problem: nothing was changed.");
        assertThat(server.simulators().get(0).snapshot().toString()).isEqualTo(before);
    }
}
