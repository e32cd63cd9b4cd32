package dev.switchboard.systems.xci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.Secret;
import dev.switchboard.systems.xci.XciKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's objects as live resources in the desired-state shape of {@link XciKinds}: references by
 * name ({@code xivo-220}, {@code default@xivo-220}) instead of ids and uuids, no field the desired
 * shape does not have, ctiPassword as a {@link Secret}.
 */
final class XciMapping {

    static final List<String> TEMPLATE_FIELDS = List.of("name", "xivos", "entities", "peerSipName", "ringingTime",
            "routedInbound", "routedInboundPrefix", "callerIdMode", "customCallerId", "voiceMailEnabled",
            "voiceMailNumberMode", "voiceMailCustomNumber", "voiceMailSendEmail");

    private XciMapping() {
    }

    static ResourceKey xivoKey(String xivoName) {
        return ResourceKey.of(XciKinds.XIVO, xivoName);
    }

    /** An entity's key has one part, {@code name@xivoName}. */
    static ResourceKey entityKey(String entityAtXivo) {
        return ResourceKey.of(XciKinds.ENTITY, entityAtXivo);
    }

    static ResourceKey templateKey(String templateName) {
        return ResourceKey.of(XciKinds.TEMPLATE, templateName);
    }

    /** {@code name@xivoName} of an entity as the API returns it, its XiVO embedded. */
    static String entityName(JsonNode entity) {
        return entity.path("name").asText() + "@" + entity.path("xivo").path("name").asText();
    }

    /** The XiVO part of {@code name@xivoName}. */
    static String xivoOf(String entityAtXivo) {
        return entityAtXivo.substring(entityAtXivo.indexOf('@') + 1);
    }

    /** The entity part of {@code name@xivoName}; entity names cannot hold an {@code @}. */
    static String entityOf(String entityAtXivo) {
        int at = entityAtXivo.indexOf('@');
        return at < 0 ? entityAtXivo : entityAtXivo.substring(0, at);
    }

    static Resource xivo(JsonNode xivo) {
        Map<String, Object> fields = new LinkedHashMap<>();
        copy(xivo, fields, "name", "host");
        return Resource.live(xivoKey(xivo.path("name").asText()), xivo.path("id").asText(), fields, Set.of());
    }

    /** ID: the combinedId, which the entity's URLs use. */
    static Resource entity(JsonNode entity) {
        String xivoName = entity.path("xivo").path("name").asText();
        Map<String, Object> fields = new LinkedHashMap<>();
        copy(entity, fields, "name");
        fields.put("xivo", xivoName);
        copy(entity, fields, "displayName", "intervals", "presentedNumber");
        return Resource.live(entityKey(entityName(entity)), entity.path("combinedId").asText(), fields,
                Set.of(xivoKey(xivoName)));
    }

    static Resource template(JsonNode template, XciDirectory directory) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        for (String field : TEMPLATE_FIELDS) {
            JsonNode value = template.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (field.equals("xivos") || field.equals("entities")) {
                List<String> names = new ArrayList<>();
                for (JsonNode reference : value) {
                    String name = (field.equals("xivos") ? directory.xivoName(reference)
                            : directory.entityName(reference)).orElse(reference.asText());
                    names.add(name);
                    dependsOn.add(field.equals("xivos") ? xivoKey(name) : entityKey(name));
                }
                fields.put(field, names);
            } else {
                XciJson.value(value).ifPresent(v -> fields.put(field, v));
            }
        }
        return Resource.live(templateKey(template.path("name").asText()), template.path("id").asText(), fields,
                dependsOn);
    }

    /** The template is not returned: write-only, set on create. */
    static Resource user(JsonNode user) {
        String entity = entityName(user.path("entity"));
        String number = user.path("internalNumber").asText();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("entity", entity);
        copy(user, fields, "internalNumber", "firstName", "lastName", "ctiLogin");
        JsonNode ctiPassword = user.get("ctiPassword");
        if (ctiPassword != null && !ctiPassword.isNull()) {
            fields.put("ctiPassword", Secret.fromLive(ctiPassword.asText()));
        }
        return Resource.live(ResourceKey.of(XciKinds.USER, xivoOf(entity), number), user.path("id").asText(),
                fields, Set.of(entityKey(entity)));
    }

    /** The password comes back hashed: write-only, never compared. */
    static Resource administrator(JsonNode administrator, XciDirectory directory) {
        Map<String, Object> fields = new LinkedHashMap<>();
        copy(administrator, fields, "login", "name", "superAdmin", "ldap");
        List<String> entities = new ArrayList<>();
        for (JsonNode reference : administrator.path("entities")) {
            directory.entityName(reference).ifPresent(entities::add);
        }
        fields.put("entities", entities);
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        entities.forEach(entity -> dependsOn.add(entityKey(entity)));
        return Resource.live(ResourceKey.of(XciKinds.ADMINISTRATOR, administrator.path("login").asText()),
                administrator.path("id").asText(), fields, dependsOn);
    }

    private static void copy(JsonNode from, Map<String, Object> to, String... fields) {
        for (String field : fields) {
            XciJson.value(from.get(field)).ifPresent(value -> to.put(field, value));
        }
    }
}
