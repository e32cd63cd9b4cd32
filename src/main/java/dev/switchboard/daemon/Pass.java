package dev.switchboard.daemon;

import dev.switchboard.desired.Notifications;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reconcile of every target at one revision.
 *
 * @param loadError the desired state did not load (its first problems); the targets then failed
 * @param outcomes  one per target reconciled, in {@code switchboard.yaml} order
 * @param suspended targets skipped because they have {@code suspend: true}
 * @param notifications the commit's {@code settings.notifications}; empty when its desired state did not load
 * @param owners    the shard that owns each declared target not suspended, this replica's and the others', in
 *                  {@code switchboard.yaml} order; empty when the desired state did not load
 * @param shard     this replica's name in the {@code shard} label
 */
public record Pass(Revision revision, Optional<String> loadError, List<TargetOutcome> outcomes, List<String> suspended,
                   Optional<Notifications> notifications, Map<String, String> owners, String shard) {

    public Pass {
        outcomes = List.copyOf(outcomes);
        suspended = List.copyOf(suspended);
        owners = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(owners));
    }

    /** A pass of a single replica, which owns every target. */
    public Pass(Revision revision, Optional<String> loadError, List<TargetOutcome> outcomes, List<String> suspended,
                Optional<Notifications> notifications) {
        this(revision, loadError, outcomes, suspended, notifications, Map.of(), Fleet.SINGLE.shard());
    }

    /** The declared targets that another replica reconciles, with the shard that owns each. */
    public Map<String, String> ownedElsewhere() {
        Map<String, String> elsewhere = new java.util.LinkedHashMap<>(owners);
        outcomes.forEach(o -> elsewhere.remove(o.target()));
        elsewhere.values().removeIf(shard::equals);
        return elsewhere;
    }

    /** A pass whose commit configures no notifications. */
    public Pass(Revision revision, Optional<String> loadError, List<TargetOutcome> outcomes, List<String> suspended) {
        this(revision, loadError, outcomes, suspended, Optional.empty());
    }

    /** Whether every target got as far as a plan: what readiness waits for the first time. */
    public boolean planned() {
        return loadError.isEmpty() && outcomes.stream().allMatch(o -> o.plan().isPresent());
    }

    public boolean failed() {
        // An unconfirmed write is retried as soon as a failure is: the next plan redoes what did not show.
        return loadError.isPresent()
                || outcomes.stream().anyMatch(o -> o.result() == Result.FAILED || o.result() == Result.UNCONFIRMED);
    }
}
