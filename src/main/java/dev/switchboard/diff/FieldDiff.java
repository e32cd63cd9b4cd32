package dev.switchboard.diff;

import dev.switchboard.model.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared field whose live value is not the desired one, or (in a create) one field to be set.
 *
 * <p>Values are the raw ones of the resources, not their normalised forms, so output shows what the
 * server and the file actually hold. {@code sensitive} is true whenever either side is a
 * {@link Secret}: renderers then print {@code (sensitive)} for both sides, never a value.
 *
 * @param field  the field name, as the desired-state file spells it
 * @param before the live value; empty when the server does not have the field (and in creates)
 * @param after  the desired value; empty only when a field is being unset
 */
public record FieldDiff(String field, Optional<Object> before, Optional<Object> after, boolean sensitive) {

    public FieldDiff {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** A field whose live value differs from the desired one. */
    public static FieldDiff changed(String field, Optional<Object> live, Optional<Object> desired) {
        return new FieldDiff(field, live, desired, isSecret(live) || isSecret(desired));
    }

    /** A field a create sets: nothing before. */
    public static FieldDiff set(String field, Object desired) {
        return new FieldDiff(field, Optional.empty(), Optional.of(desired), desired instanceof Secret);
    }

    private static boolean isSecret(Optional<Object> value) {
        return value.filter(Secret.class::isInstance).isPresent();
    }
}
