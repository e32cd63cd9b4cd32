package dev.switchboard.system;

import dev.switchboard.desired.NumberField;
import dev.switchboard.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person needs to know to name objects of one kind: the parts of its natural key, in order, and
 * the kinds its objects sit under. Used in hints ({@code protect: [mailbox/COMPANY/NUMBER]}) and in the
 * listings of {@code switchboard schema}.
 *
 * @param keyParts the natural key's parts as words: {@code [company, number]} for an Officelinx mailbox
 * @param parents  the kinds an object of this kind depends on, nearest first; empty for a top-level kind
 * @param numbers  the fields that hold numbers of the dial plan (extensions, mailboxes), for
 *                 {@code settings.numberPlan}; empty for most kinds
 * @param keyField the field holding the last part of the key, when the API can change it in place (an
 *                 Officelinx company's {@code name}): a {@code renamedFrom} is then an update of that field,
 *                 where otherwise it is a replace (delete, then create)
 */
public record KindDescriptor(ResourceKind kind, List<String> keyParts, List<ResourceKind> parents,
                             List<NumberField> numbers, Optional<String> keyField) {

    public KindDescriptor {
        Objects.requireNonNull(kind, "kind");
        keyParts = List.copyOf(keyParts);
        parents = List.copyOf(parents);
        numbers = List.copyOf(numbers);
        Objects.requireNonNull(keyField, "keyField");
    }

    /** A kind with no number of the dial plan and a key the API cannot change. */
    public KindDescriptor(ResourceKind kind, List<String> keyParts, List<ResourceKind> parents) {
        this(kind, keyParts, parents, List.of(), Optional.empty());
    }

    public static KindDescriptor of(ResourceKind kind, List<String> keyParts, ResourceKind... parents) {
        return new KindDescriptor(kind, keyParts, List.of(parents));
    }

    /** This kind, whose key part {@code keyPart} ({@code internalNumber}) is an extension of the dial plan. */
    public KindDescriptor extension(String keyPart) {
        return withNumber(NumberField.Role.EXTENSION, keyPart);
    }

    /** This kind, whose key part {@code keyPart} ({@code number}) is a voice mailbox of the dial plan. */
    public KindDescriptor mailbox(String keyPart) {
        return withNumber(NumberField.Role.MAILBOX, keyPart);
    }

    /**
     * This kind, whose key's last part is the value of {@code field} and that the API can change in place:
     * renaming its objects ({@code renamedFrom}) updates them and keeps their server IDs and children.
     */
    public KindDescriptor updatableKey(String field) {
        return new KindDescriptor(kind, keyParts, parents, numbers, Optional.of(field));
    }

    private int indexOf(String keyPart) {
        int index = keyParts.indexOf(keyPart);
        if (index < 0) {
            throw new IllegalArgumentException(kind.name() + " has no key part " + keyPart + " (it has " + keyParts + ")");
        }
        return index;
    }

    private KindDescriptor withNumber(NumberField.Role role, String keyPart) {
        List<NumberField> more = new ArrayList<>(numbers);
        more.add(NumberField.keyPart(kind, role, indexOf(keyPart), keyPart));
        return new KindDescriptor(kind, keyParts, parents, more, keyField);
    }

    /** {@code mailbox/COMPANY/NUMBER}: how a key pattern of this kind is written. */
    public String keyPattern() {
        StringBuilder pattern = new StringBuilder(kind.name());
        keyParts.forEach(part -> pattern.append('/').append(part.toUpperCase(java.util.Locale.ROOT)));
        return pattern.toString();
    }
}
