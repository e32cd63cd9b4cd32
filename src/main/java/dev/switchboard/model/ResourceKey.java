package dev.switchboard.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The natural key of an object: its kind and the names that identify it within its target, outermost
 * first (for example {@code mailbox Acme/1001}, {@code department Acme/Sales/EMEA}). Objects are
 * matched to live state by this key, never by a server-assigned ID (SPEC section 3).
 */
public record ResourceKey(ResourceKind kind, List<String> parts) implements Comparable<ResourceKey> {

    private static final Comparator<ResourceKey> ORDER = Comparator
            .comparing((ResourceKey k) -> k.kind.targetKind())
            .thenComparing(k -> k.kind.name())
            .thenComparing(ResourceKey::path);

    public ResourceKey {
        Objects.requireNonNull(kind, "kind");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a natural key needs at least one part");
        }
    }

    public static ResourceKey of(ResourceKind kind, String... parts) {
        return new ResourceKey(kind, List.of(parts));
    }

    /** The key parts joined with {@code /}, as users write and read them: {@code Acme/1001}. */
    public String path() {
        return String.join("/", parts);
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

    @Override
    public int compareTo(ResourceKey other) {
        return ORDER.compare(this, other);
    }

    /** {@code mailbox Acme/1001}. */
    @Override
    public String toString() {
        return kind.name() + " " + path();
    }
}
