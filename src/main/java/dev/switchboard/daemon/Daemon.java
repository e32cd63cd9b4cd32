package dev.switchboard.daemon;

import dev.switchboard.desired.Notifications;
import dev.switchboard.desired.SecretResolver;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;

/**
 * The reconcile loop of {@code switchboard serve} (SPEC section 6). Runs a {@link Pass} over every target
 * on start, when the interval (plus jitter) has passed, when a poll or webhook brings a new commit, and
 * when asked through the API. Passes run one at a time on a single worker thread, so a target is never
 * reconciled twice at once; a trigger during a pass queues exactly one more. Failures (a fetch, a load, a
 * target) move the next run closer with exponential backoff. A failed fetch reconciles the last good
 * revision again, so drift is still reported while Git is unreachable. Shutdown lets the pass in flight
 * finish its current target (an apply is never cut short) and starts no other.
 *
 * <p>Notifications go to the services of the environment and to those of the {@code settings.notifications}
 * of the commit in force: each commit that loads brings its own; one that does not load keeps the last
 * good one's. The services are logged at start and whenever a commit changes them.
 */
@ApplicationScoped
public class Daemon {

    private static final Logger LOG = Logger.getLogger(Daemon.class);

    /** Why a pass runs. A poll only reconciles when it finds a new commit; the others always do. */
    public enum Trigger { START, SCHEDULE, POLL, WEBHOOK, MANUAL }

    private final DaemonConfig config;
    private final Reconciler reconciler;
    private final StatusBoard board;
    private final DaemonMetrics metrics;
    private final Fleets fleets;
    private final io.quarkus.scheduler.Scheduler scheduler;
    private final Clock clock = Clock.systemUTC();
    private final RandomGenerator random = new Random();

    private volatile boolean running;
    private volatile boolean stopping;
    private DesiredStateSource source;
    private Schedule schedule;
    private Path workDir;
    private ExecutorService worker;
    private ExecutorService notifying;
    private Notifier notifier;
    private DaemonSettings settings;
    private Fleet fleet = Fleet.SINGLE;
    private HttpClient notifyHttp;
    private Set<String> environmentalServices = Set.of();
    private List<Notifier.ServiceState> environmentalStates = List.of();
    private Optional<SharedSecret> webhookSecret = Optional.empty();
    private Optional<SharedSecret> apiToken = Optional.empty();

    private final PassQueue passes = new PassQueue();
    private final Map<Trigger, AtomicLong> accepted = new EnumMap<>(Trigger.class);
    private final AtomicLong passesEnded = new AtomicLong();

    // Guarded by this.
    private Instant nextRun = Instant.MAX;
    private Instant nextPoll = Instant.MAX;

    // Touched by the worker thread only.
    private Optional<Revision> lastGood = Optional.empty();
    private Optional<String> lastReconciledCommit = Optional.empty();
    private int failuresInARow;
    private Optional<String> followedCommit = Optional.empty();
    private Notifications followed = Notifications.NONE;
    private List<Notifier.ServiceState> notificationStates = List.of();

    public Daemon(DaemonConfig config, Reconciler reconciler, StatusBoard board, DaemonMetrics metrics, Fleets fleets,
                  io.quarkus.scheduler.Scheduler scheduler) {
        this.scheduler = scheduler;
        this.config = config;
        this.fleets = fleets;
        this.reconciler = reconciler;
        this.board = board;
        this.metrics = metrics;
        for (Trigger trigger : Trigger.values()) {
            accepted.put(trigger, new AtomicLong());
        }
    }

    void autostart(@Observes StartupEvent event) {
        if (config.autostart()) {
            try {
                start();
            } catch (RuntimeException refused) {
                // serve ends: the tick must not fire while the application shuts down, when Quarkus's
                // invoker finds no bean any more and logs a stack trace after serve's one-line refusal
                pauseTheTick();
                throw refused;
            }
        }
    }

    void shutdown(@Observes ShutdownEvent event) {
        pauseTheTick();
        stop();
    }

    private void pauseTheTick() {
        if (scheduler.isRunning()) {
            scheduler.pause();
        }
    }

    /**
     * Checks the configuration and starts reconciling: the first pass begins at once, in the background.
     *
     * @throws DaemonConfigException when the configuration cannot work; nothing is started then
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        settings = DaemonSettings.of(config);
        schedule = Schedule.of(settings);
        fleet = fleets.open(settings.fleet());
        metrics.shard(fleet.shard());
        webhookSecret = SharedSecret.read("SWITCHBOARD_WEBHOOK_SECRET", config.webhookSecret(), config.webhookSecretFile());
        apiToken = SharedSecret.read("SWITCHBOARD_API_TOKEN", config.apiToken(), config.apiTokenFile());
        notifyHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Notifier.Channel> channels = Notifier.channels(config.notifications(), notifyHttp);
        source = DesiredStateSource.from(config);
        notifying = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-notify");
            thread.setDaemon(true);
            return thread;
        });
        notifier = new Notifier(channels, notifying, metrics::notified);
        environmentalServices = channels.stream().map(Notifier.Channel::service).collect(Collectors.toUnmodifiableSet());
        environmentalStates = channels.stream().map(c -> Notifier.ServiceState.on(c, "environment")).toList();
        environmentalStates.forEach(state -> LOG.info(state.line()));
        notificationStates = environmentalStates;
        board.notifications(notificationStates);
        workDir = config.config().orElse(config.dataDir()).toAbsolutePath().normalize();
        worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-reconcile");
            thread.setDaemon(true);
            return thread;
        });
        board.started(source.describe(), settings.mode().name().toLowerCase());
        running = true;
        LOG.infof("reconciling %s every %s in %s mode, %d target(s) at once, as %s; state of embedded simulators and"
                + " journals in %s", source.describe(), settings.interval(), settings.mode().name().toLowerCase(),
                settings.concurrentTargets(), fleets.describe(settings.fleet(), fleet), workDir);
        if (webhookSecret.isEmpty()) {
            LOG.warn("SWITCHBOARD_WEBHOOK_SECRET is not set: the push webhook refuses every request; polling finds new commits");
        }
        if (apiToken.isEmpty()) {
            LOG.warn("SWITCHBOARD_API_TOKEN is not set: POST /api/v1/reconcile refuses every request");
        }
        trigger(Trigger.START);
    }

    /** The secret push webhooks are signed with; empty when none is configured (every webhook is refused). */
    public synchronized Optional<SharedSecret> webhookSecret() {
        return webhookSecret;
    }

    /** The bearer token of the reconcile endpoint; empty when none is configured (every call is refused). */
    public synchronized Optional<SharedSecret> apiToken() {
        return apiToken;
    }

    /** The branch the daemon follows, to tell a push to it from pushes to others. */
    public Optional<String> branch() {
        return config.config().isPresent() ? Optional.empty() : Optional.of(config.git().branch());
    }

    /**
     * Asks for a pass now.
     *
     * @return false when the daemon is not running (not started, or shutting down)
     */
    public synchronized boolean trigger(Trigger trigger) {
        if (!running || stopping) {
            return false;
        }
        accepted.get(trigger).incrementAndGet();
        if (passes.offer(trigger)) {
            worker.execute(() -> work(trigger));
        }
        return true;
    }

    /**
     * How many triggers of this kind the daemon has taken since it started (queued or merged into a queued
     * pass): a signal that a request did, or did not, ask for a pass, without waiting to see whether one runs.
     */
    public long triggersAccepted(Trigger trigger) {
        return accepted.get(trigger).get();
    }

    /**
     * True when no pass runs and none is queued: every pass asked for before (by a request answered 202, say)
     * has ended.
     */
    public boolean idle() {
        return !passes.running();
    }

    /** How many passes have ended since the daemon started, whatever they found. */
    public long passesEnded() {
        return passesEnded.get();
    }

    @Scheduled(identity = "switchboard-daemon-tick", every = "${switchboard.tick:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!running || stopping) {
            return;
        }
        Instant now = clock.instant();
        Optional<Trigger> due;
        synchronized (this) {
            due = !now.isBefore(nextRun) ? Optional.of(Trigger.SCHEDULE)
                    : !now.isBefore(nextPoll) ? Optional.of(Trigger.POLL) : Optional.empty();
            if (due.isPresent()) {
                // Not due again until the pass reschedules, so a long pass is not queued twice by the clock.
                nextRun = due.get() == Trigger.SCHEDULE ? Instant.MAX : nextRun;
                nextPoll = Instant.MAX;
            }
        }
        due.ifPresent(this::trigger);
    }

    private void work(Trigger first) {
        Optional<Trigger> trigger = Optional.of(first);
        while (trigger.isPresent()) {
            runPass(trigger.get());
            trigger = passes.next(stopping);
        }
    }

    private void runPass(Trigger trigger) {
        boolean failed = false;
        boolean reconciled = false;
        Optional<Instant> windowOpens = Optional.empty();
        try {
            Optional<Revision> revision = fetch();
            failed = revision.isEmpty();
            revision = revision.or(() -> lastGood);
            if (revision.isEmpty()) {
                return;
            }
            boolean newCommit = !lastReconciledCommit.equals(Optional.of(revision.get().commit()));
            if (trigger == Trigger.POLL && (failed || !newCommit)) {
                return;
            }
            if (newCommit) {
                LOG.infof("reconciling commit %s (%s)", revision.get().commit(), trigger.name().toLowerCase());
            }
            Pass pass = reconciler.reconcile(revision.get(), settings.mode(), workDir, board.knownTargets(),
                    () -> stopping, fleet, settings.concurrentTargets());
            pass.outcomes().forEach(metrics::reconciled);
            if (pass.loadError().isEmpty() && !stopping) {
                metrics.onlyDeclared(pass.outcomes().stream().map(TargetOutcome::target).toList());
            }
            board.passed(pass);
            if (pass.notifications().isPresent()) {
                follow(revision.get(), pass.notifications().get());
            }
            notifier.passed(pass, settings.mode().name().toLowerCase(), source.describe());
            lastReconciledCommit = Optional.of(revision.get().commit());
            reconciled = true;
            failed |= pass.failed();
            windowOpens = pass.outcomes().stream().flatMap(o -> o.windowOpens().stream()).min(Instant::compareTo);
        } catch (RuntimeException e) {
            LOG.errorf(e, "a reconcile pass failed unexpectedly; retrying with backoff");
            failed = true;
            reconciled = true;
        } finally {
            reschedule(trigger, failed, reconciled, windowOpens);
            passesEnded.incrementAndGet();
        }
    }

    /**
     * Notifies the services of this commit's {@code settings.notifications} from now on, when they differ
     * from the last commit's (or the commit does): its references are resolved again.
     */
    private void follow(Revision revision, Notifications notifications) {
        if (followedCommit.equals(Optional.of(revision.commit())) && followed.equals(notifications)) {
            return;
        }
        Notifier.Followed now = Notifier.channels(notifications, environmentalServices,
                SecretResolver.fromProcessEnvironment(revision.dir()), notifyHttp);
        notifier.follow(now.channels());
        followedCommit = Optional.of(revision.commit());
        followed = notifications;
        List<Notifier.ServiceState> states = new ArrayList<>(environmentalStates);
        states.addAll(now.states());
        if (!states.equals(notificationStates)) {
            if (now.states().isEmpty()) {
                LOG.infof("commit %s: switchboard.yaml configures no notifications", revision.commit());
            }
            for (Notifier.ServiceState state : now.states()) {
                if (state.state().equals("off")) {
                    LOG.warnf("commit %s: %s", revision.commit(), state.line());
                } else {
                    LOG.infof("commit %s: %s", revision.commit(), state.line());
                }
            }
            notificationStates = List.copyOf(states);
            board.notifications(notificationStates);
        }
    }

    private Optional<Revision> fetch() {
        try {
            Revision revision = source.latest();
            if (source.fetches()) {
                metrics.fetched(true);
            }
            board.fetched(clock.instant(), revision);
            lastGood = Optional.of(revision);
            return Optional.of(revision);
        } catch (SourceException e) {
            if (source.fetches()) {
                metrics.fetched(false);
            }
            board.fetchFailed(clock.instant(), e.getMessage());
            LOG.warnf("%s%s", e.getMessage(), lastGood.map(r -> "; reconciling the last good commit "
                    + r.commit() + " meanwhile").orElse(""));
            return Optional.empty();
        }
    }

    /** @param windowOpens the earliest opening of a window a target waits for: the next run is no later */
    private void reschedule(Trigger trigger, boolean failed, boolean reconciled, Optional<Instant> windowOpens) {
        Instant now = clock.instant();
        synchronized (this) {
            if (reconciled || failed || trigger != Trigger.POLL) {
                failuresInARow = failed ? failuresInARow + 1 : 0;
                nextRun = schedule.next(now, failuresInARow, random);
                if (windowOpens.isPresent() && windowOpens.get().isBefore(nextRun)) {
                    nextRun = windowOpens.get().isAfter(now) ? windowOpens.get() : now;
                }
                board.scheduled(nextRun);
            }
            nextPoll = source.fetches() ? now.plus(settings.poll()) : Instant.MAX;
        }
    }

    /** Stops triggering, waits for the pass in flight to finish its current target, and closes the source. */
    public void stop() {
        ExecutorService pool;
        synchronized (this) {
            if (!running || stopping) {
                return;
            }
            stopping = true;
            pool = worker;
        }
        pool.shutdown();
        try {
            if (passes.running()) {
                LOG.info("waiting for the reconcile in flight to finish before stopping");
            }
            if (!pool.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("the reconcile in flight did not finish within %s; stopping anyway", settings.shutdownGrace());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            source.close();
            notifying.shutdown();
            fleets.close();
            running = false;
        }
    }
}
