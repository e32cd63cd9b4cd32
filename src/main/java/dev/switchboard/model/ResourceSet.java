package dev.switchboard.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * All objects of one target, desired or live, indexed by natural key and iterated in key order.
 * Keys are unique: the loader reports duplicates as errors before a set is built.
 */
public record ResourceSet(String target, Map<ResourceKey, Resource> byKey) {

    public ResourceSet {
        byKey = java.util.Collections.unmodifiableMap(new TreeMap<>(byKey));
    }

    public static ResourceSet of(String target, Collection<Resource> resources) {
        return new ResourceSet(target, resources.stream()
                .collect(Collectors.toMap(Resource::key, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("duplicate natural key " + a.key());
                })));
    }

    public static ResourceSet empty(String target) {
        return new ResourceSet(target, Map.of());
    }

    public Optional<Resource> get(ResourceKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public Collection<Resource> all() {
        return byKey.values();
    }

    public List<Resource> ofKind(ResourceKind kind) {
        return byKey.values().stream().filter(r -> r.kind().equals(kind)).toList();
    }

    public int size() {
        return byKey.size();
    }
}
