package dev.switchboard.daemon;

import dev.switchboard.apply.ApplyReport;
import dev.switchboard.apply.ChangeResult;
import dev.switchboard.apply.TargetApplyReport;
import dev.switchboard.desired.ChangeWindows;
import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.LoadResult;
import dev.switchboard.desired.Problem;
import dev.switchboard.engine.ApplyOptions;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineSession;
import dev.switchboard.engine.PlanRequest;
import dev.switchboard.engine.Progress;
import dev.switchboard.plan.Action;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.TargetPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One reconcile pass: load the desired state at a revision, then for every target not suspended plan it
 * and, in apply mode, apply it through the engine's gates. Never throws for a bad file, an unreachable
 * server or a refused change: each becomes a {@link TargetOutcome} to report.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    private static final int PROBLEMS_SHOWN = 3;

    private final Engine engine;
    private final Clock clock = Clock.systemUTC();

    public Reconciler(Engine engine) {
        this.engine = engine;
    }

    /** As {@link #reconcile(Revision, DaemonConfig.Mode, Path, Collection, BooleanSupplier, Fleet, int)}: one replica, one target at a time. */
    public Pass reconcile(Revision revision, DaemonConfig.Mode mode, Path workDir, Collection<String> knownTargets,
                          BooleanSupplier stopping) {
        return reconcile(revision, mode, workDir, knownTargets, stopping, Fleet.SINGLE, 1);
    }

    /**
     * @param workDir       where embedded simulators and apply journals keep their files
     * @param knownTargets  the targets of earlier passes: they are reported failed when the state does not load
     * @param stopping      checked before each target: once true, the targets not started are left for later
     * @param fleet         who owns which target: this replica reconciles only its own, and applies only while
     *                      {@link Fleet#mayApply}
     * @param concurrentTargets how many of its targets are reconciled at once (each target once, by one thread);
     *                      the outcomes are in {@code switchboard.yaml} order whatever order they end in
     */
    public Pass reconcile(Revision revision, DaemonConfig.Mode mode, Path workDir, Collection<String> knownTargets,
                          BooleanSupplier stopping, Fleet fleet, int concurrentTargets) {
        Instant start = clock.instant();
        LoadResult loaded = engine.loader().load(revision.dir());
        if (!loaded.valid()) {
            String error = loadError(loaded);
            LOG.warnf("the desired state at %s does not load: %s", revision.commit(), error);
            Duration took = Duration.between(start, clock.instant());
            return new Pass(revision, Optional.of(error), knownTargets.stream()
                    .map(t -> TargetOutcome.failed(t, revision.commit(), error, clock.instant(), took)).toList(), List.of());
        }
        DesiredState state = loaded.requireValid();
        List<String> suspended = new ArrayList<>();
        Map<String, String> owners = new LinkedHashMap<>();
        List<Callable<Optional<TargetOutcome>>> work = new ArrayList<>();
        for (var target : state.targets().values()) {
            if (target.policy().suspend()) {
                suspended.add(target.name());
                continue;
            }
            Fleet.Owner owner = fleet.owner(target);
            owners.put(target.name(), owner.shard());
            if (!owner.mine()) {
                continue;
            }
            if (owner.problem().isPresent()) {
                Instant now = clock.instant();
                work.add(() -> Optional.of(TargetOutcome.failed(target.name(), revision.commit(), owner.problem().get(),
                        now, Duration.ZERO)));
                continue;
            }
            work.add(() -> stopping.getAsBoolean() ? Optional.empty()
                    : Optional.of(reconcileTarget(state, target.name(), revision.commit(), mode, workDir, fleet)));
        }
        List<TargetOutcome> outcomes = runBounded(work, concurrentTargets);
        return new Pass(revision, Optional.empty(), outcomes, suspended, Optional.of(state.settings().notifications()),
                owners, fleet.shard());
    }

    /**
     * Runs every target's reconcile, at most {@code bound} at once, and returns what they found in the order
     * given: a reconcile never throws (it reports), so nothing is lost to an exception.
     */
    private static List<TargetOutcome> runBounded(List<Callable<Optional<TargetOutcome>>> work, int bound) {
        if (work.isEmpty()) {
            return List.of();
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(bound, work.size()), runnable -> {
            Thread thread = new Thread(runnable, "switchboard-target-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Optional<TargetOutcome>>> futures = new ArrayList<>();
            work.forEach(w -> futures.add(pool.submit(w)));
            List<TargetOutcome> outcomes = new ArrayList<>();
            for (Future<Optional<TargetOutcome>> future : futures) {
                try {
                    future.get().ifPresent(outcomes::add);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the targets were reconciled", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    private TargetOutcome reconcileTarget(DesiredState state, String target, String commit, DaemonConfig.Mode mode,
                                          Path workDir, Fleet fleet) {
        return withKinds(reconcileTargetOnce(state, target, commit, mode, workDir, fleet), kindsOf(state, target));
    }

    /** The names of the kinds the target's system manages. */
    private List<String> kindsOf(DesiredState state, String target) {
        return Optional.ofNullable(state.targets().get(target))
                .flatMap(spec -> engine.systems().find(spec.kind()))
                .map(system -> system.kinds().stream().map(d -> d.kind().name()).toList())
                .orElse(List.of());
    }

    private static TargetOutcome withKinds(TargetOutcome o, List<String> kinds) {
        return new TargetOutcome(o.target(), o.commit(), o.result(), o.plan(), o.driftByKind(), o.unmanaged(), o.error(),
                o.finished(), o.duration(), kinds, o.journal(), o.windowOpens());
    }

    private TargetOutcome reconcileTargetOnce(DesiredState state, String target, String commit, DaemonConfig.Mode mode,
                                              Path workDir, Fleet fleet) {
        Instant start = clock.instant();
        Optional<TargetPlan> planned = Optional.empty();
        try (EngineSession session = engine.open(state, Set.of(target), workDir)) {
            if (mode == DaemonConfig.Mode.APPLY) {
                session.lockForApply(Duration.ZERO, "serve");
            }
            Plan plan = session.plan(PlanRequest.EVERYTHING, Progress.NONE);
            if (mode == DaemonConfig.Mode.APPLY) {
                session.examineInterruptedApplies().forEach(line -> LOG.warnf("%s", line));
            }
            TargetPlan targetPlan = plan.targets().get(0);
            planned = Optional.of(targetPlan);
            List<Change> changes = targetPlan.apiChanges();
            if (!targetPlan.hasChanges()) {
                return outcome(targetPlan, commit, Result.IN_SYNC, List.of(), Optional.empty(), start);
            }
            if (mode == DaemonConfig.Mode.DRIFT) {
                return outcome(targetPlan, commit, Result.DRIFT, changes, Optional.empty(), start);
            }
            if (targetPlan.blockedByReadOnly()) {
                return outcome(targetPlan, commit, Result.READ_ONLY, changes, Optional.empty(), start);
            }
            ChangeWindows.State window = session.window(target);
            if (!window.open()) {
                LOG.infof("%s: commit %s waits for its change window: %s", target, commit, window.describe());
                return outcome(targetPlan, commit, Result.WAITING_FOR_WINDOW, changes,
                        Optional.of("waiting: outside its change window, " + window.describe()), start)
                        .withWindowOpening(window.nextChange());
            }
            if (!fleet.mayApply(state.targets().get(target))) {
                // Another replica takes this target once this one's Lease expires: it must not apply meanwhile.
                String why = "not applied: " + fleet.whyNot();
                LOG.warnf("%s: commit %s %s", target, commit, why);
                return outcome(targetPlan, commit, Result.DRIFT, changes, Optional.of(why), start);
            }
            ApplyReport report = session.apply(plan, ApplyOptions.DEFAULT, Progress.NONE);
            TargetApplyReport applied = report.targets().get(0);
            if (!applied.refusals().isEmpty()) {
                LOG.warnf("%s: commit %s not applied: %s", target, commit, String.join("; ", applied.refusals()));
                return outcome(targetPlan, commit, Result.BLOCKED, changes,
                        Optional.of(String.join("; ", applied.refusals())), start);
            }
            List<Change> notApplied = applied.results().stream()
                    .filter(r -> r.status() != ChangeResult.Status.APPLIED).map(ChangeResult::change).toList();
            if (notApplied.isEmpty()) {
                LOG.infof("%s: applied %d change(s) of commit %s", target, changes.size(), commit);
                return outcome(targetPlan, commit, Result.APPLIED, List.of(), Optional.empty(), start)
                        .withJournal(applied.journal());
            }
            boolean anyFailed = applied.count(ChangeResult.Status.FAILED) > 0;
            // Skipped alone: what stopped the apply (its lock was lost) is in the skipped changes' messages.
            ChangeResult.Status worst = anyFailed ? ChangeResult.Status.FAILED
                    : applied.count(ChangeResult.Status.UNCONFIRMED) > 0 ? ChangeResult.Status.UNCONFIRMED
                    : ChangeResult.Status.SKIPPED;
            String failures = applied.results().stream().filter(r -> r.status() == worst)
                    .limit(PROBLEMS_SHOWN)
                    .map(r -> r.change().key() + ": " + r.message().orElse("failed"))
                    .collect(Collectors.joining("; "));
            return outcome(targetPlan, commit, anyFailed || applied.count(ChangeResult.Status.UNCONFIRMED) == 0
                    ? Result.FAILED : Result.UNCONFIRMED, notApplied, Optional.of(failures), start)
                    .withJournal(applied.journal());
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("%s: reconcile of commit %s failed: %s", target, commit, error);
            Instant now = clock.instant();
            return new TargetOutcome(target, commit, Result.FAILED, planned, Map.of(), 0, Optional.of(error), now,
                    Duration.between(start, now));
        }
    }

    private TargetOutcome outcome(TargetPlan plan, String commit, Result result, List<Change> remaining,
                                  Optional<String> error, Instant start) {
        Map<String, Integer> byKind = new TreeMap<>();
        remaining.forEach(c -> byKind.merge(c.kind().name(), 1, Integer::sum));
        int unmanaged = (int) plan.changes().stream().filter(c -> c.action() == Action.UNMANAGED).count();
        Instant now = clock.instant();
        return new TargetOutcome(plan.target(), commit, result, Optional.of(plan), byKind, unmanaged, error, now,
                Duration.between(start, now));
    }

    private static String loadError(LoadResult loaded) {
        List<Problem> problems = loaded.problems();
        if (problems.isEmpty()) {
            return "the desired state did not load";
        }
        String shown = problems.stream().limit(PROBLEMS_SHOWN).map(Problem::render).collect(Collectors.joining("; "));
        return problems.size() + " problem(s) in the desired state: " + shown
                + (problems.size() > PROBLEMS_SHOWN ? "; ..." : "");
    }
}
