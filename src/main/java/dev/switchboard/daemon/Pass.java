package dev.switchboard.daemon;

import java.util.List;
import java.util.Optional;

/**
 * One reconcile of every target at one revision.
 *
 * @param loadError the desired state did not load (its first problems); the targets then failed
 * @param outcomes  one per target reconciled, in {@code switchboard.yaml} order
 * @param suspended targets skipped because they have {@code suspend: true}
 */
public record Pass(Revision revision, Optional<String> loadError, List<TargetOutcome> outcomes, List<String> suspended) {

    public Pass {
        outcomes = List.copyOf(outcomes);
        suspended = List.copyOf(suspended);
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
