package dev.switchboard.plan;

import dev.switchboard.diff.FieldDiff;
import dev.switchboard.model.Resource;
import dev.switchboard.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything one plan run decided, per target, as data: renderers show it, the apply executor carries
 * it out, {@link PlanFile} saves it. Computed by {@link Planner}, one target at a time.
 *
 * @param formatVersion {@link #FORMAT_VERSION}; the version of the JSON shapes of this plan
 * @param targets       in the order the targets were planned
 */
public record Plan(int formatVersion, List<TargetPlan> targets) {

    public static final int FORMAT_VERSION = 1;

    public Plan {
        targets = List.copyOf(targets);
    }

    public static Plan of(List<TargetPlan> targets) {
        return new Plan(FORMAT_VERSION, targets);
    }

    /** Every change of every target, each target's in order. */
    public List<Change> changes() {
        return targets.stream().flatMap(t -> t.changes().stream()).toList();
    }

    public List<PlanError> errors() {
        return targets.stream().flatMap(t -> t.errors().stream()).toList();
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
        List<TargetPlan> resolved = new ArrayList<>();
        for (TargetPlan target : targets) {
            List<Change> changes = target.changes().stream().map(c -> new Change(c.target(), c.key(), c.action(),
                    c.before(), c.after().map(r -> resolveFields(r, resolve)), c.fields().stream()
                    .map(f -> new FieldDiff(f.field(), f.before(),
                            f.after().map(v -> resolveValue(v, resolve)), f.sensitive())).toList(),
                    c.reason(), c.liveFingerprint())).toList();
            resolved.add(new TargetPlan(target.target(), target.policy(), target.liveObjects(), changes,
                    target.errors()));
        }
        return new Plan(formatVersion, resolved);
    }

    private static Resource resolveFields(Resource desired, Function<String, Secret> resolve) {
        Map<String, Object> fields = new LinkedHashMap<>();
        desired.fields().forEach((k, v) -> fields.put(k, resolveValue(v, resolve)));
        return desired.withFields(fields);
    }

    private static Object resolveValue(Object value, Function<String, Secret> resolve) {
        if (value instanceof SecretRef ref && ref.reference().isPresent()) {
            return resolve.apply(ref.reference().get());
        }
        return value;
    }
}
