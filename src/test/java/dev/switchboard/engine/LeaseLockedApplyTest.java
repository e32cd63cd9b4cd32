package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.apply.ApplyReport;
import dev.switchboard.apply.ChangeResult;
import dev.switchboard.desired.ChangeWindows;
import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.Notifications;
import dev.switchboard.desired.NumberPlan;
import dev.switchboard.desired.Settings;
import dev.switchboard.diff.NormalizerRegistry;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.Plan;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Provider;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository with {@code settings.lock: kubernetes}: its sessions take the target's Lease (against fabric8's
 * Kubernetes mock server in CRUD mode), one apply at a time, and an apply whose Lease another took starts no
 * further change.
 */
class LeaseLockedApplyTest {

    private static final ResourceKind THING = ResourceKind.of("test", "thing");
    private static final LeaseTargetLock.Timings QUICK = new LeaseTargetLock.Timings(Duration.ofSeconds(3),
            Duration.ofSeconds(2), Duration.ofMillis(200));

    @TempDir
    Path dir;

    private KubernetesMockServer server;
    private KubernetesClient client;
    private final List<String> created = Collections.synchronizedList(new ArrayList<>());
    /** Runs inside the first create, before it answers. */
    private Runnable duringFirstCreate = () -> { };

    @BeforeEach
    void startApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(),
                false);
        server.init();
        client = server.createClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void anApplyHoldsTheTargetsLeaseUntilItEndsAndAnotherSessionIsRefusedNamingIt() {
        try (EngineSession ci = session()) {
            ci.lockForApply(Duration.ZERO, "apply");
            String holder = lease().getSpec().getHolderIdentity();
            assertThat(holder).contains("(apply, hold ");
            try (EngineSession daemon = session()) {
                assertThatThrownBy(() -> daemon.lockForApply(Duration.ZERO, "serve"))
                        .isInstanceOf(EngineException.class)
                        .hasMessageContaining("target pbx is being applied by " + holder)
                        .hasMessageContaining("Lease locks/switchboard-lock-pbx");
            }
            // No file lock is taken beside it: the Lease is the lock.
            assertThat(dir.resolve(".switchboard/locks")).doesNotExist();
        }
        assertThat(lease().getSpec().getHolderIdentity()).isNullOrEmpty();
        try (EngineSession daemon = session()) {
            daemon.lockForApply(Duration.ZERO, "serve");
            assertThat(lease().getSpec().getHolderIdentity()).contains("(serve, hold ");
        }
    }

    @Test
    void anApplyWhoseLeaseAnotherTookStartsNoFurtherChange() throws IOException {
        ApplyReport report;
        try (EngineSession session = session()) {
            duringFirstCreate = () -> {
                LeaseTargetLockTest.takeOver(client, "locks", "switchboard-lock-pbx", "pid 9 on laptop (apply)");
                try {
                    assertThat(((LeaseTargetLock) session.lock("pbx")).awaitLost(Duration.ofSeconds(60))).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            Plan plan = session.plan(new PlanRequest(Set.of(), List.of(), false), Progress.NONE);
            report = session.apply(plan, new ApplyOptions(false, OptionalInt.of(1), false), Progress.NONE);
        }
        assertThat(created).containsExactly("thing-1");
        List<ChangeResult> results = report.targets().get(0).results();
        assertThat(results).extracting(ChangeResult::status).containsExactly(ChangeResult.Status.APPLIED,
                ChangeResult.Status.SKIPPED, ChangeResult.Status.SKIPPED);
        assertThat(results.get(1).message()).hasValueSatisfying(m -> assertThat(m)
                .contains("not started: its apply lock, the Lease locks/switchboard-lock-pbx, was taken by pid 9 on laptop"));
        Path journal = report.targets().get(0).journal().orElseThrow();
        assertThat(Files.readString(journal)).contains("\"skipped\"").contains("was taken by pid 9 on laptop");
        assertThat(lease().getSpec().getHolderIdentity()).as("the one who took it keeps it")
                .isEqualTo("pid 9 on laptop (apply)");
    }

    private EngineSession session() {
        TargetSpec spec = new TargetSpec("pbx", "test", "embedded", Map.of(), Map.of(), TargetSpec.Tls.DEFAULT,
                TargetSpec.Policy.DEFAULT);
        List<Resource> things = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            things.add(Resource.desired(ResourceKey.of(THING, "thing-" + i), Map.of("name", "thing-" + i), Set.of(),
                    ResourceOptions.NONE, SourceLocation.startOf(Path.of("pbx.yaml"))));
        }
        Settings settings = new Settings(8, 100, 100, Map.of(), Notifications.NONE, NumberPlan.NONE, ChangeWindows.NONE,
                new Settings.Lock(Settings.Lock.Kind.KUBERNETES, Optional.of("locks")));
        DesiredState state = new DesiredState(dir, settings, Map.of("pbx", spec), Map.of("pbx", ResourceSet.of("pbx", things)),
                List.of());
        Connections connections = new Connections(null) {
            @Override
            public Connection open(Path configDir, TargetSpec target) {
                return new Connection(provider(target), Optional.empty());
            }
        };
        return new EngineSession(state, List.of("pbx"), dir, connections, NormalizerRegistry.defaults(), Clock.systemUTC(),
                OptionalInt.empty(), Prefetch.NONE, ApplyLocks.leases(client, QUICK));
    }

    private Provider provider(TargetSpec spec) {
        Creator thing = TestProviders.creator(THING, desired -> {
            created.add(desired.key().path());
            if (created.size() == 1) {
                duringFirstCreate.run();
            }
        });
        return TestProviders.of(spec, List.of(thing), progress -> ResourceSet.empty(spec.name()));
    }

    private Lease lease() {
        return client.leases().inNamespace("locks").withName("switchboard-lock-pbx").get();
    }
}
