package dev.switchboard.systems.xivows.provider;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
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

/** Targets, desired objects and an id book for the provider tests. */
final class XivoWsFixtures {

    private XivoWsFixtures() {
    }

    static TargetSpec target(String url, String login, String password) {
        return new TargetSpec("xivo-lyon", "xivo-ws", url,
                Map.of("login", login, "password", Secret.fromReference("${env:XIVO_PASSWORD}", password)),
                Map.of(), TargetSpec.Tls.DEFAULT, TargetSpec.Policy.DEFAULT);
    }

    static Resource desired(ResourceKey key, Map<String, Object> fields, ResourceKey... dependsOn) {
        return Resource.desired(key, fields, Set.of(dependsOn), ResourceOptions.NONE,
                SourceLocation.startOf(Path.of("xivo-ws/lyon.yaml")));
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
