package dev.switchboard.model;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Per-object instructions to Switchboard itself, never sent to a server.
 *
 * @param protect     refuse any plan that would delete this object
 * @param ignore      fields left unmanaged (Terraform's {@code ignore_changes})
 * @param renamedFrom the key this object had before it was renamed, as written ({@code Acme}; Terraform's
 *                    {@code moved}): the plan pairs the live object found under it with this declaration.
 *                    Written with fewer parts than the key, it names the last ones: {@code Europe} on
 *                    department {@code Acme/Sales/EMEA} is {@code Acme/Sales/Europe}
 */
public record ResourceOptions(boolean protect, Set<String> ignore, Optional<String> renamedFrom) {

    public static final ResourceOptions NONE = new ResourceOptions(false, Set.of());

    public ResourceOptions {
        ignore = Set.copyOf(ignore);
        Objects.requireNonNull(renamedFrom, "renamedFrom");
    }

    /** Options of an object that was not renamed. */
    public ResourceOptions(boolean protect, Set<String> ignore) {
        this(protect, ignore, Optional.empty());
    }

    /** The key {@link #renamedFrom} names for an object now under {@code key}; empty when it was not renamed. */
    public Optional<ResourceKey> oldKey(ResourceKey key) {
        return renamedFrom.map(written -> {
            java.util.List<String> old = java.util.List.of(written.split("/", -1));
            if (old.size() >= key.parts().size()) {
                return new ResourceKey(key.kind(), old);
            }
            java.util.List<String> parts = new java.util.ArrayList<>(key.parts().subList(0, key.parts().size() - old.size()));
            parts.addAll(old);
            return new ResourceKey(key.kind(), parts);
        });
    }
}
