package dev.switchboard.systems.gws;

import dev.switchboard.desired.ResourceFileContext;
import dev.switchboard.desired.ResourceFileReader;
import dev.switchboard.desired.YamlObject;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a GWS resource file ({@code users:}) into {@link GwsKinds#USER} resources keyed by user name.
 * Roles are a set: written in any order, compared sorted.
 */
final class GwsReader implements ResourceFileReader {

    @Override
    public void read(YamlObject root, ResourceFileContext context) {
        for (YamlObject user : root.objects("users", "user")) {
            readUser(user, context);
        }
    }

    private static void readUser(YamlObject user, ResourceFileContext context) {
        Optional<String> userName = user.text("userName");
        if (userName.isEmpty()) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("userName", userName.get());
        user.textOrSecret("firstName").ifPresent(v -> fields.put("firstName", v));
        user.textOrSecret("lastName").ifPresent(v -> fields.put("lastName", v));
        List<String> roles = user.texts("roles");
        if (!roles.isEmpty() || user.fieldNames().contains("roles")) {
            fields.put("roles", roles);
        }
        user.bool("enabled").ifPresent(v -> fields.put("enabled", v));
        user.bool("changePasswordOnFirstLogin").ifPresent(v -> fields.put("changePasswordOnFirstLogin", v));
        user.secret("password", context.literalSecretsAllowed()).ifPresent(v -> fields.put("password", v));
        context.declare(Resource.desired(ResourceKey.of(GwsKinds.USER, userName.get()), fields, Set.of(),
                context.options(user, GwsKinds.USER, true), user.location()), user);
    }
}
