package dev.switchboard.plan;

import dev.switchboard.diff.FieldDiff;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the plan does to one object of one target, and why.
 *
 * <ul>
 *   <li>Create: {@code before} is empty, {@code after} is the desired object, {@code fields} holds every
 *       field it declares (write-only and ignored ones included: a create sends them),
 *       {@code liveFingerprint} is empty. Its server ID is not known until the apply.</li>
 *   <li>Update: both present; {@code fields} holds only the declared fields that differ, never empty.</li>
 *   <li>Replace: as an update (both present, the differing fields), for a kind the API cannot update:
 *       the apply deletes {@code before} and creates {@code after}, which gets a new server ID.</li>
 *   <li>Delete and unmanaged: {@code before} is the live object, {@code after} is empty, {@code fields}
 *       is empty.</li>
 *   <li>No-op: both present, {@code fields} empty.</li>
 * </ul>
 * {@code liveFingerprint} is the {@link Fingerprint} of {@code before}, the state the change was computed
 * from: an apply of a saved plan compares it with a fresh read and refuses a stale plan. It is not a
 * version to send to a server. {@code reason} is one human sentence, safe to print (no values).
 *
 * <p>A value with the accessors, equality and text of a record of these eight components, except that the
 * fingerprint of a change made here from its live object is worked out when first asked for: only a saved plan
 * and the check of one need it, and a SHA-256 of each of the 40,000 objects of a no-change plan was a quarter of
 * its diff's CPU. The hash code leaves the fingerprint out (equal changes still hash alike).
 */
public final class Change {

    private final String target;
    private final ResourceKey key;
    private final Action action;
    private final Optional<Resource> before;
    private final Optional<Resource> after;
    private final List<FieldDiff> fields;
    private final String reason;
    /** null until asked for, when it is the fingerprint of {@code before}. */
    private volatile Optional<String> liveFingerprint;

    public Change(String target, ResourceKey key, Action action, Optional<Resource> before,
                  Optional<Resource> after, List<FieldDiff> fields, String reason,
                  Optional<String> liveFingerprint) {
        this(target, key, action, before, after, fields, reason, liveFingerprint, false);
    }

    /**
     * @param liveFingerprint null for the fingerprint of {@code before}, worked out when asked for, if
     *                        {@code ofBeforeWhenNull}
     */
    private Change(String target, ResourceKey key, Action action, Optional<Resource> before,
                   Optional<Resource> after, List<FieldDiff> fields, String reason,
                   Optional<String> liveFingerprint, boolean ofBeforeWhenNull) {
        if (liveFingerprint == null && (!ofBeforeWhenNull || before.isEmpty())) {
            throw new NullPointerException("liveFingerprint");
        }
        this.target = Objects.requireNonNull(target, "target");
        this.key = Objects.requireNonNull(key, "key");
        this.action = Objects.requireNonNull(action, "action");
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
        this.fields = List.copyOf(fields);
        this.reason = reason;
        this.liveFingerprint = liveFingerprint;
        if (before.isPresent() != action.hasBefore() || after.isPresent() != action.hasAfter()) {
            throw new IllegalArgumentException(action.json() + " of " + key + " with before "
                    + before.isPresent() + " and after " + after.isPresent());
        }
    }

    /** A change whose {@link #liveFingerprint} is that of {@code live}, its {@code before}. */
    private static Change fromLive(String target, ResourceKey key, Action action, Resource live,
                                   Optional<Resource> after, List<FieldDiff> fields, String reason) {
        return new Change(target, key, action, Optional.of(live), after, fields, reason, null, true);
    }

    public static Change create(String target, Resource desired) {
        List<FieldDiff> fields = new ArrayList<>();
        desired.fields().forEach((field, value) -> fields.add(FieldDiff.set(field, value)));
        String where = desired.origin().map(o -> "declared at " + o).orElse("declared");
        return new Change(target, desired.key(), Action.CREATE, Optional.empty(), Optional.of(desired), fields,
                where + ", not on the server", Optional.empty());
    }

    public static Change update(String target, Resource live, Resource desired, List<FieldDiff> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an update of " + live.key() + " needs fields that differ");
        }
        String names = String.join(", ", fields.stream().map(FieldDiff::field).toList());
        return fromLive(target, live.key(), Action.UPDATE, live, Optional.of(desired), fields,
                "declared fields differ: " + names);
    }

    /**
     * A declared object whose differing {@code fields} the API cannot update: deleted, then created again.
     *
     * @param why what the API cannot do, for the reason line
     */
    public static Change replace(String target, Resource live, Resource desired, List<FieldDiff> fields, String why) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a replace of " + live.key() + " needs fields that differ");
        }
        String names = String.join(", ", fields.stream().map(FieldDiff::field).toList());
        return fromLive(target, live.key(), Action.REPLACE, live, Optional.of(desired), fields,
                "must be replaced: " + why + "; declared fields differ: " + names);
    }

    /** A live object no file declares, on a target that prunes. */
    public static Change delete(String target, Resource live, String reason) {
        return fromLive(target, live.key(), Action.DELETE, live, Optional.empty(), List.of(), reason);
    }

    /** A live object no file declares, left alone; {@code reason} says why it is not deleted. */
    public static Change unmanaged(String target, Resource live, String reason) {
        return fromLive(target, live.key(), Action.UNMANAGED, live, Optional.empty(), List.of(), reason);
    }

    public static Change noOp(String target, Resource live, Resource desired) {
        return fromLive(target, live.key(), Action.NO_OP, live, Optional.of(desired), List.of(), "in sync");
    }

    public ResourceKind kind() {
        return key.kind();
    }

    /**
     * This change, computed on {@code original} moved to this change's key, as the server has it: under its
     * old key ({@code renamedFrom}, or a child of a renamed object). {@code before} is the object as read, so
     * that a saved plan's freshness and the apply's writes (by its server ID) are those of the live object.
     */
    public Change withLiveUnderOldKey(Resource original) {
        if (before.isEmpty()) {
            throw new IllegalArgumentException("a " + action.json() + " of " + key + " has no live object to rename");
        }
        return fromLive(target, key, action, original, after, fields, reason + "; renamed from " + original.key().path());
    }

    /** The key the live object has on the server when the plan renames it (its {@code before}'s); empty otherwise. */
    public Optional<ResourceKey> renamedFrom() {
        return before.map(Resource::key).filter(old -> !old.equals(key));
    }

    public boolean callsApi() {
        return action.callsApi();
    }

    /**
     * The fields that are secret on either side: output masks them on both, so that a password an API
     * returns in clear (where the file holds a {@link Secret}) is never shown either.
     */
    public Set<String> sensitiveFields() {
        Set<String> names = new TreeSet<>();
        before.ifPresent(r -> r.fields().forEach((f, v) -> addIfSecret(names, f, v)));
        after.ifPresent(r -> r.fields().forEach((f, v) -> addIfSecret(names, f, v)));
        fields.stream().filter(FieldDiff::sensitive).forEach(f -> names.add(f.field()));
        return names;
    }

    private static void addIfSecret(Set<String> names, String field, Object value) {
        if (value instanceof Secret || value instanceof SecretRef) {
            names.add(field);
        }
    }

    /** The server ID of the object, empty for a create (known after apply). */
    public Optional<String> liveId() {
        return before.flatMap(Resource::id);
    }

    /**
     * This change with every {@link SecretRef} that holds a reference, in {@code after} and in the fields'
     * desired sides, replaced by the {@link Secret} {@code resolve} gives for it. {@code before} keeps its
     * masked placeholders: live values are shown, never sent.
     */
    public Change withSecretsResolved(Function<String, Secret> resolve) {
        Optional<Resource> resolvedAfter = after.map(desired -> {
            Map<String, Object> values = new LinkedHashMap<>();
            desired.fields().forEach((field, value) -> values.put(field, SecretRef.resolve(value, resolve)));
            return desired.withFields(values);
        });
        List<FieldDiff> resolvedFields = fields.stream().map(f -> new FieldDiff(f.field(), f.before(),
                f.after().map(value -> SecretRef.resolve(value, resolve)), f.sensitive())).toList();
        return new Change(target, key, action, before, resolvedAfter, resolvedFields, reason, liveFingerprint, true);
    }

    /** The object as the plan leaves it: the desired one, or the live one when no file declares it. */
    public Resource subject() {
        return after.or(() -> before).orElseThrow();
    }

    public String target() {
        return target;
    }

    public ResourceKey key() {
        return key;
    }

    public Action action() {
        return action;
    }

    public Optional<Resource> before() {
        return before;
    }

    public Optional<Resource> after() {
        return after;
    }

    public List<FieldDiff> fields() {
        return fields;
    }

    public String reason() {
        return reason;
    }

    public Optional<String> liveFingerprint() {
        Optional<String> known = liveFingerprint;
        if (known == null) {
            known = Optional.of(Fingerprint.of(before.orElseThrow()));
            liveFingerprint = known;
        }
        return known;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Change change && target.equals(change.target) && key.equals(change.key)
                && action == change.action && before.equals(change.before) && after.equals(change.after)
                && fields.equals(change.fields) && Objects.equals(reason, change.reason)
                && liveFingerprint().equals(change.liveFingerprint());
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, key, action, before, after, fields, reason);
    }

    @Override
    public String toString() {
        return "Change[target=" + target + ", key=" + key + ", action=" + action + ", before=" + before + ", after="
                + after + ", fields=" + fields + ", reason=" + reason + ", liveFingerprint=" + liveFingerprint() + "]";
    }
}
