package dev.switchboard.daemon;

import dev.switchboard.model.TargetSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Dynamic membership (SPEC section 6): this replica holds a Lease of its own,
 * {@code switchboard-member-<identity>} labelled {@code switchboard.dev/fleet=<fleet>}, acquired and renewed by
 * fabric8's {@code LeaderElector} on the Java Operator SDK's timings (15 s lease, 10 s renew deadline, 2 s
 * retry). The members are the holders of the fleet's unexpired Leases; every replica lists them and
 * computes the same {@link ShardAssignment}. Before each apply the owner reads its Lease again and applies
 * only if it still holds it unexpired and still owns the target: a replica that cannot renew counts itself
 * out after the renew deadline, before the others count it out at the lease's expiry, so no two apply one
 * target. A replica whose election ended (it lost its Lease) stands for it again.
 */
final class LeaseFleet implements Fleet, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseFleet.class);

    /** The label the Leases of one fleet share, so that its replicas can list each other. */
    static final String FLEET_LABEL = "switchboard.dev/fleet";
    static final String NAME_PREFIX = "switchboard-member-";

    private final KubernetesClient client;
    private final String namespace;
    private final String identity;
    private final FleetSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Runnable changed;

    private volatile boolean holding;
    private volatile boolean closed;
    private volatile CompletableFuture<?> election = CompletableFuture.completedFuture(null);
    private volatile LeaderElector elector;
    private volatile ShardAssignment assignment = ShardAssignment.ofMembers(List.of());

    private LeaseFleet(KubernetesClient client, String namespace, String identity, FleetSettings settings, Clock clock,
                       Runnable changed) {
        this.changed = changed;
        this.client = client;
        this.namespace = namespace;
        this.identity = identity;
        this.settings = settings;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-lease-" + identity);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Stands for this replica's Lease and follows the fleet's members from now on. */
    static LeaseFleet start(KubernetesClient client, String namespace, String identity, FleetSettings settings) {
        return start(client, namespace, identity, settings, Clock.systemUTC());
    }

    static LeaseFleet start(KubernetesClient client, String namespace, String identity, FleetSettings settings,
                            Clock clock) {
        return start(client, namespace, identity, settings, clock, () -> { });
    }

    /**
     * @param changed told whenever this replica took or lost its Lease or read the fleet's Leases again (tests
     *                wait on it for the members they expect)
     */
    static LeaseFleet start(KubernetesClient client, String namespace, String identity, FleetSettings settings,
                            Clock clock, Runnable changed) {
        LeaseFleet fleet = new LeaseFleet(client, namespace, identity, settings, clock, changed);
        fleet.elect();
        long period = settings.lease().retryPeriod().toMillis();
        fleet.timer.scheduleWithFixedDelay(fleet::refresh, 0, period, TimeUnit.MILLISECONDS);
        return fleet;
    }

    /** The Lease's name: {@code switchboard-member-} and the identity as a DNS label allows. */
    static String leaseName(String identity) {
        String name = (NAME_PREFIX + identity.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9.-]", "-");
        name = name.length() > 253 ? name.substring(0, 253) : name;
        return name.replaceAll("[^a-z0-9]+$", "");
    }

    private void elect() {
        if (closed) {
            return;
        }
        try {
            stand();
        } catch (RuntimeException e) {
            LOG.warnf("%s cannot stand for its Lease %s/%s: %s; trying again", identity, namespace, leaseName(identity),
                    e.getMessage());
            timer.schedule(this::elect, settings.lease().retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void stand() {
        FleetSettings.LeaseSettings lease = settings.lease();
        LeaseLock lock = new LeaseLock(new ObjectMetaBuilder().withNamespace(namespace).withName(leaseName(identity))
                .addToLabels(FLEET_LABEL, lease.fleet()).addToLabels("app.kubernetes.io/name", "switchboard").build(),
                identity);
        LeaderElector standing = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName(leaseName(identity)).withLock(lock)
                .withLeaseDuration(lease.duration()).withRenewDeadline(lease.renewDeadline())
                .withRetryPeriod(lease.retryPeriod()).withReleaseOnCancel(false)
                .withLeaderCallbacks(new LeaderCallbacks(this::acquired, this::lost, leader -> { }))
                .build()).build();
        elector = standing;
        CompletableFuture<?> running = standing.start();
        election = running;
        running.whenComplete((ignored, failure) -> {
            holding = false;
            changed.run();
            if (!closed) {
                // The election ends when the Lease is lost: stand for it again, after a retry period.
                timer.schedule(this::elect, lease.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void acquired() {
        holding = true;
        LOG.infof("%s holds its Lease %s/%s: it takes its share of the targets", identity, namespace, leaseName(identity));
        refresh();
    }

    private void lost() {
        boolean was = holding;
        holding = false;
        changed.run();
        if (was && !closed) {
            LOG.warnf("%s lost its Lease %s/%s: it applies nothing until it holds it again, and the others take its targets"
                    + " once it expires", identity, namespace, leaseName(identity));
        }
    }

    /** Lists the fleet's Leases again; on failure keeps the last list (mayApply reads its own Lease anyway). */
    private void refresh() {
        try {
            assignment = ShardAssignment.ofMembers(members());
        } catch (RuntimeException e) {
            LOG.debugf("%s: listing the fleet's Leases failed: %s", identity, e.getMessage());
        }
        changed.run();
    }

    /** The holders of the fleet's unexpired Leases, this replica only while it holds its own. */
    List<String> members() {
        List<Lease> leases = client.leases().inNamespace(namespace).withLabel(FLEET_LABEL, settings.lease().fleet())
                .list().getItems();
        return members(leases, clock.instant(), identity, holding);
    }

    /**
     * The holders of the Leases unexpired at {@code now} ({@code renewTime + leaseDurationSeconds} after it), but
     * this replica's own identity ({@code self}) only while its election holds the Lease.
     */
    static List<String> members(Collection<Lease> leases, Instant now, String self, boolean holding) {
        List<String> members = new ArrayList<>();
        for (Lease lease : leases) {
            if (lease.getSpec() == null) {
                continue;
            }
            String holder = lease.getSpec().getHolderIdentity();
            if (holder == null || holder.isBlank() || !unexpired(lease, now)) {
                continue;
            }
            if (!lease.getMetadata().getName().equals(leaseName(holder))) {
                continue; // another replica's Lease with a stranger's name in it: not a member's own
            }
            if (holder.equals(self) && !holding) {
                continue;
            }
            members.add(holder);
        }
        return members;
    }

    static boolean renewedWithin(Lease lease, Instant now, java.time.Duration deadline) {
        ZonedDateTime renewed = lease.getSpec().getRenewTime();
        return renewed != null && now.isBefore(renewed.toInstant().plus(deadline));
    }

    static boolean unexpired(Lease lease, Instant now) {
        ZonedDateTime renewed = lease.getSpec().getRenewTime();
        Integer seconds = lease.getSpec().getLeaseDurationSeconds();
        return renewed != null && seconds != null && now.isBefore(renewed.toInstant().plusSeconds(seconds));
    }

    @Override
    public Owner owner(TargetSpec target) {
        OptionalInt pin = target.shard().map(p -> OptionalInt.of(p.shard())).orElse(OptionalInt.empty());
        Optional<ShardAssignment.Member> owner = assignment.owner(target.name(), pin);
        return Owner.of(holding && owner.map(m -> m.id().equals(identity)).orElse(false),
                owner.map(ShardAssignment.Member::id).orElse("none"));
    }

    @Override
    public String shard() {
        return identity;
    }

    /**
     * Whether this replica holds its Lease, read from the API server now: held by it and renewed less than the
     * renew deadline ago. The others count it out only once the lease duration has passed since that renewal,
     * so an apply this allows starts while no other replica may start one on the same target.
     */
    @Override
    public boolean mayApply() {
        if (!holding) {
            return false;
        }
        try {
            Lease lease = client.leases().inNamespace(namespace).withName(leaseName(identity)).get();
            boolean held = lease != null && lease.getSpec() != null && identity.equals(lease.getSpec().getHolderIdentity())
                    && renewedWithin(lease, clock.instant(), settings.lease().renewDeadline()) && holding;
            return held;
        } catch (RuntimeException e) {
            LOG.warnf("%s: cannot read its Lease: %s", identity, e.getMessage());
            return false;
        }
    }

    @Override
    public boolean mayApply(TargetSpec target) {
        if (!mayApply()) {
            return false;
        }
        refresh();
        return owner(target).mine();
    }

    @Override
    public String whyNot() {
        return holding ? identity + " no longer owns the target (the fleet's members changed)"
                : identity + " no longer holds its Lease";
    }

    /** How many members the assignment in force has. */
    int memberCount() {
        return assignment.members().size();
    }

    /** Whether the election currently holds the Lease (it may have expired on the server since). */
    boolean holding() {
        return holding;
    }

    /** Gives the Lease up (released, so that the others take the targets at once) and stops following the fleet. */
    @Override
    public void close() {
        boolean held = holding;
        stopRenewing();
        if (held && elector != null) {
            try {
                elector.release();
            } catch (RuntimeException e) {
                LOG.warnf("%s could not release its Lease (the others take its targets when it expires): %s", identity,
                        e.getMessage());
            }
        }
    }

    /**
     * Stops renewing the Lease and following the fleet without releasing the Lease: what a replica that hangs,
     * or is cut off from the API server, does. The others take its targets once the Lease expires.
     */
    void stopRenewing() {
        closed = true;
        election.cancel(true);
        timer.shutdownNow();
    }
}
