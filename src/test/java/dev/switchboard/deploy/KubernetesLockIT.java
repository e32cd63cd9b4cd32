package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cli.QuickstartCopy;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code switchboard apply} of the quickstart with {@code settings.lock: kubernetes}, pointed by
 * {@code KUBECONFIG} at fabric8's Kubernetes mock server in CRUD mode, as a CI job with access to a cluster
 * runs it: it locks every target with a Lease and releases them, and it is refused, naming the holder, with
 * nothing applied, while another apply holds one target's Lease.
 */
class KubernetesLockIT {

    private static final Path LAUNCHER = Path.of("switchboard").toAbsolutePath();
    private static final List<String> TARGETS = List.of("olx-main", "xci-paris", "sipx-boston", "xivo-lyon", "gws-main");

    /** The mock API server logs every request at INFO through java.util.logging: kept to its warnings. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

    @TempDir
    Path temp;

    private KubernetesMockServer server;
    private KubernetesClient client;
    private Path repo;
    private Map<String, String> environment;

    @BeforeEach
    void startApiServerAndCopyTheQuickstart() throws Exception {
        MOCK_LOG.setLevel(Level.WARNING);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(),
                false);
        server.init();
        client = server.createClient();
        Path kubeconfig = temp.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster: { server: "%s" }
                users:
                  - name: ci
                    user: { token: not-a-secret-of-anyone }
                contexts:
                  - name: ci
                    context: { cluster: mock, user: ci, namespace: switchboard }
                current-context: ci
                """.formatted(client.getMasterUrl().toString().replaceAll("/$", "")));
        repo = QuickstartCopy.in(temp).dir;
        Path config = repo.resolve("switchboard.yaml");
        Files.writeString(config, Files.readString(config).replace("settings:\n", "settings:\n  lock: kubernetes\n"));
        assertThat(Files.readString(config)).contains("  lock: kubernetes\n");
        environment = Map.of("KUBECONFIG", kubeconfig.toString());
    }

    @AfterEach
    void stopApiServer() {
        client.close();
        server.destroy();
    }

    @Test
    void anApplyLocksEveryTargetWithALeaseAndIsRefusedNamingTheHolderOfOne() throws Exception {
        String other = "pid 7 on ci-runner-3 (apply), since 2026-12-02T01:00:00Z";
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        client.leases().inNamespace("switchboard").resource(new LeaseBuilder().withNewMetadata()
                .withName("switchboard-lock-xci-paris").endMetadata().withNewSpec().withHolderIdentity(other)
                .withLeaseDurationSeconds(3600).withAcquireTime(now).withRenewTime(now).endSpec().build()).create();

        ScriptRun refused = ScriptRun.of(repo, environment, LAUNCHER.toString(), "apply", "-c", ".", "--auto-approve");

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("target xci-paris is being applied by " + other)
                .contains("Lease switchboard/switchboard-lock-xci-paris").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.exists(repo.resolve(".switchboard/journal"))).as("nothing applied").isFalse();

        client.leases().inNamespace("switchboard").withName("switchboard-lock-xci-paris").delete();
        ScriptRun applied = ScriptRun.of(repo, environment, LAUNCHER.toString(), "apply", "-c", ".", "--auto-approve");

        assertThat(applied.exitCode()).as(applied.output()).isZero();
        assertThat(applied.output()).doesNotContain("Exception").doesNotContain("not-a-secret-of-anyone");
        for (String target : TARGETS) {
            Lease lease = client.leases().inNamespace("switchboard").withName("switchboard-lock-" + target).get();
            assertThat(lease).as("the Lease of " + target).isNotNull();
            assertThat(lease.getMetadata().getAnnotations()).containsEntry("switchboard.dev/target", target);
            assertThat(lease.getSpec().getHolderIdentity()).as("released when the apply ended").isNullOrEmpty();
        }
        assertThat(repo.resolve(".switchboard/locks")).as("no file locks beside the Leases").doesNotExist();
    }
}
