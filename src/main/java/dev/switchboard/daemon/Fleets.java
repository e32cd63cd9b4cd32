package dev.switchboard.daemon;

import dev.switchboard.engine.KubernetesClients;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Opens this replica's {@link Fleet} when {@code serve} starts: static shards from {@code SWITCHBOARD_REPLICAS}
 * and the hostname's ordinal (or {@code SWITCHBOARD_SHARD}), or a Lease of its own with
 * {@code SWITCHBOARD_MEMBERSHIP=kubernetes}. The Kubernetes client is created only then, so that no other
 * command (nor a static fleet) pays for it or needs a cluster.
 */
@ApplicationScoped
public class Fleets {

    private final KubernetesClients clients;
    private Optional<LeaseFleet> leases = Optional.empty();

    public Fleets(KubernetesClients clients) {
        this.clients = clients;
    }

    /** @throws DaemonConfigException when this replica cannot tell its shard, or no cluster can be reached */
    synchronized Fleet open(FleetSettings settings) {
        String hostname = settings.lease().identity().orElseGet(Fleets::hostname);
        if (settings.membership() == FleetSettings.Membership.STATIC) {
            return settings.replicas() == 1 && settings.shard().isEmpty() ? Fleet.SINGLE
                    : Fleet.fixed(settings.replicas(), settings.shardOf(hostname));
        }
        LeaseFleet fleet = LeaseFleet.start(clients.client(), clients.namespace(settings.lease().namespace()), hostname,
                settings);
        leases = Optional.of(fleet);
        return fleet;
    }

    String describe(FleetSettings settings, Fleet fleet) {
        if (settings.membership() == FleetSettings.Membership.KUBERNETES) {
            return "replica " + fleet.shard() + " of the replicas holding a Lease labelled " + LeaseFleet.FLEET_LABEL + "="
                    + settings.lease().fleet();
        }
        return settings.replicas() == 1 ? "the only replica" : "shard " + fleet.shard() + " of " + settings.replicas();
    }

    /** Gives this replica's Lease up, so that the others take its targets at once rather than on expiry. */
    synchronized void close() {
        leases.ifPresent(LeaseFleet::close);
        leases = Optional.empty();
    }

    /** {@code HOSTNAME} (a pod's name), else what the system says. */
    static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
