package dev.switchboard.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One object, desired or live, in the desired-state shape: fields are named as users write them
 * (camelCase, SPEC section 2) and references to other objects hold their natural values (feature
 * group {@code 56}, department {@code Sales/EMEA}), never server IDs.
 *
 * <p>Both collections are unmodifiable: the fields in the order given, the prerequisites in their natural order,
 * each held compactly ({@link FieldMap}, {@link KeySet}), and shared, not copied, by an object made from another
 * ({@link #withId}).
 *
 * <p>Field values are {@link String}, {@link Long}, {@link java.math.BigDecimal}, {@link Boolean},
 * {@link Secret}, {@code List} or {@code Map} of those; absent fields are absent, never null.
 *
 * @param key       the natural key
 * @param fields    the declared (desired) or observed (live) fields, in a stable order
 * @param dependsOn the objects that must exist before this one (its parent, the objects it names)
 * @param id        the server's ID: present on live objects, empty on desired ones
 * @param options   Switchboard's own per-object instructions; {@link ResourceOptions#NONE} on live ones
 * @param origin    where a desired object was declared; empty on live ones
 */
public record Resource(
        ResourceKey key,
        Map<String, Object> fields,
        Set<ResourceKey> dependsOn,
        Optional<String> id,
        ResourceOptions options,
        Optional<SourceLocation> origin) {

    public Resource {
        fields = FieldMap.copyOf(fields);
        dependsOn = KeySet.copyOf(dependsOn);
    }

    /** An object declared in a desired-state file. */
    public static Resource desired(ResourceKey key, Map<String, Object> fields, Set<ResourceKey> dependsOn,
                                   ResourceOptions options, SourceLocation origin) {
        return new Resource(key, fields, dependsOn, Optional.empty(), options, Optional.of(origin));
    }

    /** An object read from a server, with the ID the server gave it. */
    public static Resource live(ResourceKey key, String id, Map<String, Object> fields, Set<ResourceKey> dependsOn) {
        return new Resource(key, fields, dependsOn, Optional.of(id), ResourceOptions.NONE, Optional.empty());
    }

    public ResourceKind kind() {
        return key.kind();
    }

    public Optional<Object> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The server ID, for code paths where only a live object can arrive. */
    public String requireId() {
        return id.orElseThrow(() -> new IllegalStateException(key + " has no server ID: it is not a live object"));
    }

    public Resource withId(String newId) {
        return new Resource(key, fields, dependsOn, Optional.of(newId), options, origin);
    }

    public Resource withFields(Map<String, Object> newFields) {
        return new Resource(key, newFields, dependsOn, id, options, origin);
    }
}
