package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.desired.DesiredState;
import dev.switchboard.engine.Engine;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.sim.RequestLog;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dynamic membership (SPEC section 6) against fabric8's Kubernetes mock server in CRUD mode, an API server that
 * stores Leases, through a real fabric8 client per replica: three replicas, each a {@link LeaseFleet} with a
 * Lease and identity of its own and a {@link Reconciler}, over 30 simulated Officelinx targets. Short Lease
 * timings (4 s, 3 s, 0.5 s) keep it quick; every wait ends on what it waits for, and no time is asserted.
 */
@QuarkusTest
class LeaseFleetTest {

    private static final Duration LONGEST = Duration.ofSeconds(60);
    private static final FleetSettings QUICK = new FleetSettings(1, java.util.OptionalInt.empty(),
            FleetSettings.Membership.KUBERNETES, new FleetSettings.LeaseSettings(Optional.of("fleet"), Optional.empty(),
            "test", Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500)));

    @Inject
    Engine engine;

    @TempDir
    Path work;

    private KubernetesMockServer server;
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final List<LeaseFleet> fleets = new ArrayList<>();
    /** Notified by every replica's {@link LeaseFleet} when its Lease or its view of the members changed. */
    private final Object changes = new Object();
    private SimulatedTargets targets;

    @BeforeEach
    void startApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(),
                false);
        server.init();
    }

    @AfterEach
    void stop() {
        fleets.forEach(LeaseFleet::stopRenewing);
        clients.forEach(KubernetesClient::close);
        server.destroy();
        if (targets != null) {
            targets.close();
        }
    }

    @Test
    void threeReplicasOwnEachTargetOnceAndTheSurvivorsTakeTheTargetsOfOneThatStopsRenewing() throws Exception {
        targets = new SimulatedTargets(30, 1, Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            fleets.add(fleet("switchboard-" + i));
        }
        awaitMembers(fleets, 3);
        DesiredState state = engine.loader().load(targets.dir).requireValid();

        assertOwnedExactlyOnce(state, fleets);
        List<Pass> first = applyOnEveryReplica("c1");
        assertThat(first).flatMap(Pass::outcomes).extracting(TargetOutcome::result).containsOnly(Result.APPLIED);
        assertThat(first).flatMap(Pass::outcomes).hasSize(30);
        assertEveryObjectCreatedOnce("/EEAMMailboxes", 1);

        LeaseFleet silent = fleets.get(2);
        List<String> itsTargets = state.targets().values().stream().filter(t -> silent.owner(t).mine())
                .map(TargetSpec::name).toList();
        assertThat(itsTargets).isNotEmpty();
        silent.stopRenewing();
        awaitMembers(fleets.subList(0, 2), 2);

        assertThat(silent.mayApply()).isFalse();
        assertOwnedExactlyOnce(state, fleets.subList(0, 2));
        assertThat(state.targets().values().stream().filter(t -> silent.owner(t).mine())).isEmpty();

        targets.writeMailboxes(2);
        List<Pass> second = applyOnEveryReplica("c2");
        assertThat(second.get(2).outcomes()).isEmpty();
        assertThat(second.subList(0, 2)).allSatisfy(p -> assertThat(p.owners().values()).doesNotContain("switchboard-2"));
        assertThat(second.subList(0, 2)).flatMap(Pass::outcomes).hasSize(30)
                .extracting(TargetOutcome::result).containsOnly(Result.APPLIED);
        assertEveryObjectCreatedOnce("/EEAMMailboxes", 2);
    }

    @Test
    void aReplicaThatLostItsLeaseAppliesNothingEvenWhereItStillThinksItOwnsATarget() {
        targets = new SimulatedTargets(2, 1, Duration.ZERO);
        LeaseFleet only = fleet("switchboard-0");
        fleets.add(only);
        awaitMembers(List.of(only), 1);
        Fleet stale = new Fleet() {
            @Override
            public Owner owner(TargetSpec target) {
                return Owner.of(true, "switchboard-0");
            }

            @Override
            public String shard() {
                return only.shard();
            }

            @Override
            public boolean mayApply() {
                return only.mayApply();
            }
        };
        only.stopRenewing();
        await(() -> !only.mayApply(), "the replica sees it no longer holds its Lease");

        Pass pass = new Reconciler(engine).reconcile(targets.revision("c1"), DaemonConfig.Mode.APPLY, work.resolve("r0"),
                List.of(), () -> false, stale, 2);

        assertThat(pass.outcomes()).hasSize(2).allSatisfy(o -> {
            assertThat(o.result()).isEqualTo(Result.DRIFT);
            assertThat(o.error()).hasValueSatisfying(e -> assertThat(e).contains("no longer holds its Lease"));
        });
        targets.logs.values().forEach(log -> assertThat(log.writes()).filteredOn(e -> !e.path().contains("OAuth")).isEmpty());
    }

    @Test
    void aMemberIsOneWhoseLeaseIsUnexpiredAndAnApplyNeedsARenewalWithinTheDeadline() {
        Instant renewed = Instant.parse("2026-12-01T10:00:00Z");
        Lease lease = lease("switchboard-1", renewed, 15);
        Lease released = lease("", renewed, 15);
        Lease foreign = new LeaseBuilder(lease("switchboard-2", renewed, 15)).editMetadata()
                .withName(LeaseFleet.leaseName("switchboard-7")).endMetadata().build();

        assertThat(LeaseFleet.members(List.of(lease, released, foreign), renewed.plusSeconds(14), "x", true))
                .containsExactly("switchboard-1");
        assertThat(LeaseFleet.members(List.of(lease), renewed.plusSeconds(15), "x", true)).isEmpty();
        assertThat(LeaseFleet.members(List.of(lease), renewed.plusSeconds(1), "switchboard-1", false)).isEmpty();
        // The holder stops applying 10 s after its last renewal, 5 s before the others may take its targets.
        assertThat(LeaseFleet.renewedWithin(lease, renewed.plusSeconds(9), Duration.ofSeconds(10))).isTrue();
        assertThat(LeaseFleet.renewedWithin(lease, renewed.plusSeconds(10), Duration.ofSeconds(10))).isFalse();
        assertThat(LeaseFleet.leaseName("Switchboard_0")).isEqualTo("switchboard-member-switchboard-0");
    }

    private static Lease lease(String holder, Instant renewed, int seconds) {
        return new LeaseBuilder().withNewMetadata().withName(LeaseFleet.leaseName(holder.isEmpty() ? "gone" : holder))
                .endMetadata().withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds(seconds)
                .withRenewTime(ZonedDateTime.ofInstant(renewed, ZoneOffset.UTC)).endSpec().build();
    }

    private LeaseFleet fleet(String identity) {
        KubernetesClient client = server.createClient();
        clients.add(client);
        return LeaseFleet.start(client, "fleet", identity, QUICK, java.time.Clock.systemUTC(), this::changed);
    }

    /** Runs a pass on every replica at once, each in apply mode in a work directory of its own. */
    private List<Pass> applyOnEveryReplica(String commit) throws Exception {
        targets.logs.values().forEach(RequestLog::clear);
        List<CompletableFuture<Pass>> passes = new ArrayList<>();
        for (int i = 0; i < fleets.size(); i++) {
            LeaseFleet fleet = fleets.get(i);
            Path dir = work.resolve("replica-" + i);
            Files.createDirectories(dir);
            passes.add(CompletableFuture.supplyAsync(() -> new Reconciler(engine).reconcile(targets.revision(commit),
                    DaemonConfig.Mode.APPLY, dir, List.of(), () -> false, fleet, 4)));
        }
        List<Pass> done = new ArrayList<>();
        for (CompletableFuture<Pass> pass : passes) {
            done.add(pass.get());
        }
        return done;
    }

    /**
     * Through the simulators' request logs: every target's server saw exactly one create of each new object,
     * which two replicas applying one target at once (both planning from the same live state) would double.
     */
    private void assertEveryObjectCreatedOnce(String path, int count) {
        for (Map.Entry<String, RequestLog> log : targets.logs.entrySet()) {
            long creates = log.getValue().writes().stream()
                    .filter(e -> e.method().equals("POST") && e.path().endsWith(path)).count();
            assertThat(creates).as(log.getKey() + ": creates of " + path + " since the last pass").isEqualTo(1);
            assertThat(targets.servers.get(log.getKey()).simulators().get(0).snapshot().toString())
                    .contains("\"" + (1000 + count) + "\"");
        }
    }

    private static void assertOwnedExactlyOnce(DesiredState state, List<LeaseFleet> fleets) {
        for (TargetSpec target : state.targets().values()) {
            List<String> owners = fleets.stream().filter(f -> f.owner(target).mine()).map(LeaseFleet::shard).toList();
            assertThat(owners).as(target.name()).hasSize(1);
            assertThat(fleets).allSatisfy(f -> assertThat(f.owner(target).shard()).isEqualTo(owners.get(0)));
        }
    }

    private void awaitMembers(List<LeaseFleet> fleets, int count) {
        await(() -> fleets.stream().allMatch(f -> f.holding() && f.members().size() == count && f.memberCount() == count),
                "every replica sees " + count + " members");
    }

    /** Checks {@code condition} again each time a replica took or lost its Lease or read the fleet's Leases. */
    private void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + LONGEST.toNanos();
        synchronized (changes) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("not within " + LONGEST + ": " + what);
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(changes, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    private void changed() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }
}
