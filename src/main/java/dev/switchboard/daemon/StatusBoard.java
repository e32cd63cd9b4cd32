package dev.switchboard.daemon;

import dev.switchboard.plan.Plan;
import dev.switchboard.plan.Summary;
import dev.switchboard.plan.TargetPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the daemon knows right now, for the status, drift and health endpoints: the last fetch, each
 * target's last reconcile and latest plan, and when the next run is due. Written by the reconcile loop,
 * read by request threads; every read is a consistent snapshot.
 */
@ApplicationScoped
public class StatusBoard {

    private String source = "";
    private String mode = "";
    private boolean started;
    private boolean ready;
    private Optional<FetchStatus> lastFetch = Optional.empty();
    private Optional<String> lastError = Optional.empty();
    private Optional<Instant> nextRun = Optional.empty();
    private final Map<String, TargetOutcome> targets = new LinkedHashMap<>();
    /** The journal of each target's last apply (for {@code switchboard rollback}); kept while passes apply nothing. */
    private final Map<String, String> journals = new LinkedHashMap<>();
    private final List<String> suspended = new ArrayList<>();
    private List<Notifier.ServiceState> notifications = List.of();
    private String shard = Fleet.SINGLE.shard();
    private final Map<String, String> elsewhere = new LinkedHashMap<>();

    /**
     * @param commit  the commit fetched, or the last good one after a failure
     * @param error   why the last fetch failed; empty when it succeeded
     */
    public record FetchStatus(Instant time, Optional<String> commit, Optional<String> message, Optional<String> error) {
    }

    /**
     * @param drift     changes still to make, by kind; {@code driftCount} their total
     * @param lastPlan  the counts of the last plan, before any apply
     * @param shard     the replica that reconciles it: this one's shard, or another's when {@code result} is
     *                  {@code owned-elsewhere} (SPEC section 6)
     */
    public record TargetStatus(String name, String commit, String result, int driftCount, Map<String, Integer> drift,
                               int unmanaged, Optional<Summary> lastPlan, Optional<Instant> lastRun, double durationSeconds,
                               Optional<String> lastError, Optional<Instant> nextRun, boolean suspended,
                               Optional<String> lastJournal, String shard) {

        /** The {@code result} of a target that another replica reconciles. */
        public static final String OWNED_ELSEWHERE = "owned-elsewhere";
    }

    /**
     * @param notifications each notification service of the environment and of the commit in force, on or not
     * @param shard         this replica's name in the {@code shard} label
     */
    public record Status(String source, String mode, boolean ready, Optional<FetchStatus> lastFetch,
                         Optional<String> lastError, Optional<Instant> nextRun, List<TargetStatus> targets,
                         List<Notifier.ServiceState> notifications, String shard) {
    }

    synchronized void notifications(List<Notifier.ServiceState> services) {
        notifications = List.copyOf(services);
    }

    synchronized void started(String source, String mode) {
        this.source = source;
        this.mode = mode;
        this.started = true;
    }

    synchronized void fetched(Instant time, Revision revision) {
        lastFetch = Optional.of(new FetchStatus(time, Optional.of(revision.commit()),
                Optional.of(revision.message()).filter(m -> !m.isEmpty()), Optional.empty()));
    }

    synchronized void fetchFailed(Instant time, String error) {
        Optional<String> lastCommit = lastFetch.flatMap(FetchStatus::commit);
        Optional<String> lastMessage = lastFetch.flatMap(FetchStatus::message);
        lastFetch = Optional.of(new FetchStatus(time, lastCommit, lastMessage, Optional.of(error)));
        lastError = Optional.of(error);
    }

    synchronized void passed(Pass pass) {
        shard = pass.shard();
        if (pass.loadError().isEmpty()) {
            // A target that moved to another replica leaves this one's results for that one's.
            elsewhere.clear();
            elsewhere.putAll(pass.ownedElsewhere());
            targets.keySet().removeAll(elsewhere.keySet());
            // Targets no longer declared in switchboard.yaml leave the status.
            targets.keySet().retainAll(pass.outcomes().stream().map(TargetOutcome::target).toList());
        }
        if (pass.loadError().isPresent()) {
            // A commit whose desired state does not load changes nothing: each target keeps its last good
            // commit, plan and drift on show, failed with the reason, until a commit loads again.
            pass.outcomes().forEach(o -> targets.merge(o.target(), o, TargetOutcome::superseding));
        } else {
            pass.outcomes().forEach(o -> targets.put(o.target(), o));
        }
        pass.outcomes().forEach(o -> o.journal().ifPresent(j -> journals.put(o.target(), j.toString())));
        suspended.clear();
        suspended.addAll(pass.suspended());
        pass.suspended().forEach(targets::remove);
        // A pass after a failed fetch works on the last good commit: the fetch's error still stands.
        lastError = pass.loadError().or(() -> pass.outcomes().stream()
                .filter(o -> o.result() == Result.FAILED).findFirst()
                .map(o -> o.target() + ": " + o.error().orElse("failed")))
                .or(() -> lastFetch.flatMap(FetchStatus::error));
        if (pass.planned()) {
            ready = true;
        }
    }

    synchronized void scheduled(Instant next) {
        nextRun = Optional.of(next);
    }

    /** Ready once a fetch and a plan of every target have succeeded (SPEC section 6); it stays so. */
    public synchronized boolean ready() {
        return ready;
    }

    public synchronized boolean started() {
        return started;
    }

    public synchronized List<String> knownTargets() {
        return List.copyOf(targets.keySet());
    }

    public synchronized Optional<String> lastError() {
        return lastError;
    }

    public synchronized Optional<FetchStatus> lastFetch() {
        return lastFetch;
    }

    public synchronized Status status() {
        List<TargetStatus> list = new ArrayList<>();
        for (TargetOutcome o : targets.values()) {
            list.add(new TargetStatus(o.target(), o.commit(), o.result().label(), o.drift(), o.driftByKind(),
                    o.unmanaged(), o.plan().map(TargetPlan::summary), Optional.of(o.finished()), o.duration().toMillis() / 1000.0,
                    o.error(), nextRun, false, Optional.ofNullable(journals.get(o.target())), shard));
        }
        for (Map.Entry<String, String> other : elsewhere.entrySet()) {
            list.add(new TargetStatus(other.getKey(), lastFetch.flatMap(FetchStatus::commit).orElse(Revision.NO_COMMIT),
                    TargetStatus.OWNED_ELSEWHERE, 0, Map.of(), 0, Optional.empty(), Optional.empty(), 0, Optional.empty(),
                    Optional.empty(), false, Optional.empty(), other.getValue()));
        }
        for (String name : suspended) {
            list.add(new TargetStatus(name, lastFetch.flatMap(FetchStatus::commit).orElse(Revision.NO_COMMIT),
                    "suspended", 0, Map.of(), 0, Optional.empty(), Optional.empty(), 0, Optional.empty(),
                    Optional.empty(), true, Optional.ofNullable(journals.get(name)), shard));
        }
        return new Status(source, mode, ready, lastFetch, lastError, nextRun, list, notifications, shard);
    }

    /** The latest plan of one target, when it got as far as planning. */
    public synchronized Optional<TargetPlan> latestPlan(String target) {
        return Optional.ofNullable(targets.get(target)).flatMap(TargetOutcome::plan);
    }

    /** The latest plan of every target that got as far as planning, as one plan for the renderers. */
    public synchronized Plan latestPlan() {
        return Plan.of(targets.values().stream().flatMap(o -> o.plan().stream()).toList());
    }
}
