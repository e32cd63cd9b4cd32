package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code settings.lock: kubernetes}: the apply lock as a Lease, against fabric8's Kubernetes mock server in CRUD
 * mode (an API server that stores Leases) through a real fabric8 client. Another holder is either a Lease
 * written here as another process would leave it, or a second hold of this process, which is another holder
 * as well. Short Lease timings keep it quick; every wait ends on what it waits for, and no time is asserted.
 */
class LeaseTargetLockTest {

    private static final String NAMESPACE = "switchboard";
    private static final LeaseTargetLock.Timings QUICK = new LeaseTargetLock.Timings(Duration.ofSeconds(3),
            Duration.ofSeconds(2), Duration.ofMillis(200));
    private static final Duration LONGEST = Duration.ofSeconds(60);

    private final Clock clock = Clock.systemUTC();
    private KubernetesMockServer server;
    private KubernetesClient client;

    @BeforeEach
    void startApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(),
                false);
        server.init();
        // No retries of a failed request: the tests that stop the API server see the failure at once.
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(server.createClient().getConfiguration())
                .withRequestRetryBackoffLimit(0).build()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void aFreeTargetIsLockedAtOnceAndTheNextApplyTakesTheLeaseAsSoonAsItIsReleased() {
        LeaseTargetLock first = acquire("olx-main", Duration.ZERO, "apply");
        Lease held = lease("olx-main");
        assertThat(held.getMetadata().getName()).isEqualTo("switchboard-lock-olx-main");
        assertThat(held.getMetadata().getAnnotations()).containsEntry(LeaseTargetLock.TARGET_ANNOTATION, "olx-main");
        assertThat(held.getMetadata().getLabels()).containsEntry(LeaseTargetLock.LOCK_LABEL, "apply");
        assertThat(held.getSpec().getHolderIdentity()).startsWith("pid " + ProcessHandle.current().pid() + " on ")
                .contains("(apply, hold ");
        assertThat(first.lost()).isEmpty();

        assertThatThrownBy(() -> acquire("olx-main", Duration.ZERO, "serve"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("target olx-main is being applied by " + held.getSpec().getHolderIdentity())
                .hasMessageContaining("Lease switchboard/switchboard-lock-olx-main")
                .hasMessageContaining("--lock-timeout");
        assertThat(lease("olx-main").getSpec().getHolderIdentity()).isEqualTo(held.getSpec().getHolderIdentity());
        acquire("xci-paris", Duration.ZERO, "apply").close();

        first.close();
        assertThat(lease("olx-main").getSpec().getHolderIdentity()).isNullOrEmpty();
        LeaseTargetLock next = acquire("olx-main", Duration.ZERO, "serve");
        assertThat(lease("olx-main").getSpec().getHolderIdentity()).contains("(serve, hold ");
        next.close();
    }

    @Test
    void anotherProcessesLeaseRefusesTheApplyUntilItExpiresAndThenIsTakenOver() {
        Instant now = Instant.now();
        write(stranger("olx-main", "pid 7 on ci-runner-3 (apply), since " + now, now, 3600));
        assertThatThrownBy(() -> acquire("olx-main", Duration.ZERO, "apply"))
                .hasMessageContaining("target olx-main is being applied by pid 7 on ci-runner-3 (apply)")
                .hasMessageContaining("if that process is gone, its Lease expires at " + now.plusSeconds(3600).toString()
                        .substring(0, 16));

        // The holder died an hour ago: its Lease expired, and the next apply takes it over.
        write(stranger("olx-main", "pid 7 on ci-runner-3 (apply), since " + now, now.minusSeconds(3600), 15));
        try (LeaseTargetLock taken = acquire("olx-main", Duration.ZERO, "apply")) {
            Lease lease = lease("olx-main");
            assertThat(lease.getSpec().getHolderIdentity()).contains("(apply, hold ");
            assertThat(lease.getSpec().getLeaseTransitions()).isEqualTo(1);
            assertThat(taken.lost()).isEmpty();
        }
    }

    @Test
    void aWaitingApplyTakesTheLeaseOnceItsHolderReleasesIt() throws Exception {
        LeaseTargetLock first = acquire("olx-main", Duration.ZERO, "serve");
        String holder = lease("olx-main").getSpec().getHolderIdentity();
        CountDownLatch sawTheHolder = new CountDownLatch(1);
        CompletableFuture<LeaseTargetLock> second = CompletableFuture.supplyAsync(() -> LeaseTargetLock.acquire(client,
                NAMESPACE, "olx-main", LONGEST, "apply", clock, QUICK, seen -> {
                    if (seen.equals(holder)) {
                        sawTheHolder.countDown();
                    }
                }));
        assertThat(sawTheHolder.await(LONGEST.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(second).isNotDone();

        first.close();
        try (LeaseTargetLock taken = second.get(LONGEST.toSeconds(), TimeUnit.SECONDS)) {
            assertThat(lease("olx-main").getSpec().getHolderIdentity()).contains("(apply, hold ");
            assertThat(taken.lost()).isEmpty();
        }
    }

    @Test
    void aHolderWhoseLeaseAnotherTookHasLostItAndSaysToWhom() throws Exception {
        LeaseTargetLock held = acquire("olx-main", Duration.ZERO, "serve");
        // Another holder overwrote it (what a holder that did not see this one's renewals in time would do).
        takeOver(client, NAMESPACE, LeaseTargetLock.leaseName("olx-main"), "pid 9 on laptop (apply)");

        assertThat(held.awaitLost(LONGEST)).isTrue();
        assertThat(held.lost()).hasValueSatisfying(why -> assertThat(why)
                .contains("Lease switchboard/switchboard-lock-olx-main").contains("was taken by pid 9 on laptop (apply)"));
        held.close();
        assertThat(lease("olx-main").getSpec().getHolderIdentity()).isEqualTo("pid 9 on laptop (apply)");
    }

    @Test
    void aHolderThatCannotReachTheApiServerCountsItsLeaseLostAtTheRenewDeadline() throws Exception {
        LeaseTargetLock held = acquire("olx-main", Duration.ZERO, "serve");
        server.destroy();

        assertThat(held.awaitLost(LONGEST)).isTrue();
        assertThat(held.lost()).hasValueSatisfying(why -> assertThat(why)
                .contains("Lease switchboard/switchboard-lock-olx-main"));
        held.close();
    }

    @Test
    void anApiServerThatRefusesIsNamedInTheRefusal() {
        server.destroy();
        assertThatThrownBy(() -> acquire("olx-main", Duration.ZERO, "apply"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("target olx-main: cannot take its apply lock, the Lease switchboard/switchboard-lock-olx-main")
                .hasMessageContaining("get, create and update on leases in switchboard");
    }

    @Test
    void targetNamesBecomeLeaseNamesThatNeverCollide() {
        assertThat(LeaseTargetLock.leaseName("olx-main")).isEqualTo("switchboard-lock-olx-main");
        assertThat(LeaseTargetLock.leaseName("OLX_main")).startsWith("switchboard-lock-olx-main-").hasSize(34)
                .isNotEqualTo(LeaseTargetLock.leaseName("olx_main"));
    }

    private LeaseTargetLock acquire(String target, Duration timeout, String command) {
        return LeaseTargetLock.acquire(client, NAMESPACE, target, timeout, command, clock, QUICK);
    }

    private Lease lease(String target) {
        return client.leases().inNamespace(NAMESPACE).withName(LeaseTargetLock.leaseName(target)).get();
    }

    private void write(Lease lease) {
        client.leases().inNamespace(NAMESPACE).resource(lease).createOr(existing -> existing.update());
    }

    /** Writes another holder into the Lease, again if the holder's renewal came in between (a conflict). */
    static void takeOver(KubernetesClient client, String namespace, String name, String holder) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.leases().inNamespace(namespace).withName(name).edit(lease ->
                        new LeaseBuilder(lease).editSpec().withHolderIdentity(holder)
                                .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC)).endSpec().build());
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 20) {
                    throw e;
                }
            }
        }
    }

    private static Lease stranger(String target, String holder, Instant renewed, int seconds) {
        ZonedDateTime at = ZonedDateTime.ofInstant(renewed, ZoneOffset.UTC);
        return new LeaseBuilder().withNewMetadata().withNamespace(NAMESPACE).withName(LeaseTargetLock.leaseName(target))
                .endMetadata().withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds(seconds)
                .withAcquireTime(at).withRenewTime(at).withLeaseTransitions(0).endSpec().build();
    }
}
