package dev.switchboard.diff;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import java.util.List;
import java.util.Optional;

/**
 * One natural key of a target, paired: the desired object, the live one, or both, and the declared
 * fields that differ.
 *
 * <p>Missing live (only desired): {@code live} is empty and {@code fields} is empty. Unmanaged (only
 * live: no file declares it): {@code desired} is empty and {@code fields} is empty. Both present:
 * {@code fields} holds the declared fields that differ, empty when the object is in sync.
 */
public record ResourceDiff(ResourceKey key, Optional<Resource> desired, Optional<Resource> live,
                           List<FieldDiff> fields) {

    public ResourceDiff {
        fields = List.copyOf(fields);
        if (desired.isEmpty() && live.isEmpty()) {
            throw new IllegalArgumentException(key + ": a pair needs a desired or a live object");
        }
    }

    public static ResourceDiff missingLive(Resource desired) {
        return new ResourceDiff(desired.key(), Optional.of(desired), Optional.empty(), List.of());
    }

    public static ResourceDiff unmanaged(Resource live) {
        return new ResourceDiff(live.key(), Optional.empty(), Optional.of(live), List.of());
    }

    public static ResourceDiff compared(Resource desired, Resource live, List<FieldDiff> fields) {
        return new ResourceDiff(desired.key(), Optional.of(desired), Optional.of(live), fields);
    }

    /** Declared but not on the server. */
    public boolean isMissingLive() {
        return live.isEmpty();
    }

    /** On the server but declared by no file. */
    public boolean isUnmanaged() {
        return desired.isEmpty();
    }

    /** Declared and on the server, with declared fields that differ. */
    public boolean isModified() {
        return desired.isPresent() && live.isPresent() && !fields.isEmpty();
    }

    /** Declared and on the server, every declared field as desired. */
    public boolean isInSync() {
        return desired.isPresent() && live.isPresent() && fields.isEmpty();
    }
}
