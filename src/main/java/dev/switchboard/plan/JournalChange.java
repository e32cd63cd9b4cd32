package dev.switchboard.plan;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One change that an apply carried out, as its journal recorded it: what {@link InversePlanner} inverts.
 * Secrets in the journal are masked ({@code (sensitive)}): such fields cannot be put back.
 *
 * @param action          {@link Action#CREATE}, {@link Action#UPDATE}, {@link Action#DELETE} or
 *                        {@link Action#REPLACE}; a replace whose create failed after its delete is a delete
 * @param id              the server ID the object had (a delete, an update) or was given (a create)
 * @param before          the live object before the change (all its fields, as read); empty for a create
 * @param after           the desired object the change sent (its declared fields); empty for a delete
 * @param changed         the fields an update sent; empty when the journal does not say (version 1)
 * @param dependsOnKnown  whether the journal recorded what {@code before} depends on (version 2): without
 *                        it, re-created objects cannot be ordered by their dependencies
 */
public record JournalChange(ResourceKey key, Action action, Optional<String> id, Optional<Resource> before,
                            Optional<Resource> after, Set<String> changed, boolean dependsOnKnown) {

    public JournalChange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(action, "action");
        changed = Set.copyOf(changed);
    }
}
