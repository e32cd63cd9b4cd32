package dev.switchboard.systems.gws.provider;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.Secret;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.systems.gws.GwsKinds;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Targets and desired users, as the loader and the apply executor would hand them over. */
final class GwsFixtures {

    static final IdResolver NO_IDS = key -> Optional.empty();

    private GwsFixtures() {
    }

    static TargetSpec target(String url, String username, String password, long confirmTimeoutMs) {
        return new TargetSpec("gws-test", "gws", url,
                Map.of("username", username, "password", Secret.fromReference("${env:GWS_PASSWORD}", password)),
                Map.of(GwsProviderFactory.CONFIRM_TIMEOUT_OPTION, confirmTimeoutMs), TargetSpec.Tls.DEFAULT,
                TargetSpec.Policy.DEFAULT);
    }

    static Resource desired(String userName, List<String> roles, String password) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("userName", userName);
        fields.put("firstName", "Kristi");
        fields.put("lastName", "Sippola");
        fields.put("roles", roles);
        if (password != null) {
            fields.put("password", Secret.fromReference("${env:PW}", password));
        }
        return Resource.desired(ResourceKey.of(GwsKinds.USER, userName), fields, Set.of(), ResourceOptions.NONE,
                SourceLocation.startOf(Path.of("gws/users.yaml")));
    }

    static Resource with(Resource resource, String field, Object value) {
        Map<String, Object> fields = new LinkedHashMap<>(resource.fields());
        fields.put(field, value);
        return resource.withFields(fields);
    }
}
