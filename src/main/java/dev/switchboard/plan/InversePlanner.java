package dev.switchboard.plan;

import dev.switchboard.diff.Differ;
import dev.switchboard.diff.FieldDiff;
import dev.switchboard.diff.NormalizerRegistry;
import dev.switchboard.model.KeyPattern;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.plan.TargetCapabilities.KindCapabilities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The inverse of one apply of one target, from what its journal recorded ({@link JournalChange}s) and
 * the target's live state now: the plan that {@code switchboard rollback} shows and applies, gated as any
 * plan ({@link SafetyPolicy}: its errors, readOnly, the thresholds).
 *
 * <ul>
 *   <li>What the apply created is deleted (the live object under the recorded key, which must still hold
 *       the recorded ID).</li>
 *   <li>What it updated gets back the {@code before} value of each field the update sent: an update, so
 *       it is a GET then a PUT of the whole object and fields the apply did not touch stay as they are.</li>
 *   <li>What it deleted is created again from its recorded live fields; it gets a new server ID. Parents
 *       are created before children through the recorded {@code dependsOn} and {@link ChangeOrder}.</li>
 *   <li>What it replaced is replaced back.</li>
 * </ul>
 * An object whose live fields are no longer those the apply left (changed on the server since, or
 * deleted, or created again) is stale: a {@link PlanError.Reason#STALE} error naming it and its fields,
 * unless {@code force}, when it is rolled back anyway and the plan warns. What cannot be put back
 * (write-only fields such as passwords, which no server returns, and secrets, which the journal masks) is
 * named in a {@link PlanWarning}. A protected object ({@code protect: true} in the desired state now, or
 * the target's {@code protect} list) that the inverse would delete is a {@link PlanError.Reason#PROTECTED}
 * error, as in any plan.
 */
public final class InversePlanner {

    private final Differ differ;

    public InversePlanner(NormalizerRegistry normalizers) {
        this.differ = new Differ(normalizers);
    }

    /**
     * @param applied what the apply did, as its journal says
     * @param live    the target's live state now
     * @param desired the target's desired state now: for the objects' {@code protect}
     * @param force   roll stale objects back anyway
     * @param journal the journal's name, for the reasons and messages
     */
    public TargetPlan invert(TargetSpec target, List<JournalChange> applied, ResourceSet live, ResourceSet desired,
                             TargetCapabilities capabilities, boolean force, String journal) {
        Inversion inversion = new Inversion(target, live, desired, capabilities, force, journal);
        for (JournalChange change : applied) {
            switch (change.action()) {
                case CREATE -> inversion.undoCreate(change);
                case UPDATE -> inversion.undoUpdate(change);
                case DELETE -> inversion.undoDelete(change);
                case REPLACE -> inversion.undoReplace(change);
                default -> {
                }
            }
        }
        inversion.changes.sort(new ChangeOrder(capabilities.kindOrder()));
        return new TargetPlan(target.name(), target.policy(), live.size(), inversion.changes, inversion.errors,
                inversion.warnings);
    }

    /** One inversion under way: what it has found so far. */
    private final class Inversion {
        final TargetSpec target;
        final String name;
        final ResourceSet live;
        final ResourceSet desired;
        final TargetCapabilities capabilities;
        final boolean force;
        final String journal;
        final List<Change> changes = new ArrayList<>();
        final List<PlanError> errors = new ArrayList<>();
        final List<PlanWarning> warnings = new ArrayList<>();

        Inversion(TargetSpec target, ResourceSet live, ResourceSet desired, TargetCapabilities capabilities,
                  boolean force, String journal) {
            this.target = target;
            this.name = target.name();
            this.live = live;
            this.desired = desired;
            this.capabilities = capabilities;
            this.force = force;
            this.journal = journal;
        }

        void undoCreate(JournalChange change) {
            ResourceKey key = change.key();
            Optional<Resource> now = live.get(key);
            if (now.isEmpty()) {
                warnings.add(new PlanWarning(name, key, "", "created by the apply, no longer on the server:"
                        + " nothing to delete"));
                return;
            }
            if (change.id().isPresent() && now.get().id().isPresent() && !change.id().equals(now.get().id())) {
                stale(key, key + " now has server ID " + now.get().id().get() + " where the apply created it as "
                        + change.id().get() + ": it was deleted and created again since");
                if (!force) {
                    return;
                }
            } else {
                staleFields(key, change.after().orElseThrow().fields(), now.get());
            }
            Optional<String> undeletable = capabilities.of(key.kind()).flatMap(can -> can.whyNotDeletable(now.get()));
            if (undeletable.isPresent()) {
                // as a plan leaves what it cannot prune: reported, not an obstacle to the rest of the rollback
                changes.add(Change.unmanaged(name, now.get(), "created by the apply of " + journal
                        + "; not rolled back: " + undeletable.get()));
                warnings.add(new PlanWarning(name, key, "", "created by the apply, and " + undeletable.get()
                        + ": it stays; remove it on the server by hand if it must go"));
                return;
            }
            Change delete = new Change(name, key, Action.DELETE, now, Optional.empty(), List.of(),
                    "created by the apply of " + journal + ": the rollback deletes it", Optional.of(Fingerprint.of(now.get())));
            refuseDestruction(delete, now.get());
            changes.add(delete);
        }

        void undoUpdate(JournalChange change) {
            ResourceKey key = change.key();
            Resource before = change.before().orElseThrow();
            Resource after = change.after().orElseThrow();
            Optional<Resource> now = live.get(key);
            if (now.isEmpty()) {
                stale(key, key + " was updated by the apply and is no longer on the server: it cannot be put back");
                return;
            }
            Set<String> sent = change.changed().isEmpty() ? inferSent(before, after) : change.changed();
            Map<String, Object> left = new LinkedHashMap<>(before.fields());
            Map<String, Object> restored = new LinkedHashMap<>();
            for (String field : sent) {
                after.field(field).ifPresent(value -> left.put(field, value));
                if (key.kind().isWriteOnly(field)) {
                    warnings.add(new PlanWarning(name, key, field, field + ": (write-only; the server never shows it, so"
                            + " its value before the apply is unknown: it stays as the apply set it)"));
                } else if (masked(before.fields().get(field))) {
                    warnings.add(new PlanWarning(name, key, field, field + ": (sensitive; the journal never holds a"
                            + " secret's value: it stays as the apply set it)"));
                } else if (!before.fields().containsKey(field)) {
                    warnings.add(new PlanWarning(name, key, field, field + ": had no value before the apply; the"
                            + " rollback cannot unset it, and it stays as the apply set it"));
                } else {
                    restored.put(field, before.fields().get(field));
                }
            }
            staleFields(key, left, now.get());
            Resource restore = restoring(key, restored, change.dependsOnKnown() ? before.dependsOn() : now.get().dependsOn());
            List<FieldDiff> fields = differ.compare(restore, now.get());
            if (fields.isEmpty()) {
                changes.add(Change.noOp(name, now.get(), restore));
                return;
            }
            changes.add(new Change(name, key, Action.UPDATE, now, Optional.of(restore), fields,
                    "updated by the apply of " + journal + ": the rollback puts back "
                            + String.join(", ", fields.stream().map(FieldDiff::field).toList()),
                    Optional.of(Fingerprint.of(now.get()))));
        }

        void undoDelete(JournalChange change) {
            ResourceKey key = change.key();
            Resource before = change.before().orElseThrow();
            Optional<Resource> now = live.get(key);
            if (now.isPresent()) {
                stale(key, key + " was deleted by the apply and is on the server again (created since): it is left"
                        + " as it is");
                return;
            }
            Resource restore = recreated(change, before);
            Change create = new Change(name, key, Action.CREATE, Optional.empty(), Optional.of(restore),
                    restore.fields().entrySet().stream().map(f -> FieldDiff.set(f.getKey(), f.getValue())).toList(),
                    "deleted by the apply of " + journal + ": the rollback creates it again from its recorded state"
                            + " (it gets a new server ID)", Optional.empty());
            refuseCreation(create, restore);
            changes.add(create);
        }

        void undoReplace(JournalChange change) {
            ResourceKey key = change.key();
            Resource before = change.before().orElseThrow();
            Optional<Resource> now = live.get(key);
            if (now.isEmpty()) {
                undoDelete(change);
                return;
            }
            staleFields(key, change.after().orElseThrow().fields(), now.get());
            Resource restore = recreated(change, before);
            List<FieldDiff> fields = differ.compare(restore, now.get());
            if (fields.isEmpty()) {
                changes.add(Change.noOp(name, now.get(), restore));
                return;
            }
            Change replace = new Change(name, key, Action.REPLACE, now, Optional.of(restore), fields,
                    "replaced by the apply of " + journal + ": the rollback replaces it back from its recorded state"
                            + " (it gets a new server ID)", Optional.of(Fingerprint.of(now.get())));
            refuseDestruction(replace, now.get());
            refuseCreation(replace, restore);
            changes.add(replace);
        }

        /** The recorded live object as a desired one: minus what cannot be sent back, each named in a warning. */
        private Resource recreated(JournalChange change, Resource before) {
            ResourceKey key = change.key();
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, Object> field : before.fields().entrySet()) {
                if (key.kind().isWriteOnly(field.getKey())) {
                    continue;
                }
                if (masked(field.getValue())) {
                    warnings.add(new PlanWarning(name, key, field.getKey(), field.getKey() + ": (sensitive; the journal"
                            + " never holds a secret's value: the re-created object does not get it)"));
                    continue;
                }
                fields.put(field.getKey(), field.getValue());
            }
            for (String field : new TreeSet<>(key.kind().writeOnlyFields())) {
                warnings.add(new PlanWarning(name, key, field, field + ": (write-only; the server never shows it, so no"
                        + " journal has it: the re-created object does not get it; declare it and apply to set it)"));
            }
            return restoring(key, fields, before.dependsOn());
        }

        /** Refuses as stale (or, forced, warns) when {@code now} does not have the fields the apply left. */
        private void staleFields(ResourceKey key, Map<String, Object> left, Resource now) {
            Map<String, Object> comparable = new LinkedHashMap<>();
            left.forEach((field, value) -> {
                if (!key.kind().isWriteOnly(field) && !masked(value)) {
                    comparable.put(field, value);
                }
            });
            List<FieldDiff> moved = differ.compare(restoring(key, comparable, Set.of()), now);
            if (!moved.isEmpty()) {
                stale(key, key + " changed on the server since the apply (" + String.join(", ",
                        moved.stream().map(FieldDiff::field).toList()) + " no longer as the apply left "
                        + (moved.size() == 1 ? "it" : "them") + ")");
            }
        }

        private void stale(ResourceKey key, String what) {
            if (force) {
                warnings.add(new PlanWarning(name, key, "", what + "; --force: rolled back anyway"));
            } else {
                errors.add(new PlanError(name, key, PlanError.Reason.STALE, what
                        + "; the rollback refuses it: check the object, then use --force to roll back anyway"));
            }
        }

        /** A delete or replace of a protected object, or of one the API cannot or will not delete, is an error. */
        private void refuseDestruction(Change change, Resource now) {
            ResourceKey key = change.key();
            Optional<KeyPattern> protection = target.policy().protection(key);
            if (desired.get(key).map(r -> r.options().protect()).orElse(false)) {
                errors.add(new PlanError(name, key, PlanError.Reason.PROTECTED, key + " is protected (protect: true):"
                        + " refusing to " + (change.action() == Action.DELETE ? "delete" : "replace") + " it; remove"
                        + " protect first"));
            } else if (protection.isPresent()) {
                errors.add(new PlanError(name, key, PlanError.Reason.PROTECTED, key + " is protected by '"
                        + protection.get() + "' in the protect list of target " + name + ": refusing to "
                        + (change.action() == Action.DELETE ? "delete" : "replace") + " it"));
            }
            Optional<KindCapabilities> can = capabilities.of(key.kind());
            if (can.isEmpty()) {
                errors.add(new PlanError(name, key, PlanError.Reason.UNKNOWN_KIND, key + ": target " + name
                        + " does not manage " + key.kind().name() + " objects"));
            } else {
                can.get().whyNotDeletable(now).ifPresent(why -> errors.add(new PlanError(name, key,
                        can.get().canDelete() ? PlanError.Reason.DELETION_REFUSED : PlanError.Reason.CANNOT_DELETE,
                        key + " cannot be rolled back: " + why)));
            }
        }

        private void refuseCreation(Change change, Resource restore) {
            ResourceKey key = change.key();
            Optional<KindCapabilities> can = capabilities.of(key.kind());
            if (can.isEmpty()) {
                errors.add(new PlanError(name, key, PlanError.Reason.UNKNOWN_KIND, key + ": target " + name
                        + " does not manage " + key.kind().name() + " objects"));
            } else if (!can.get().canCreate()) {
                errors.add(new PlanError(name, key, PlanError.Reason.CANNOT_CREATE, key
                        + " cannot be created again: the API has no create for " + key.kind().name()));
            }
        }
    }

    /** The fields a version 1 journal's update sent: the declared ones whose value differed. */
    private Set<String> inferSent(Resource before, Resource after) {
        Set<String> sent = new TreeSet<>();
        differ.compare(after, before).forEach(f -> sent.add(f.field()));
        return sent;
    }

    private static boolean masked(Object value) {
        return value instanceof Secret || value instanceof SecretRef || Secret.MASK.equals(value);
    }

    private static Resource restoring(ResourceKey key, Map<String, Object> fields, Set<ResourceKey> dependsOn) {
        return new Resource(key, fields, dependsOn, Optional.empty(), ResourceOptions.NONE, Optional.empty());
    }
}
