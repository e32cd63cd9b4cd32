package dev.switchboard.engine;

import dev.switchboard.desired.Settings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Takes a target's apply lock where {@code settings.lock} says: a file under the work directory, or a Lease
 * through the Kubernetes client, which is created only when a repository locks with Leases.
 */
public final class ApplyLocks {

    /** Locks with files only: a repository with {@code settings.lock: kubernetes} is refused (engines of tests). */
    public static final ApplyLocks FILES_ONLY = new ApplyLocks(() -> {
        throw new EngineException("settings.lock: kubernetes needs the Kubernetes client, which this engine has not");
    }, configured -> configured.orElse("default"), LeaseTargetLock.Timings.DEFAULT);

    private final Supplier<KubernetesClient> client;
    private final Function<Optional<String>, String> namespace;
    private final LeaseTargetLock.Timings timings;

    /**
     * @param client    the Kubernetes client, asked for on the first Lease only
     * @param namespace the Leases' namespace from {@code settings.lockNamespace}, when given, else the client's
     */
    ApplyLocks(Supplier<KubernetesClient> client, Function<Optional<String>, String> namespace,
               LeaseTargetLock.Timings timings) {
        this.client = client;
        this.namespace = namespace;
        this.timings = timings;
    }

    /** Leases through the application's Kubernetes client, on the Java Operator SDK's timings. */
    public static ApplyLocks of(KubernetesClients clients) {
        return new ApplyLocks(clients::client, clients::namespace, LeaseTargetLock.Timings.DEFAULT);
    }

    /** Leases through {@code client} in its namespace, on the given timings: tests against a mock API server. */
    static ApplyLocks leases(KubernetesClient client, LeaseTargetLock.Timings timings) {
        return new ApplyLocks(() -> client, configured -> configured.orElseGet(() ->
                Optional.ofNullable(client.getNamespace()).orElse("default")), timings);
    }

    ApplyLock acquire(Settings.Lock lock, Path workDir, String target, Duration timeout, String command, Clock clock) {
        return switch (lock.kind()) {
            case FILE -> TargetLock.acquire(workDir, target, timeout, command, clock);
            case KUBERNETES -> LeaseTargetLock.acquire(client.get(), namespace.apply(lock.namespace()), target, timeout,
                    command, clock, timings);
        };
    }
}
