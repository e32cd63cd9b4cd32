package dev.switchboard.systems.sipxconfig.provider;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.Secret;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.IdResolver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Targets and desired objects as the loader would hand them over. */
final class SipxFixtures {

    static final IdResolver NO_IDS = key -> Optional.empty();

    private SipxFixtures() {
    }

    /** A target acting as each of {@code users} with password {@code password}. */
    static TargetSpec target(String url, String password, String... users) {
        Map<String, Secret> passwords = new LinkedHashMap<>();
        for (String user : users) {
            passwords.put(user, Secret.fromReference("${env:SIPX_" + user + "_PASSWORD}", password));
        }
        return new TargetSpec("sipx-test", "sipxconfig", url, Map.of(),
                Map.of(SipxconfigProviderFactory.USERS, passwords), TargetSpec.Tls.DEFAULT, TargetSpec.Policy.DEFAULT);
    }

    static Resource desired(ResourceKind kind, Map<String, Object> fields, String... keyParts) {
        return Resource.desired(ResourceKey.of(kind, keyParts), fields, Set.of(), ResourceOptions.NONE,
                SourceLocation.startOf(Path.of("sipxconfig/test.yaml")));
    }
}
