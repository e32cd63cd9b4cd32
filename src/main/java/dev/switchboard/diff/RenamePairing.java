package dev.switchboard.diff;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pairs the declarations that say {@code renamedFrom} with the live objects under their old keys (Terraform's
 * {@code moved}), before the {@link Differ} pairs by key: the live object is moved to its new key, and so are
 * its children when the API can change the key in place (a company's mailboxes have the company's name in
 * their keys: they are moved to the new name too, rather than deleted and created again). Where the API
 * cannot change the key, the object alone is moved, for a replace; its children stay under the old key.
 *
 * <p>Renames are paired outermost first, so that a department renamed inside a renamed company is found
 * under the company's new name. A {@code renamedFrom} whose old key is not live is a note: the rename was
 * done (the object is under its new key), or there is nothing to rename (it will be created).
 */
public final class RenamePairing {

    private RenamePairing() {
    }

    /**
     * @param live     the live objects, those renamed moved to their new keys
     * @param movedFrom by new key, the live object as the server has it, under its old key: each renamed
     *                  object and each child that followed it
     * @param renamed  the new keys of the declarations whose rename the plan carries out
     * @param notes    one sentence per {@code renamedFrom} that has nothing to pair
     * @param errors   by new key, why a {@code renamedFrom} cannot be paired (its old key is declared too)
     */
    public record Result(ResourceSet live, Map<ResourceKey, Resource> movedFrom, Set<ResourceKey> renamed,
                         Map<ResourceKey, String> notes, Map<ResourceKey, String> errors) {

        /** Nothing renamed: {@code live} as it is. */
        public static Result none(ResourceSet live) {
            return new Result(live, Map.of(), Set.of(), Map.of(), Map.of());
        }
    }

    public static Result pair(ResourceSet desired, ResourceSet live, RenameRules rules) {
        List<Resource> renames = desired.all().stream()
                .filter(d -> d.options().oldKey(d.key()).filter(old -> !old.equals(d.key())).isPresent())
                .sorted(Comparator.comparingInt((Resource d) -> d.key().parts().size()).thenComparing(Resource::key))
                .toList();
        if (renames.isEmpty()) {
            return Result.none(live);
        }
        Map<ResourceKey, Resource> current = new TreeMap<>(live.byKey());
        Map<ResourceKey, Resource> movedFrom = new LinkedHashMap<>();
        Set<ResourceKey> renamed = new LinkedHashSet<>();
        Map<ResourceKey, String> notes = new LinkedHashMap<>();
        Map<ResourceKey, String> errors = new LinkedHashMap<>();
        for (Resource declaration : renames) {
            ResourceKey newKey = declaration.key();
            ResourceKey oldKey = declaration.options().oldKey(newKey).orElseThrow();
            String where = declaration.origin().map(o -> " (at " + o + ")").orElse("");
            if (desired.get(oldKey).isPresent()) {
                errors.put(newKey, newKey + where + " says renamedFrom " + oldKey.path() + ", but " + oldKey
                        + " is declared too: remove one of the two declarations");
            } else if (current.containsKey(newKey)) {
                notes.put(newKey, "renamedFrom " + oldKey.path() + where + " is done: the server has it under its new"
                        + " name" + (current.containsKey(oldKey) ? ", and " + oldKey + " as well" : "")
                        + "; renamedFrom may be removed");
            } else if (!current.containsKey(oldKey)) {
                notes.put(newKey, "renamedFrom " + oldKey.path() + where + ": the server has no " + oldKey
                        + ", so nothing is renamed; it is created");
            } else {
                boolean inPlace = rules.keyField(newKey.kind()).isPresent();
                Map<ResourceKey, ResourceKey> moves = new LinkedHashMap<>();
                moves.put(oldKey, newKey);
                if (inPlace) {
                    for (ResourceKey key : current.keySet()) {
                        childKey(key, oldKey, newKey, rules).filter(k -> !current.containsKey(k))
                                .ifPresent(k -> moves.put(key, k));
                    }
                }
                moves.forEach((from, to) -> {
                    Resource found = current.remove(from);
                    movedFrom.put(to, movedFrom.getOrDefault(from, found));
                    movedFrom.remove(from);
                    current.put(to, moved(found, to, moves));
                });
                renamed.add(newKey);
            }
        }
        return new Result(ResourceSet.of(live.target(), current.values()), movedFrom, renamed, notes, errors);
    }

    /** The key of a child of {@code oldParent} once the parent is {@code newParent}; empty for a key of no child. */
    private static Optional<ResourceKey> childKey(ResourceKey key, ResourceKey oldParent, ResourceKey newParent,
                                                  RenameRules rules) {
        List<String> parts = key.parts();
        List<String> prefix = oldParent.parts();
        if (parts.size() <= prefix.size() || !parts.subList(0, prefix.size()).equals(prefix)
                || !rules.descendsFrom(key.kind(), oldParent.kind())) {
            return Optional.empty();
        }
        List<String> moved = new ArrayList<>(newParent.parts());
        moved.addAll(parts.subList(prefix.size(), parts.size()));
        return Optional.of(new ResourceKey(key.kind(), moved));
    }

    /** {@code found} under {@code key}, the objects it depends on under their new keys where they moved too. */
    private static Resource moved(Resource found, ResourceKey key, Map<ResourceKey, ResourceKey> moves) {
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        found.dependsOn().forEach(d -> dependsOn.add(moves.getOrDefault(d, d)));
        return new Resource(key, found.fields(), dependsOn, found.id(), found.options(), found.origin());
    }
}
