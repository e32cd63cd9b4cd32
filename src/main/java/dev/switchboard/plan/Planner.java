package dev.switchboard.plan;

import dev.switchboard.diff.Differ;
import dev.switchboard.diff.FieldDiff;
import dev.switchboard.diff.WriteOnlyPolicy;
import dev.switchboard.diff.NormalizerRegistry;
import dev.switchboard.diff.RenamePairing;
import dev.switchboard.diff.RenameRules;
import dev.switchboard.diff.ResourceDiff;
import dev.switchboard.model.Resource;
import dev.switchboard.model.KeyPattern;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.TargetCapabilities.KindCapabilities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the desired and live objects of one target into its {@link TargetPlan}: pairs and diffs them,
 * picks each object's action, records what the API cannot do as {@link PlanError}s, and orders the
 * changes by {@link ChangeOrder}.
 *
 * <p>Unmanaged objects become deletes when the target has {@code prune: true}, except those the API
 * cannot delete (the kind has no delete, or the API refuses this object): they stay unmanaged and the
 * reason says why. A delete of a protected object stays in the plan with a {@link PlanError.Reason#PROTECTED}
 * error, so that the plan shows it and no apply carries it out. A declared object that differs, of a kind the
 * API can create and delete but not update, is replaced (deleted, then created); of a kind it cannot delete
 * either, it is an update with a {@link PlanError.Reason#CANNOT_UPDATE} error. Objects of a singleton kind
 * (they exist by themselves on the server) that no file declares are left out: neither unmanaged nor deleted.
 */
public final class Planner {

    private final Differ differ;

    public Planner(NormalizerRegistry normalizers) {
        this(normalizers, false);
    }

    /**
     * @param replaceWriteOnly {@code --replace-secrets}: update every declared write-only field (passwords,
     *                         XCI user template), which a diff cannot see, on every existing object
     */
    public Planner(NormalizerRegistry normalizers, boolean replaceWriteOnly) {
        this.differ = new Differ(normalizers, replaceWriteOnly);
    }

    /**
     * @param writeOnly which declared write-only fields to update on existing objects: those whose value
     *                  changed since Switchboard last sent them, or all of them with {@code --replace-secrets}
     */
    public Planner(NormalizerRegistry normalizers, WriteOnlyPolicy writeOnly) {
        this.differ = new Differ(normalizers, writeOnly);
    }

    /** A planner with {@link NormalizerRegistry#defaults()}: scalar rules only, for tests of the planner itself. */
    public Planner() {
        this(NormalizerRegistry.defaults());
    }

    public TargetPlan plan(TargetSpec target, ResourceSet desired, ResourceSet live, TargetCapabilities capabilities) {
        return plan(target, desired, live, capabilities, RenameRules.NONE);
    }

    /**
     * As {@link #plan(TargetSpec, ResourceSet, ResourceSet, TargetCapabilities)}, pairing the declarations that
     * say {@code renamedFrom} with the live objects under their old keys first ({@link RenamePairing}): a kind
     * whose key the API can change ({@code rules}) is updated in place, and its children follow it; another is
     * replaced (refused when protected). Each change of a moved object has the live object, under its old
     * key, as its {@code before}; a {@code renamedFrom} with nothing to pair is a {@link PlanWarning}.
     */
    public TargetPlan plan(TargetSpec target, ResourceSet desired, ResourceSet live, TargetCapabilities capabilities,
                           RenameRules rules) {
        RenamePairing.Result renames = RenamePairing.pair(desired, live, rules);
        String name = target.name();
        List<Change> changes = new ArrayList<>();
        List<PlanError> errors = new ArrayList<>();
        renames.errors().forEach((key, why) -> errors.add(new PlanError(name, key, PlanError.Reason.RENAME_REFUSED, why)));
        for (ResourceDiff pair : differ.diff(desired, renames.live())) {
            Optional<KindCapabilities> can = capabilities.of(pair.key().kind());
            if (can.isEmpty()) {
                errors.add(new PlanError(name, pair.key(), PlanError.Reason.UNKNOWN_KIND,
                        pair.key() + ": target " + name + " does not manage " + pair.key().kind().name() + " objects"));
            }
            boolean singleton = can.map(KindCapabilities::singleton).orElse(false);
            if (renames.renamed().contains(pair.key()) && pair.desired().isPresent() && pair.live().isPresent()) {
                changes.add(rename(target, pair, renames.movedFrom().get(pair.key()), rules, can, errors));
            } else if (pair.isMissingLive()) {
                changes.add(Change.create(name, pair.desired().orElseThrow()));
                if (singleton) {
                    errors.add(new PlanError(name, pair.key(), PlanError.Reason.CANNOT_CREATE, pair.key()
                            + " is not on the server, and a " + pair.key().kind().name() + " cannot be created:"
                            + " it exists by itself for each object it belongs to; check the names in its key"));
                } else if (can.isPresent() && !can.get().canCreate()) {
                    errors.add(new PlanError(name, pair.key(), PlanError.Reason.CANNOT_CREATE, pair.key()
                            + " cannot be created: the API has no create for " + pair.key().kind().name()));
                } else if (can.isPresent()) {
                    can.get().creationRefusal().apply(pair.desired().orElseThrow()).ifPresent(why -> errors.add(
                            new PlanError(name, pair.key(), PlanError.Reason.CREATION_REFUSED,
                                    pair.key() + " cannot be created: " + why)));
                }
            } else if (pair.isUnmanaged()) {
                if (singleton) {
                    continue;
                }
                changes.add(unmanagedOrDelete(target, pair.live().orElseThrow(), can, errors));
            } else if (pair.isModified() && can.isPresent() && !can.get().canUpdate() && can.get().canCreate()
                    && can.get().canDelete()) {
                changes.add(replace(target, pair.live().orElseThrow(), pair.desired().orElseThrow(), pair.fields(),
                        can.get(), errors, "the API cannot update a " + pair.key().kind().name()));
            } else if (pair.isModified()) {
                changes.add(Change.update(name, pair.live().orElseThrow(), pair.desired().orElseThrow(), pair.fields()));
                if (can.isPresent() && !can.get().canUpdate()) {
                    errors.add(new PlanError(name, pair.key(), PlanError.Reason.CANNOT_UPDATE, pair.key()
                            + " cannot be updated: the API has no update for " + pair.key().kind().name()
                            + "; change it on the server, or declare it as it is"));
                }
            } else {
                changes.add(Change.noOp(name, pair.live().orElseThrow(), pair.desired().orElseThrow()));
            }
        }
        changes.replaceAll(change -> change.renamedFrom().isEmpty() && change.before().isPresent()
                && renames.movedFrom().containsKey(change.key())
                ? change.withLiveUnderOldKey(renames.movedFrom().get(change.key())) : change);
        changes.sort(new ChangeOrder(capabilities.kindOrder()));
        List<PlanWarning> notes = new ArrayList<>();
        renames.notes().forEach((key, note) -> notes.add(new PlanWarning(name, key, "renamedFrom", note)));
        return new TargetPlan(name, target.policy(), live.size(), changes, errors, notes);
    }

    /**
     * A declared object paired with the live one under its old key: an update that sets its key field, where
     * the API can change it (its server ID and children stay), or else a replace, refused when it is protected
     * under its new key or its old one.
     */
    private static Change rename(TargetSpec target, ResourceDiff pair, Resource original, RenameRules rules,
                                 Optional<KindCapabilities> can, List<PlanError> errors) {
        String name = target.name();
        Resource live = pair.live().orElseThrow();
        Resource desired = pair.desired().orElseThrow();
        List<FieldDiff> fields = new ArrayList<>(pair.fields());
        Optional<String> keyField = rules.keyField(live.kind());
        String kind = live.kind().name();
        Change change;
        if (keyField.isPresent()) {
            String field = keyField.get();
            if (desired.field(field).isEmpty()) {
                Map<String, Object> withKey = new LinkedHashMap<>(desired.fields());
                withKey.put(field, desired.key().leaf());
                desired = desired.withFields(withKey);
            }
            if (fields.stream().noneMatch(f -> f.field().equals(field))) {
                fields.add(FieldDiff.changed(field, Optional.of(original.key().leaf()), Optional.of(desired.key().leaf())));
            }
            change = Change.update(name, live, desired, fields);
            if (can.isPresent() && !can.get().canUpdate()) {
                errors.add(new PlanError(name, pair.key(), PlanError.Reason.CANNOT_UPDATE, pair.key()
                        + " cannot be renamed: the API has no update for " + kind));
            }
        } else {
            if (fields.isEmpty()) {
                fields.add(FieldDiff.changed("key", Optional.of(original.key().path()), Optional.of(desired.key().path())));
            }
            if (can.isPresent() && can.get().canCreate() && can.get().canDelete()) {
                change = replace(target, live, desired, fields, can.get(), errors,
                        "the API cannot change the key of a " + kind);
                target.policy().protection(original.key()).filter(p -> target.policy().protection(live.key()).isEmpty())
                        .ifPresent(p -> errors.add(new PlanError(name, pair.key(), PlanError.Reason.PROTECTED, original.key()
                                + " is protected by '" + p + "' in the protect list of target " + name
                                + ": refusing to replace it (delete then create) to rename it")));
            } else {
                change = Change.replace(name, live, desired, fields, "the API cannot change the key of a " + kind);
                errors.add(new PlanError(name, pair.key(), PlanError.Reason.RENAME_REFUSED, pair.key() + " cannot be"
                        + " renamed from " + original.key().path() + ": the API can neither change the key of a " + kind
                        + " nor delete and create one; rename it on the server, or keep its old name"));
            }
        }
        return change.withLiveUnderOldKey(original);
    }

    /**
     * A kind the API can create and delete but not update: delete then create. Refused (a plan error) when
     * the object is protected, by its own {@code protect: true} or the target's list, or when the API would
     * refuse to delete it.
     */
    private static Change replace(TargetSpec target, Resource live, Resource desired, List<FieldDiff> fields,
                                  KindCapabilities can, List<PlanError> errors, String why) {
        String name = target.name();
        String kind = live.kind().name();
        Optional<KeyPattern> protection = target.policy().protection(live.key());
        if (desired.options().protect()) {
            errors.add(new PlanError(name, live.key(), PlanError.Reason.PROTECTED, live.key()
                    + " is protected (protect: true) and the API cannot update a " + kind
                    + ": refusing to replace it (delete then create); remove protect, or declare it as it is"));
        } else if (protection.isPresent()) {
            errors.add(new PlanError(name, live.key(), PlanError.Reason.PROTECTED, live.key()
                    + " is protected by '" + protection.get() + "' in the protect list of target " + name
                    + " and the API cannot update a " + kind + ": refusing to replace it (delete then create)"));
        }
        can.deletionRefusal().apply(live).ifPresent(refusal -> errors.add(new PlanError(name, live.key(),
                PlanError.Reason.CANNOT_UPDATE, live.key() + " cannot be updated (the API has no update for " + kind
                + ") nor replaced: " + refusal)));
        return Change.replace(name, live, desired, fields, why);
    }

    private static Change unmanagedOrDelete(TargetSpec target, Resource live, Optional<KindCapabilities> can,
                                            List<PlanError> errors) {
        String name = target.name();
        if (!target.policy().prune()) {
            return Change.unmanaged(name, live, "no file declares it; prune is off");
        }
        Optional<String> notDeletable = can.flatMap(c -> c.whyNotDeletable(live));
        if (can.isEmpty() || notDeletable.isPresent()) {
            return Change.unmanaged(name, live, "no file declares it; not pruned: "
                    + notDeletable.orElse("the target does not manage its kind"));
        }
        Optional<KeyPattern> protection = target.policy().protection(live.key());
        // An object's own protect: true went with its declaration (as Terraform's prevent_destroy does):
        // only the target's protect list, which outlives declarations, can refuse a prune.
        if (protection.isPresent()) {
            errors.add(new PlanError(name, live.key(), PlanError.Reason.PROTECTED, live.key()
                    + " is protected by '" + protection.get() + "' in the protect list of target " + name
                    + ": refusing to delete it; declare it again, or take it off that list first"));
        }
        return Change.delete(name, live, "no file declares it; the target prunes");
    }
}
