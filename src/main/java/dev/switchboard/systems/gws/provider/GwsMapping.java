package dev.switchboard.systems.gws.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.Secret;
import dev.switchboard.systems.gws.GwsKinds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** GWS user JSON to and from the desired-state shape of {@link GwsKinds#USER}. */
final class GwsMapping {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GwsMapping() {
    }

    static ResourceKey key(String userName) {
        return ResourceKey.of(GwsKinds.USER, userName);
    }

    /** A live user: its id, and the fields the API returns (never a password). */
    static Resource user(JsonNode user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("userName", user.path("userName").asText());
        text(user, "firstName", fields);
        text(user, "lastName", fields);
        if (user.path("roles").isArray()) {
            List<String> roles = new ArrayList<>();
            user.path("roles").forEach(r -> roles.add(r.asText()));
            fields.put("roles", roles);
        }
        bool(user, "enabled", fields);
        bool(user, "changePasswordOnFirstLogin", fields);
        return Resource.live(key(user.path("userName").asText()), user.path("id").asText(), fields, Set.of());
    }

    /** Sets {@code field} of {@code body} to the desired value, revealing a password to send it. */
    static void put(ObjectNode body, String field, Object value) {
        if (value instanceof Secret secret) {
            body.put(field, secret.reveal());
        } else if (value instanceof Boolean flag) {
            body.put(field, flag);
        } else if (value instanceof Collection<?> list) {
            ArrayNode array = body.putArray(field);
            list.forEach(item -> array.add(String.valueOf(item)));
        } else {
            body.put(field, String.valueOf(value));
        }
    }

    /** Whether the live user shows {@code value} for {@code field}; roles compare as sets. */
    static boolean shows(JsonNode live, String field, Object value) {
        JsonNode actual = live.path(field);
        if (value instanceof Collection<?> list) {
            Set<String> wanted = new TreeSet<>();
            list.forEach(item -> wanted.add(String.valueOf(item)));
            Set<String> got = new TreeSet<>();
            actual.forEach(item -> got.add(item.asText()));
            return wanted.equals(got);
        }
        if (value instanceof Boolean flag) {
            return actual.isBoolean() && actual.asBoolean() == flag;
        }
        if (value instanceof Secret secret) {
            return actual.isTextual() && Secret.fromLive(actual.asText()).equals(secret);
        }
        return actual.isValueNode() && actual.asText().equals(String.valueOf(value));
    }

    private static void text(JsonNode user, String field, Map<String, Object> fields) {
        if (user.hasNonNull(field)) {
            fields.put(field, user.get(field).asText());
        }
    }

    private static void bool(JsonNode user, String field, Map<String, Object> fields) {
        if (user.path(field).isBoolean()) {
            fields.put(field, user.get(field).asBoolean());
        }
    }
}
