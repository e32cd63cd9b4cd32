package dev.switchboard.engine;

import dev.switchboard.model.ResourceKey;
import java.util.Optional;

/**
 * {@code --only KIND[/KEY]}: restricts a plan to one kind, or to one object and the objects under it
 * ({@code --only mailbox/Acme/1001}, {@code --only department/Acme/Sales} also takes
 * {@code Acme/Sales/EMEA}).
 */
public record KindFilter(String kind, Optional<String> keyPath) {

    public static KindFilter parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new KindFilter(text, Optional.empty());
        }
        return new KindFilter(text.substring(0, slash), Optional.of(text.substring(slash + 1)));
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
