package dev.switchboard.daemon;

import dev.switchboard.desired.Notifications;
import java.util.List;
import java.util.Optional;

/**
 * One reconcile of every target at one revision.
 *
 * @param loadError the desired state did not load (its first problems); the targets then failed
 * @param outcomes  one per target reconciled, in {@code switchboard.yaml} order
 * @param suspended targets skipped because they have {@code suspend: true}
 * @param notifications the commit's {@code settings.notifications}; empty when its desired state did not load
 */
public record Pass(Revision revision, Optional<String> loadError, List<TargetOutcome> outcomes, List<String> suspended,
                   Optional<Notifications> notifications) {

    public Pass {
        outcomes = List.copyOf(outcomes);
        suspended = List.copyOf(suspended);
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
