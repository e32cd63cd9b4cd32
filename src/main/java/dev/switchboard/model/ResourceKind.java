package dev.switchboard.model;

import java.util.Objects;
import java.util.Set;

/**
 * A kind of object on a target system, such as Officelinx {@code mailbox} or XCI {@code user}.
 *
 * <p>{@code writeOnlyFields} are fields the API accepts but never returns (or returns transformed,
 * such as a hashed password): they are sent on create and are never compared against live state.
 * Two kinds are equal when target kind and name are equal.
 */
public record ResourceKind(String targetKind, String name, Set<String> writeOnlyFields) {

    public ResourceKind {
        Objects.requireNonNull(targetKind, "targetKind");
        Objects.requireNonNull(name, "name");
        writeOnlyFields = Set.copyOf(writeOnlyFields);
    }

    public static ResourceKind of(String targetKind, String name, String... writeOnlyFields) {
        return new ResourceKind(targetKind, name, Set.of(writeOnlyFields));
    }

    public boolean isWriteOnly(String field) {
        return writeOnlyFields.contains(field);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceKind k && k.targetKind.equals(targetKind) && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return 31 * (31 + targetKind.hashCode()) + name.hashCode(); // Objects.hash(targetKind, name), without its array
    }

    @Override
    public String toString() {
        return name;
    }
}
