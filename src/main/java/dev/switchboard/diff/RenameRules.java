package dev.switchboard.diff;

import dev.switchboard.model.ResourceKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What pairing a {@code renamedFrom} needs to know of the kinds, as the target systems declare them: the
 * kinds each kind sits under (whose objects follow a renamed parent), and the kinds whose key's last part
 * the API can change in place, with the field that holds it.
 *
 * @param parents   by kind, the kinds its objects depend on, nearest first
 * @param keyFields by kind, the field holding its key's last part, for kinds whose API can update it
 */
public record RenameRules(Map<ResourceKind, List<ResourceKind>> parents, Map<ResourceKind, String> keyFields) {

    /** No kind has children and no key is updatable: every rename is a replace. */
    public static final RenameRules NONE = new RenameRules(Map.of(), Map.of());

    public RenameRules {
        parents = Map.copyOf(parents);
        keyFields = Map.copyOf(keyFields);
    }

    /** The field that holds {@code kind}'s key's last part, when the API can change it; empty when it cannot. */
    public Optional<String> keyField(ResourceKind kind) {
        return Optional.ofNullable(keyFields.get(kind));
    }

    /** Whether {@code kind} sits under {@code ancestor}, directly or through other kinds. */
    public boolean descendsFrom(ResourceKind kind, ResourceKind ancestor) {
        Set<ResourceKind> seen = new HashSet<>();
        Deque<ResourceKind> next = new ArrayDeque<>(parents.getOrDefault(kind, List.of()));
        while (!next.isEmpty()) {
            ResourceKind parent = next.pop();
            if (parent.equals(ancestor)) {
                return true;
            }
            if (seen.add(parent)) {
                next.addAll(parents.getOrDefault(parent, List.of()));
            }
        }
        return false;
    }
}
