package dev.switchboard.plan;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which changes of one target must finish before which, so that an apply executor can run the others
 * in parallel and skip the dependants of a change that failed. Only changes that call the API are
 * nodes.
 *
 * <ul>
 *   <li>A create or update of X waits for the creates and updates of the objects X's desired state
 *       {@code dependsOn} (its parent, the feature group it names, ...).</li>
 *   <li>A delete of X waits for every change of the objects whose live state {@code dependsOn} X: their
 *       deletes (children go first), and their updates (a mailbox re-pointed away from a feature group
 *       before the group goes).</li>
 * </ul>
 * Objects that are not changed (no-op, unmanaged) impose no wait: they exist throughout.
 */
public final class DependencyGraph {

    private final Map<ResourceKey, Change> changes;
    private final Map<ResourceKey, Set<ResourceKey>> waitsFor;

    private DependencyGraph(Map<ResourceKey, Change> changes, Map<ResourceKey, Set<ResourceKey>> waitsFor) {
        this.changes = changes;
        this.waitsFor = waitsFor;
    }

    /** The graph over the API-calling changes among {@code changes} (all of one target). */
    public static DependencyGraph of(List<Change> changes) {
        Map<ResourceKey, Change> nodes = new LinkedHashMap<>();
        changes.stream().filter(Change::callsApi).forEach(c -> nodes.put(c.key(), c));
        Map<ResourceKey, Set<ResourceKey>> waits = new LinkedHashMap<>();
        nodes.keySet().forEach(k -> waits.put(k, new TreeSet<>()));
        for (Change change : nodes.values()) {
            if (change.action() == Action.DELETE) {
                continue;
            }
            for (ResourceKey prerequisite : dependsOn(change.after())) {
                Change other = nodes.get(prerequisite);
                if (other != null && other.action() != Action.DELETE) {
                    waits.get(change.key()).add(prerequisite);
                }
            }
            // an update moving off X (before dependsOn X) must happen before X is deleted
            addDeleteWaits(change, nodes, waits);
        }
        for (Change change : nodes.values()) {
            if (change.action() == Action.DELETE) {
                addDeleteWaits(change, nodes, waits);
            }
        }
        Map<ResourceKey, Set<ResourceKey>> frozen = new LinkedHashMap<>();
        waits.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
        return new DependencyGraph(Collections.unmodifiableMap(nodes), Collections.unmodifiableMap(frozen));
    }

    private static void addDeleteWaits(Change dependant, Map<ResourceKey, Change> nodes,
                                       Map<ResourceKey, Set<ResourceKey>> waits) {
        for (ResourceKey used : dependsOn(dependant.before())) {
            Change other = nodes.get(used);
            if (other != null && other.action() == Action.DELETE) {
                waits.get(used).add(dependant.key());
            }
        }
    }

    private static Set<ResourceKey> dependsOn(Optional<Resource> resource) {
        return resource.map(Resource::dependsOn).orElse(Set.of());
    }

    /** The API-calling changes, in the order they were given. */
    public List<Change> changes() {
        return List.copyOf(changes.values());
    }

    /** The keys of the changes {@code key}'s change must wait for; empty when it can start at once. */
    public Set<ResourceKey> waitsFor(ResourceKey key) {
        return waitsFor.getOrDefault(key, Set.of());
    }

    /** The changes {@code change} must wait for. */
    public List<Change> waitsFor(Change change) {
        return waitsFor(change.key()).stream().map(changes::get).toList();
    }

    /** Every change that waits, directly or not, for {@code key}'s: to skip when that one fails. */
    public Set<ResourceKey> dependantsOf(ResourceKey key) {
        Set<ResourceKey> found = new LinkedHashSet<>();
        Deque<ResourceKey> todo = new ArrayDeque<>(List.of(key));
        while (!todo.isEmpty()) {
            ResourceKey current = todo.pop();
            waitsFor.forEach((waiting, prerequisites) -> {
                if (prerequisites.contains(current) && found.add(waiting)) {
                    todo.push(waiting);
                }
            });
        }
        return found;
    }
}
