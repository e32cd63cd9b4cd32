package dev.switchboard.engine;

import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;

/**
 * The Kubernetes API client of {@code quarkus-kubernetes-client}, created on first use only: by {@code serve}
 * with {@code SWITCHBOARD_MEMBERSHIP=kubernetes}, or by an apply under {@code settings.lock: kubernetes}. Every
 * other command never loads it, so it neither slows them down nor needs a cluster. In a pod it reads the
 * service account; elsewhere the kubeconfig ({@code KUBECONFIG}, {@code ~/.kube/config}).
 */
@ApplicationScoped
public class KubernetesClients {

    private final Instance<KubernetesClient> client;

    public KubernetesClients(Instance<KubernetesClient> client) {
        this.client = client;
    }

    public KubernetesClient client() {
        try {
            return client.get();
        } catch (RuntimeException e) {
            throw new EngineException("cannot create the Kubernetes client (in a pod it reads the service account, elsewhere"
                    + " the kubeconfig): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** {@code configured}, else the client's namespace (the pod's own), else {@code default}. */
    public String namespace(Optional<String> configured) {
        return configured.or(() -> Optional.ofNullable(client().getNamespace())).filter(n -> !n.isBlank()).orElse("default");
    }
}
