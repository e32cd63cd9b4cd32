package dev.switchboard.engine;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The per-target apply lock as a Kubernetes Lease ({@code settings.lock: kubernetes}, SPEC section 4):
 * {@code switchboard-lock-<target>} ({@code coordination.k8s.io/v1}) in the configured namespace, so that an
 * apply in a CI job with access to the cluster and the daemon's replicas, wherever they run, never apply one
 * target at once. fabric8's {@code LeaderElector} on a {@code LeaseLock} takes it (creating the Lease, or
 * taking it over once its holder released it or let it expire), renews it every retry period while the apply
 * runs, and releases it when the lock is closed, so that the next apply takes it at once; a holder that dies
 * leaves it to expire ({@link Timings#duration} after its last renewal).
 *
 * <p>A holder that could not renew the Lease within the renew deadline, or finds another holder in it, has
 * {@link #lost} it: the apply starts no further change. The renew deadline is shorter than the Lease, so it
 * stops before another may take the Lease over.
 */
final class LeaseTargetLock implements ApplyLock {

    private static final Logger LOG = Logger.getLogger(LeaseTargetLock.class);

    static final String NAME_PREFIX = "switchboard-lock-";
    /** The annotation that names the target whole (a Lease's name may have had to change it). */
    static final String TARGET_ANNOTATION = "switchboard.dev/target";
    static final String LOCK_LABEL = "switchboard.dev/lock";

    /** Numbers this JVM's holds, so that two sessions of one process never share a holder identity. */
    private static final AtomicLong HOLDS = new AtomicLong();
    /** How long a refusal waits at most for the attempt under way to end, when the API server is slow. */
    private static final Duration LAST_ATTEMPT = Duration.ofSeconds(30);

    /**
     * The Lease's timings; by default the Java Operator SDK's, as for the daemon's membership Leases.
     *
     * @param duration      how long after its last renewal a Lease may be taken over
     * @param renewDeadline how long the holder goes on without a renewal before it counts the Lease lost
     * @param retryPeriod   how often the holder renews it, and a waiting apply tries to take it
     */
    record Timings(Duration duration, Duration renewDeadline, Duration retryPeriod) {
        static final Timings DEFAULT = new Timings(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    private final String target;
    private final String describe;
    private final Renewals lock;
    private final Timings timings;
    private final CompletableFuture<?> election;
    private final AtomicReference<String> lostWhy;
    private final CountDownLatch lostSignal;
    private volatile boolean closing;

    private LeaseTargetLock(String target, String describe, Renewals lock, Timings timings,
                            CompletableFuture<?> election, AtomicReference<String> lostWhy, CountDownLatch lostSignal) {
        this.target = target;
        this.describe = describe;
        this.lock = lock;
        this.timings = timings;
        this.election = election;
        this.lostWhy = lostWhy;
        this.lostSignal = lostSignal;
    }

    static LeaseTargetLock acquire(KubernetesClient client, String namespace, String target, Duration timeout,
                                   String command, Clock clock, Timings timings) {
        return acquire(client, namespace, target, timeout, command, clock, timings, holder -> { });
    }

    /**
     * @param timeout how long to wait for another holder to release the Lease or let it expire; zero refuses at
     *                once (after one attempt to take it)
     * @param waiting told the holder each time this apply finds the Lease held by another (for tests)
     * @throws EngineException naming the holder when the Lease is still held after {@code timeout}, or the API
     *                         server's answer when the Lease could not be read or written
     */
    static LeaseTargetLock acquire(KubernetesClient client, String namespace, String target, Duration timeout,
                                   String command, Clock clock, Timings timings, Consumer<String> waiting) {
        String name = leaseName(target);
        String describe = "Lease " + namespace + "/" + name;
        Instant deadline = clock.instant().plus(timeout);
        try {
            // Unique to this hold: a session of this process holding the Lease is another holder, as a process is.
            String identity = TargetLock.thisProcess(command + ", hold " + HOLDS.incrementAndGet(), clock.instant());
            ObjectMeta meta = new ObjectMetaBuilder().withNamespace(namespace).withName(name)
                    .addToLabels("app.kubernetes.io/name", "switchboard").addToLabels(LOCK_LABEL, "apply")
                    .addToAnnotations(TARGET_ANNOTATION, target).build();
            Renewals lock = new Renewals(new LeaseLock(meta, identity), meta, describe, timings, waiting);
            CountDownLatch held = new CountDownLatch(1);
            AtomicReference<String> lostWhy = new AtomicReference<>();
            CountDownLatch lostSignal = new CountDownLatch(1);
            AtomicReference<LeaseTargetLock> self = new AtomicReference<>();
            CompletableFuture<?> election = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                    .withName(name).withLock(lock)
                    .withLeaseDuration(timings.duration()).withRenewDeadline(timings.renewDeadline())
                    .withRetryPeriod(timings.retryPeriod()).withReleaseOnCancel(true)
                    .withLeaderCallbacks(new LeaderCallbacks(() -> {
                        held.countDown();
                        lock.leading();
                    }, () -> {
                        LeaseTargetLock acquired = self.get();
                        if (acquired != null && !acquired.closing && lostWhy.compareAndSet(null, lock.whyStopped())) {
                            LOG.warnf("target %s: %s: the apply starts no further change", target, lostWhy.get());
                            lostSignal.countDown();
                        }
                    }, leader -> { }))
                    .build()).build().start();
            LeaseTargetLock result = new LeaseTargetLock(target, describe, lock, timings, election, lostWhy, lostSignal);
            self.set(result);
            if (awaitHeld(held, lock, deadline, clock)) {
                return result;
            }
            result.closing = true;
            election.cancel(true);
            throw refusal(client, namespace, name, target, describe, lock, timings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("target " + target + ": interrupted while waiting for its apply lock, the " + describe);
        }
    }

    /**
     * Whether the election took the Lease before {@code deadline}; past it, the attempt under way is waited
     * for, so that a free Lease is taken even with no time to wait, and a refusal reports a whole attempt.
     */
    private static boolean awaitHeld(CountDownLatch held, Renewals lock, Instant deadline, Clock clock)
            throws InterruptedException {
        long wait = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
        if (held.await(wait, TimeUnit.MILLISECONDS)) {
            return true;
        }
        if (lock.attempts() == 0) {
            lock.awaitAttemptAfter(0, LAST_ATTEMPT);
        }
        return held.getCount() == 0;
    }

    private static EngineException refusal(KubernetesClient client, String namespace, String name, String target,
                                           String describe, Renewals lock, Timings timings) {
        Optional<String> failure = lock.lastFailure();
        Lease lease = null;
        try {
            lease = client.leases().inNamespace(namespace).withName(name).get();
        } catch (RuntimeException e) {
            failure = failure.or(() -> Optional.of(message(e)));
        }
        String holder = lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
        if (holder != null && !holder.isBlank()) {
            ZonedDateTime renewed = lease.getSpec().getRenewTime();
            Integer duration = lease.getSpec().getLeaseDurationSeconds();
            String expiry = renewed == null || duration == null
                    ? "its Lease expires " + seconds(timings.duration()) + " after its last renewal"
                    : "its Lease expires at " + renewed.toInstant().plusSeconds(duration);
            return new EngineException("target " + target + " is being applied by " + holder + " (" + describe
                    + "): one apply per target at a time. Wait for it to end, or pass --lock-timeout to wait; if that"
                    + " process is gone, " + expiry + " and the next apply takes it then.");
        }
        return new EngineException("target " + target + ": cannot take its apply lock, the " + describe + ": "
                + failure.orElse("the API server did not hand it over") + " (settings.lock: kubernetes uses the kubeconfig,"
                + " or in a pod its service account, which needs get, create and update on leases in " + namespace + ")");
    }

    /**
     * The Lease's name: {@code switchboard-lock-} and the target's name as a DNS subdomain allows it; a name
     * that had to change gets 8 hex digits of its SHA-256 as well, so that two targets never share a Lease.
     */
    static String leaseName(String target) {
        String cleaned = target.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        String name = NAME_PREFIX + cleaned;
        if (!cleaned.equals(target) || name.length() > 253) {
            name = (name.length() > 240 ? name.substring(0, 240) : name) + "-" + shortHash(target);
        }
        return name.replaceAll("[^a-z0-9]+$", "");
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public Optional<String> lost() {
        String why = lostWhy.get();
        if (why != null) {
            return Optional.of(why);
        }
        long since = System.nanoTime() - lock.lastRenewal();
        if (since > timings.renewDeadline().toNanos()) {
            return Optional.of("its apply lock, the " + describe + ", was last renewed " + since / 1_000_000 + " ms ago,"
                    + " longer than the renew deadline (" + seconds(timings.renewDeadline()) + ")"
                    + lock.lastFailure().map(f -> ": " + f).orElse(""));
        }
        return Optional.empty();
    }

    /** Waits until the election ends while holding the Lease (for tests); whether it did within {@code longest}. */
    boolean awaitLost(Duration longest) throws InterruptedException {
        return lostSignal.await(longest.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Releases the Lease (the next apply takes it at once) and stops renewing it. */
    @Override
    public void close() {
        closing = true;
        try {
            election.cancel(true);
        } catch (RuntimeException e) {
            LOG.warnf("target %s: could not release its %s (it expires %s after its last renewal): %s", target, describe,
                    seconds(timings.duration()), message(e));
        }
    }

    /**
     * The {@code LeaseLock}, telling when an attempt to take or renew the Lease ended and when it last renewed
     * it: the elector's own bookkeeping is not readable from outside.
     */
    private static final class Renewals implements Lock {

        private final Lock lease;
        private final ObjectMeta meta;
        private final String describe;
        private final Timings timings;
        private final Consumer<String> waiting;
        private final Object monitor = new Object();
        private int attempts;
        private volatile long lastRenewal = System.nanoTime();
        private volatile String lastFailure;
        private volatile String otherHolder;

        Renewals(Lock lease, ObjectMeta meta, String describe, Timings timings, Consumer<String> waiting) {
            this.lease = lease;
            this.meta = meta;
            this.describe = describe;
            this.timings = timings;
            this.waiting = waiting;
        }

        @Override
        public LeaderElectionRecord get(KubernetesClient client) {
            LeaderElectionRecord record;
            try {
                record = lease.get(client);
            } catch (RuntimeException e) {
                lastFailure = message(e);
                attemptEnded();
                throw e;
            }
            boolean writeFollows = record == null || record.getHolderIdentity() == null
                    || record.getHolderIdentity().isEmpty() || identity().equals(record.getHolderIdentity())
                    || !record.getRenewTime().plus(record.getLeaseDuration() == null ? timings.duration()
                            : record.getLeaseDuration()).isAfter(ZonedDateTime.now(java.time.ZoneOffset.UTC));
            if (!writeFollows) {
                otherHolder = record.getHolderIdentity();
                waiting.accept(record.getHolderIdentity());
                attemptEnded();
            }
            return record;
        }

        @Override
        public void create(KubernetesClient client, LeaderElectionRecord record) {
            write(() -> lease.create(client, record));
        }

        @Override
        public void update(KubernetesClient client, LeaderElectionRecord record) {
            if (record.getHolderIdentity() == null) {
                release(client);
                return;
            }
            write(() -> lease.update(client, record));
        }

        /** A write that succeeds ends its attempt once the elector says it leads ({@link #leading}). */
        private void write(Runnable call) {
            try {
                call.run();
                lastRenewal = System.nanoTime();
                lastFailure = null;
                otherHolder = null;
            } catch (RuntimeException e) {
                lastFailure = message(e);
                attemptEnded();
                throw e;
            }
        }

        /**
         * The release: fabric8 writes its record as a JSON merge patch, which cannot remove the holder, so the Lease
         * would go on naming this apply for the second it leaves it; a PUT of the Lease read now (refused if it
         * changed since) clears it, so that the next apply takes it at once and no refusal names a holder gone.
         */
        private void release(KubernetesClient client) {
            Lease current = client.leases().inNamespace(meta.getNamespace()).withName(meta.getName()).get();
            if (current == null || current.getSpec() == null || !identity().equals(current.getSpec().getHolderIdentity())) {
                return; // another holder took it meanwhile: it is not this apply's to release
            }
            client.resource(new LeaseBuilder(current).editSpec().withHolderIdentity(null).withLeaseDurationSeconds(1)
                    .withRenewTime(ZonedDateTime.now(java.time.ZoneOffset.UTC)).endSpec().build()).update();
        }

        /** The elector took the Lease: the attempt that wrote it has ended. */
        void leading() {
            attemptEnded();
        }

        @Override
        public String identity() {
            return lease.identity();
        }

        @Override
        public String describe() {
            return lease.describe();
        }

        private void attemptEnded() {
            synchronized (monitor) {
                attempts++;
                monitor.notifyAll();
            }
        }

        int attempts() {
            synchronized (monitor) {
                return attempts;
            }
        }

        /** Waits until more than {@code seen} attempts have ended, at most {@code longest}. */
        void awaitAttemptAfter(int seen, Duration longest) throws InterruptedException {
            long end = System.nanoTime() + longest.toNanos();
            synchronized (monitor) {
                while (attempts <= seen) {
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                }
            }
        }

        long lastRenewal() {
            return lastRenewal;
        }

        Optional<String> lastFailure() {
            return Optional.ofNullable(lastFailure);
        }

        /** Why the election ended while this apply held the Lease. */
        String whyStopped() {
            String holder = otherHolder;
            if (holder != null) {
                return "its apply lock, the " + describe + ", was taken by " + holder;
            }
            return "its apply lock, the " + describe + ", could not be renewed within "
                    + seconds(timings.renewDeadline()) + Optional.ofNullable(lastFailure).map(f -> ": " + f.replaceAll("[.:\\s]+$", "")).orElse("");
        }
    }
}
