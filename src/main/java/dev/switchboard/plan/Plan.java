package dev.switchboard.plan;

import dev.switchboard.model.Secret;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything one plan run decided, per target, as data: renderers show it, the apply executor carries
 * it out, {@link PlanFile} saves it. Computed by {@link Planner}, one target at a time.
 *
 * @param formatVersion {@link #FORMAT_VERSION}; the version of the JSON shapes of this plan
 * @param targets       in the order the targets were planned
 * @param accepted      that a person accepted this plan's threshold violations ({@code plan --force})
 */
public record Plan(int formatVersion, List<TargetPlan> targets, Optional<Acceptance> accepted) {

    public static final int FORMAT_VERSION = 1;

    public Plan {
        targets = List.copyOf(targets);
        java.util.Objects.requireNonNull(accepted, "accepted");
    }

    public Plan(int formatVersion, List<TargetPlan> targets) {
        this(formatVersion, targets, Optional.empty());
    }

    public static Plan of(List<TargetPlan> targets) {
        return new Plan(FORMAT_VERSION, targets);
    }

    /** This plan with its threshold violations accepted by a person ({@code plan --force}). */
    public Plan accept(Acceptance acceptance) {
        return new Plan(formatVersion, targets, Optional.of(acceptance));
    }

    /**
     * What apply would say of this plan: blockers always refuse it, thresholds unless {@link #accepted}.
     * The one verdict that {@code plan}'s renderers and exit code and {@code apply PLANFILE} share.
     */
    public SafetyVerdict gate() {
        return SafetyPolicy.evaluate(this, accepted.isPresent());
    }

    /** Every change of every target, each target's in order. */
    public List<Change> changes() {
        return targets.stream().flatMap(t -> t.changes().stream()).toList();
    }

    public List<PlanError> errors() {
        return targets.stream().flatMap(t -> t.errors().stream()).toList();
    }

    public List<PlanWarning> warnings() {
        return targets.stream().flatMap(t -> t.warnings().stream()).toList();
    }

    public Summary summary() {
        return targets.stream().map(TargetPlan::summary).reduce(Summary.EMPTY, Summary::plus);
    }

    /** SPEC section 4: an apply would call the API (exit 2 with {@code --detailed-exitcode}). */
    public boolean hasChanges() {
        return summary().changesPresent();
    }

    public boolean hasErrors() {
        return !errors().isEmpty();
    }

    /** Targets with {@code readOnly: true} that have changes: not an error in a plan, refused by apply. */
    public List<String> readOnlyTargetsWithChanges() {
        return targets.stream().filter(TargetPlan::blockedByReadOnly).map(TargetPlan::target).toList();
    }

    public Optional<TargetPlan> target(String name) {
        return targets.stream().filter(t -> t.target().equals(name)).findFirst();
    }

    /**
     * This plan with every {@link SecretRef} in a desired object (read back from a saved plan) replaced by
     * the {@link Secret} {@code resolve} returns for its reference. Live objects keep their masked
     * placeholders: they are shown, never sent. {@code resolve} throws when a reference does not resolve.
     */
    public Plan withSecretsResolved(Function<String, Secret> resolve) {
        return new Plan(formatVersion, targets.stream().map(t -> t.withSecretsResolved(resolve)).toList(), accepted);
    }
}
