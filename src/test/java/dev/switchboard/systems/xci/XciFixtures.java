package dev.switchboard.systems.xci;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.Secret;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.IdResolver;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Targets, desired objects and an ID table, as the loader and the apply executor would hand them over. */
final class XciFixtures {

    private XciFixtures() {
    }

    static TargetSpec target(String url, String login, String password) {
        return new TargetSpec("xci-test", "xci", url,
                Map.of("login", login, "password", Secret.fromReference("${env:XCI_PASSWORD}", password)),
                Map.of(), TargetSpec.Tls.DEFAULT, TargetSpec.Policy.DEFAULT);
    }

    static Resource desired(ResourceKind kind, Map<String, Object> fields, String... keyParts) {
        return Resource.desired(ResourceKey.of(kind, keyParts), fields, Set.of(), ResourceOptions.NONE,
                SourceLocation.startOf(Path.of("xci/test.yaml")));
    }

    /** Server IDs by natural key, filled as objects are read or created. */
    static final class Ids implements IdResolver {
        private final Map<ResourceKey, String> byKey = new ConcurrentHashMap<>();

        Resource remember(Resource live) {
            byKey.put(live.key(), live.requireId());
            return live;
        }

        @Override
        public Optional<String> idOf(ResourceKey key) {
            return Optional.ofNullable(byKey.get(key));
        }
    }
}
