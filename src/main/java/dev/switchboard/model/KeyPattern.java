package dev.switchboard.model;

import java.util.Optional;

/**
 * {@code KIND[/KEY]}: every object of a kind ({@code mailbox}), or one object and those of the same kind
 * under it ({@code department/Acme/Sales} also matches {@code Acme/Sales/EMEA}). Used by
 * {@code --only} and by a target's {@code protect:} list.
 */
public record KeyPattern(String kind, Optional<String> keyPath) {

    public static KeyPattern parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new KeyPattern(text, Optional.empty());
        }
        return new KeyPattern(text.substring(0, slash), Optional.of(text.substring(slash + 1)));
    }

    public boolean matches(ResourceKey key) {
        if (!key.kind().name().equals(kind)) {
            return false;
        }
        return keyPath.map(path -> key.path().equals(path) || key.path().startsWith(path + "/")).orElse(true);
    }

    @Override
    public String toString() {
        return kind + keyPath.map(p -> "/" + p).orElse("");
    }
}
