package dev.switchboard.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The natural key of an object: its kind and the names that identify it within its target, outermost
 * first (for example {@code mailbox Acme/1001}, {@code department Acme/Sales/EMEA}). Objects are
 * matched to live state by this key, never by a server-assigned ID (SPEC section 3).
 */
public final class ResourceKey implements Comparable<ResourceKey> {

    private final ResourceKind kind;
    private final List<String> parts;
    /** Computed once: keys are compared and hashed many times over in every set and diff. */
    private final String path;
    private final int hash;

    public ResourceKey(ResourceKind kind, List<String> parts) {
        Objects.requireNonNull(kind, "kind");
        this.parts = List.copyOf(parts);
        if (this.parts.isEmpty()) {
            throw new IllegalArgumentException("a natural key needs at least one part");
        }
        this.kind = kind;
        this.path = String.join("/", this.parts);
        this.hash = 31 * kind.hashCode() + this.parts.hashCode();
    }

    public static ResourceKey of(ResourceKind kind, String... parts) {
        return new ResourceKey(kind, List.of(parts));
    }

    public ResourceKind kind() {
        return kind;
    }

    public List<String> parts() {
        return parts;
    }

    /** The key parts joined with {@code /}, as users write and read them: {@code Acme/1001}. */
    public String path() {
        return path;
    }

    /** The last part: the object's own name within its parent. */
    public String leaf() {
        return parts.get(parts.size() - 1);
    }

    /** The same parts minus the last, under another kind: a mailbox's company, a department's parent. */
    public Optional<ResourceKey> parentAs(ResourceKind parentKind, int partsToDrop) {
        if (parts.size() <= partsToDrop) {
            return Optional.empty();
        }
        return Optional.of(new ResourceKey(parentKind, parts.subList(0, parts.size() - partsToDrop)));
    }

    /** By target kind, then kind name, then {@link #path()}. */
    @Override
    public int compareTo(ResourceKey other) {
        if (this == other) {
            return 0;
        }
        if (kind != other.kind) { // keys of one kind mostly share its instance: no strings to compare then
            int order = kind.targetKind().compareTo(other.kind.targetKind());
            if (order == 0) {
                order = kind.name().compareTo(other.kind.name());
            }
            if (order != 0) {
                return order;
            }
        }
        return path.compareTo(other.path);
    }

    /** Equal when kind (target kind and name) and parts are equal, as the record this was. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ResourceKey key && hash == key.hash && kind.equals(key.kind)
                && parts.equals(key.parts);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** {@code mailbox Acme/1001}. */
    @Override
    public String toString() {
        return kind.name() + " " + path;
    }
}
