package dev.switchboard.daemon;

import dev.switchboard.plan.TargetPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One target's reconcile.
 *
 * @param plan         the plan it computed, empty when it failed before planning
 * @param driftByKind  by kind name, sorted: changes still to make after this reconcile, by resource kind: everything found in
 *                     drift mode, what did not get applied in apply mode
 * @param unmanaged    live objects no file declares, reported apart from drift (SPEC section 4)
 * @param error        why it failed or was blocked; never holds a secret
 * @param kinds        the names of every kind the target's system manages, drifting or not (empty when the
 *                     desired state did not load): the drift gauges exist at 0 for each
 * @param journal      the journal of the apply this reconcile ran, for {@code switchboard rollback}; empty
 *                     when it applied nothing
 * @param windowOpens  when a target {@link Result#WAITING_FOR_WINDOW} may be applied: the next run is no later
 */
public record TargetOutcome(String target, String commit, Result result, Optional<TargetPlan> plan,
                            Map<String, Integer> driftByKind, int unmanaged, Optional<String> error,
                            Instant finished, Duration duration, List<String> kinds, Optional<Path> journal,
                            Optional<Instant> windowOpens) {

    public TargetOutcome {
        driftByKind = Collections.unmodifiableMap(new TreeMap<>(driftByKind));
        kinds = List.copyOf(kinds);
    }

    public TargetOutcome(String target, String commit, Result result, Optional<TargetPlan> plan,
                         Map<String, Integer> driftByKind, int unmanaged, Optional<String> error,
                         Instant finished, Duration duration, List<String> kinds) {
        this(target, commit, result, plan, driftByKind, unmanaged, error, finished, duration, kinds, Optional.empty(),
                Optional.empty());
    }

    /** This outcome with the journal of the apply it ran. */
    public TargetOutcome withJournal(Optional<Path> file) {
        return new TargetOutcome(target, commit, result, plan, driftByKind, unmanaged, error, finished, duration, kinds,
                file, windowOpens);
    }

    /** This outcome with the time its change window opens. */
    public TargetOutcome withWindowOpening(Optional<Instant> opens) {
        return new TargetOutcome(target, commit, result, plan, driftByKind, unmanaged, error, finished, duration, kinds,
                journal, opens);
    }

    public TargetOutcome(String target, String commit, Result result, Optional<TargetPlan> plan,
                         Map<String, Integer> driftByKind, int unmanaged, Optional<String> error,
                         Instant finished, Duration duration) {
        this(target, commit, result, plan, driftByKind, unmanaged, error, finished, duration, List.of());
    }

    public int drift() {
        return driftByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * {@code failure} (a commit whose desired state did not load) over this outcome: this outcome's commit,
     * plan and drift stay, as the last good ones, failed with what is wrong with the new commit.
     */
    static TargetOutcome superseding(TargetOutcome lastGood, TargetOutcome failure) {
        if (lastGood.plan().isEmpty()) {
            return failure;
        }
        String error = "commit " + failure.commit() + " does not load, so nothing of it is reconciled and commit "
                + lastGood.commit() + " stays in force: " + failure.error().orElse("");
        return new TargetOutcome(lastGood.target(), lastGood.commit(), Result.FAILED, lastGood.plan(),
                lastGood.driftByKind(), lastGood.unmanaged(), Optional.of(error), failure.finished(), failure.duration(),
                lastGood.kinds());
    }

    static TargetOutcome failed(String target, String commit, String error, Instant finished, Duration duration) {
        return new TargetOutcome(target, commit, Result.FAILED, Optional.empty(), Map.of(), 0, Optional.of(error),
                finished, duration);
    }
}
