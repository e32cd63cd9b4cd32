package dev.switchboard.plan;

import dev.switchboard.model.Secret;
import dev.switchboard.model.TargetSpec;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The plan for one target: every paired object's change in {@link ChangeOrder} (no-ops and unmanaged
 * objects included, so that a drift report can list every object), and the errors that make it
 * impossible to apply.
 *
 * @param target      the target's name
 * @param policy      the target's policy when planned: the thresholds {@link SafetyPolicy} applies and
 *                    whether it is read-only
 * @param liveObjects how many objects the server had: the base of the safety percentages
 * @param warnings    what the plan cannot tell (see {@link PlanWarning}); no obstacle to an apply
 */
public record TargetPlan(String target, TargetSpec.Policy policy, int liveObjects, List<Change> changes,
                         List<PlanError> errors, List<PlanWarning> warnings) {

    public TargetPlan {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policy, "policy");
        changes = List.copyOf(changes);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** A plan without warnings. */
    public TargetPlan(String target, TargetSpec.Policy policy, int liveObjects, List<Change> changes,
                      List<PlanError> errors) {
        this(target, policy, liveObjects, changes, errors, List.of());
    }

    /** A target whose live state could not be read: no changes, one {@link PlanError.Reason#UNREADABLE} error. */
    public static TargetPlan unreadable(String target, TargetSpec.Policy policy, String cause) {
        return new TargetPlan(target, policy, 0, List.of(), List.of(PlanError.unreadable(target, cause)));
    }

    /** This plan with {@code more} errors after its own. */
    public TargetPlan withMoreErrors(List<PlanError> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<PlanError> all = new java.util.ArrayList<>(errors);
        all.addAll(more);
        return new TargetPlan(target, policy, liveObjects, changes, all, warnings);
    }

    public TargetPlan withWarnings(List<PlanWarning> found) {
        return new TargetPlan(target, policy, liveObjects, changes, errors, found);
    }

    public Summary summary() {
        return Summary.of(changes);
    }

    /** An apply would call the API. */
    public boolean hasChanges() {
        return summary().changesPresent();
    }

    /** The changes an apply carries out, in order. */
    public List<Change> apiChanges() {
        return changes.stream().filter(Change::callsApi).toList();
    }

    /** Its live state could not be read ({@link #unreadable}): nothing of it was compared, and its plan cannot be applied. */
    public boolean liveStateUnread() {
        return errors.stream().anyMatch(error -> error.reason() == PlanError.Reason.UNREADABLE);
    }

    /** A read-only target with changes: fine to plan and report, refused by apply. */
    public boolean blockedByReadOnly() {
        return policy.readOnly() && hasChanges();
    }

    /** This plan with the secret references of its desired objects resolved: see {@link Plan#withSecretsResolved}. */
    public TargetPlan withSecretsResolved(Function<String, Secret> resolve) {
        return new TargetPlan(target, policy, liveObjects,
                changes.stream().map(c -> c.withSecretsResolved(resolve)).toList(), errors, warnings);
    }

    /** What each change must wait for during an apply. */
    public DependencyGraph dependencies() {
        return DependencyGraph.of(changes);
    }
}
