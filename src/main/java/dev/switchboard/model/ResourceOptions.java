package dev.switchboard.model;

import java.util.Set;

/**
 * Per-object instructions to Switchboard itself, never sent to a server.
 *
 * @param protect refuse any plan that would delete this object
 * @param ignore  fields left unmanaged (Terraform's {@code ignore_changes})
 */
public record ResourceOptions(boolean protect, Set<String> ignore) {

    public static final ResourceOptions NONE = new ResourceOptions(false, Set.of());

    public ResourceOptions {
        ignore = Set.copyOf(ignore);
    }
}
