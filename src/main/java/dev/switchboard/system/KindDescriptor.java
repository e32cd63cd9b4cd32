package dev.switchboard.system;

import dev.switchboard.model.ResourceKind;
import java.util.List;
import java.util.Objects;

/**
 * What a person needs to know to name objects of one kind: the parts of its natural key, in order, and
 * the kinds its objects sit under. Used in hints ({@code protect: [mailbox/COMPANY/NUMBER]}) and in the
 * listings of {@code switchboard schema}.
 *
 * @param keyParts the natural key's parts as words: {@code [company, number]} for an Officelinx mailbox
 * @param parents  the kinds an object of this kind depends on, nearest first; empty for a top-level kind
 */
public record KindDescriptor(ResourceKind kind, List<String> keyParts, List<ResourceKind> parents) {

    public KindDescriptor {
        Objects.requireNonNull(kind, "kind");
        keyParts = List.copyOf(keyParts);
        parents = List.copyOf(parents);
    }

    public static KindDescriptor of(ResourceKind kind, List<String> keyParts, ResourceKind... parents) {
        return new KindDescriptor(kind, keyParts, List.of(parents));
    }

    /** {@code mailbox/COMPANY/NUMBER}: how a key pattern of this kind is written. */
    public String keyPattern() {
        StringBuilder pattern = new StringBuilder(kind.name());
        keyParts.forEach(part -> pattern.append('/').append(part.toUpperCase(java.util.Locale.ROOT)));
        return pattern.toString();
    }
}
