package dev.switchboard.provider;

import dev.switchboard.model.ResourceKey;
import java.util.Optional;

/**
 * Server IDs by natural key: of live objects, and of objects created earlier in the same apply.
 */
@FunctionalInterface
public interface IdResolver {

    Optional<String> idOf(ResourceKey key);

    default String require(ResourceKey key) {
        return idOf(key).orElseThrow(() -> new IllegalStateException(
                key + " has no server ID yet: it must be created before the objects that name it"));
    }
}
