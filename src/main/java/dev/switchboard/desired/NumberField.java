package dev.switchboard.desired;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import java.util.Objects;
import java.util.Optional;

/**
 * A field of a kind that holds a number of the dial plan, as a target system declares it: an extension
 * (an XCI user's internal number, a XiVO line's number) or a mailbox (an Officelinx mailbox number). The
 * number plan of {@code settings.numberPlan} is checked against these alone; the core never names a system.
 *
 * @param kind    the kind whose objects hold the number
 * @param role    whether it is an extension or a mailbox
 * @param keyPart the index of the key part that holds it, or -1 when a field does
 * @param field   the field that holds it when no key part does; the key part's name otherwise, for messages
 */
public record NumberField(ResourceKind kind, Role role, int keyPart, String field) {

    /** What the number is to the dial plan. */
    public enum Role {
        /** A number dialled to reach a phone: unique in its scope. */
        EXTENSION,
        /** A voice mailbox, which belongs to the extension of the same number. */
        MAILBOX
    }

    public NumberField {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(field, "field");
    }

    /** The number is the key part at {@code index}, named {@code name} ({@code internalNumber}). */
    public static NumberField keyPart(ResourceKind kind, Role role, int index, String name) {
        if (index < 0) {
            throw new IllegalArgumentException("a key part index is 0 or more");
        }
        return new NumberField(kind, role, index, name);
    }

    /** The number is the value of {@code field}. */
    public static NumberField field(ResourceKind kind, Role role, String field) {
        return new NumberField(kind, role, -1, field);
    }

    /** The number {@code resource} holds, as text; empty when it holds none (the field is not declared). */
    public Optional<String> valueOf(Resource resource) {
        if (keyPart >= 0) {
            return keyPart < resource.key().parts().size()
                    ? Optional.of(resource.key().parts().get(keyPart)) : Optional.empty();
        }
        return resource.field(field).map(String::valueOf);
    }
}
