package dev.switchboard.engine;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * fabric8's Kubernetes API client, created on first use only: by {@code serve} with
 * {@code SWITCHBOARD_MEMBERSHIP=kubernetes}, or by an apply under {@code settings.lock: kubernetes}. It is fabric8's
 * own library, not the {@code quarkus-kubernetes-client} extension, whose start-up step loads every Kubernetes
 * model class (330 of them, a sixth of a second on 2 cores) in every command, {@code --version} included. In a pod
 * it reads the service account; elsewhere the kubeconfig ({@code KUBECONFIG}, {@code ~/.kube/config}). Its HTTP
 * client runs on the application's Vert.x, not on one of its own.
 */
@ApplicationScoped
public class KubernetesClients {

    private final Vertx vertx;
    private KubernetesClient client;

    public KubernetesClients(Vertx vertx) {
        this.vertx = vertx;
    }

    public synchronized KubernetesClient client() {
        if (client == null) {
            try {
                client = new KubernetesClientBuilder().withHttpClientFactory(new VertxHttpClientFactory(vertx)).build();
            } catch (RuntimeException e) {
                throw new EngineException("cannot create the Kubernetes client (in a pod it reads the service account,"
                        + " elsewhere the kubeconfig): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return client;
    }

    /** {@code configured}, else the client's namespace (the pod's own), else {@code default}. */
    public String namespace(Optional<String> configured) {
        return configured.or(() -> Optional.ofNullable(client().getNamespace())).filter(n -> !n.isBlank()).orElse("default");
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
