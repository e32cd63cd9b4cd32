package dev.switchboard.systems.xivows.provider;

import static dev.switchboard.systems.xivows.XivoWsKinds.DIALACTION_EVENTS;
import static dev.switchboard.systems.xivows.XivoWsKinds.DIALACTION_FIELDS;
import static dev.switchboard.systems.xivows.XivoWsKinds.ENTITY_FIELDS;
import static dev.switchboard.systems.xivows.XivoWsKinds.LINE;
import static dev.switchboard.systems.xivows.XivoWsKinds.LINE_PROTOCOL_FIELDS;
import static dev.switchboard.systems.xivows.XivoWsKinds.USER;
import static dev.switchboard.systems.xivows.XivoWsKinds.USER_FLAG_FIELDS;
import static dev.switchboard.systems.xivows.XivoWsKinds.USER_NUMBER_FIELDS;
import static dev.switchboard.systems.xivows.XivoWsKinds.USER_TEXT_FIELDS;
import static dev.switchboard.systems.xivows.XivoWsKinds.VOICEMAIL_FLAG_FIELDS;
import static dev.switchboard.systems.xivows.XivoWsKinds.VOICEMAIL_TEXT_FIELDS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.Secret;
import dev.switchboard.systems.xivows.XivoWsKinds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Between the API's objects and the desired-state shape ({@link XivoWsKinds}): ids as text whatever JSON type
 * the server used, flags {@code "1"}/{@code "0"} as booleans, counts as numbers, empty dial-action arguments
 * left out, a line without number keyed by its peer name.
 */
final class XivoWsMapping {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private XivoWsMapping() {
    }

    // ---- live objects

    static Resource entity(JsonNode entity) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : ENTITY_FIELDS) {
            if (entity.hasNonNull(field)) {
                fields.put(field, entity.get(field).asText());
            }
        }
        return Resource.live(XivoWsKinds.entityKey(entity.path("name").asText()), entity.path("id").asText(), fields,
                Set.of());
    }

    /** A line's key: {@code context/number}, or {@code context/~peer} while it has no number. */
    static ResourceKey lineKey(JsonNode line) {
        String context = line.path("context").asText();
        String number = line.path("number").asText();
        return ResourceKey.of(LINE, context, number.isEmpty() ? "~" + line.path("name").asText() : number);
    }

    /** A line of the list, which carries its protocol fields (never its secret). */
    static Resource line(JsonNode line) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("context", line.path("context").asText());
        fields.put("number", line.path("number").asText());
        fields.put("protocol", line.path("protocol").asText());
        fields.put("name", line.path("name").asText());
        for (String field : LINE_PROTOCOL_FIELDS) {
            if (line.hasNonNull(field) && line.get(field).isValueNode()) {
                fields.put(field, line.get(field).asText());
            }
        }
        if (line.has("allow")) {
            fields.put("allow", texts(line.get("allow")));
        }
        return Resource.live(lineKey(line), line.path("id").asText(), fields, Set.of());
    }

    /** {@code ["alaw","ulaw"]} or {@code "alaw,ulaw"} as a list. */
    static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(v -> out.add(v.asText()));
        } else if (list.isTextual() && !list.asText().isEmpty()) {
            for (String part : list.asText().split(",")) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** A user's key: the {@code context/number} of its first line; a user with no line cannot be matched. */
    static ResourceKey userKey(JsonNode view) {
        JsonNode first = view.path("linefeatures").path(0);
        if (first.isMissingNode()) {
            return ResourceKey.of(USER, "(no line)", view.path("userfeatures").path("id").asText());
        }
        return new ResourceKey(USER, lineKey(first).parts());
    }

    /** A user from its view. */
    static Resource user(JsonNode view, Map<String, String> entityNames) {
        JsonNode features = view.path("userfeatures");
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        String entity = entityNames.getOrDefault(features.path("entityid").asText(), "#" + features.path("entityid").asText());
        fields.put("entity", entity);
        dependsOn.add(XivoWsKinds.entityKey(entity));
        List<String> lines = new ArrayList<>();
        for (JsonNode line : view.path("linefeatures")) {
            ResourceKey key = lineKey(line);
            lines.add(key.path());
            dependsOn.add(key);
        }
        fields.put("lines", lines);
        for (String field : USER_TEXT_FIELDS) {
            if (features.hasNonNull(field)) {
                fields.put(field, features.get(field).asText());
            }
        }
        for (String field : USER_NUMBER_FIELDS) {
            if (features.hasNonNull(field)) {
                fields.put(field, number(features.get(field).asText()));
            }
        }
        for (String field : USER_FLAG_FIELDS) {
            if (features.hasNonNull(field)) {
                fields.put(field, flag(features.get(field)));
            }
        }
        if (features.hasNonNull("passwdclient")) {
            // the API returns the CTI password in clear: masked from here on, in plans, files and logs
            fields.put("passwdclient", Secret.fromLive(features.get("passwdclient").asText()));
        }
        JsonNode voicemail = view.path("voicemail");
        if (voicemail.isObject()) {
            for (String field : VOICEMAIL_TEXT_FIELDS) {
                if (voicemail.hasNonNull(field)) {
                    fields.put("voicemail." + field, voicemail.get(field).asText());
                }
            }
            for (String field : VOICEMAIL_FLAG_FIELDS) {
                if (voicemail.hasNonNull(field)) {
                    fields.put("voicemail." + field, flag(voicemail.get(field)));
                }
            }
        }
        if (view.path("vmfeatures").hasNonNull("skipcheckpass")) {
            fields.put("vmfeatures.skipcheckpass", flag(view.path("vmfeatures").get("skipcheckpass")));
        }
        for (String event : DIALACTION_EVENTS) {
            JsonNode action = view.path("dialaction").path(event);
            if (action.isObject()) {
                fields.put("dialaction." + event, dialaction(action));
            }
        }
        fields.put("groups", members(view.path("group-select"), view.path("group"), List.of("chantype", "call-limit")));
        fields.put("queues", members(view.path("queue-select"), view.path("queue"),
                List.of("chantype", "penalty", "call-limit")));
        fields.put("funckeys", funckeys(view.path("phonefunckey")));
        List<Object> skills = new ArrayList<>();
        for (JsonNode skill : view.path("queueskills")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", number(skill.path("id").asText()));
            out.put("weight", number(skill.path("weight").asText()));
            skills.add(out);
        }
        fields.put("queueskills", skills);
        return Resource.live(userKey(view), features.path("id").asText(), fields, dependsOn);
    }

    private static Map<String, Object> dialaction(JsonNode action) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : DIALACTION_FIELDS) {
            String value = action.path(field).asText("");
            if (!value.isEmpty()) {
                out.put(field, value);
            }
        }
        return out;
    }

    /** {@code group-select} and {@code group} (settings by name) as {@code [{name, chantype, call-limit}]}. */
    private static List<Object> members(JsonNode selected, JsonNode settings, List<String> numbers) {
        List<Object> out = new ArrayList<>();
        for (JsonNode name : selected) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("name", name.asText());
            JsonNode values = settings.path(name.asText());
            for (String field : numbers) {
                if (values.hasNonNull(field)) {
                    member.put(field, field.equals("chantype") ? values.get(field).asText() : number(values.get(field).asText()));
                }
            }
            out.add(member);
        }
        return out;
    }

    private static List<Object> funckeys(JsonNode keys) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < keys.path("fknum").size(); i++) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("fknum", number(keys.path("fknum").path(i).asText()));
            key.put("type", keys.path("type").path(i).asText(""));
            key.put("typeval", keys.path("typeval").path(i).asText(""));
            key.put("supervision", flag(keys.path("supervision").path(i)));
            out.add(key);
        }
        return out;
    }

    /** A pickup group from its view; user members by the key of that user, groups and queues by id. */
    static Resource pickup(JsonNode view, Map<String, ResourceKey> usersById) {
        JsonNode pickup = view.path("pickup");
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        fields.put("name", pickup.path("name").asText());
        fields.put("description", pickup.path("description").asText(""));
        List<Object> members = new ArrayList<>();
        for (String list : List.of("members", "pickups")) {
            for (JsonNode member : view.path(list)) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("category", member.path("category").asText(list.equals("members") ? "member" : "pickup"));
                String type = member.path("membertype").asText();
                String id = member.path("memberid").asText();
                if (type.equals("user")) {
                    ResourceKey user = usersById.get(id);
                    out.put("user", user == null ? "#" + id : user.path());
                    if (user != null) {
                        dependsOn.add(user);
                    }
                } else {
                    out.put(type, number(id));
                }
                members.add(out);
            }
        }
        fields.put("members", members);
        return Resource.live(ResourceKey.of(XivoWsKinds.PICKUP, pickup.path("name").asText()),
                pickup.path("id").asText(), fields, dependsOn);
    }

    static Resource mail(JsonNode mail) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : List.of("mydomain", "origin", "relayhost", "fallback_relayhost")) {
            fields.put(field, mail.path(field).asText(""));
        }
        List<Object> canonical = new ArrayList<>();
        for (JsonNode rule : mail.path("canonical")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("pattern", rule.path("pattern").asText(""));
            out.put("result", rule.path("result").asText(""));
            canonical.add(out);
        }
        fields.put("canonical", canonical);
        return Resource.live(XivoWsKinds.mailKey(), mail.path("id").asText("1"), fields, Set.of());
    }

    // ---- values both ways

    static Object number(String text) {
        return text.matches("-?[0-9]{1,18}") ? (Object) Long.parseLong(text) : text;
    }

    static Boolean flag(JsonNode value) {
        return value.isBoolean() ? value.asBoolean() : !(value.asText("0").isEmpty() || value.asText("0").equals("0"));
    }

    /** A desired value as the API writes it: text, {@code "1"}/{@code "0"} for booleans, a secret revealed. */
    static String apiText(Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Secret secret) {
            return secret.reveal();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    /** A desired value as JSON for a body: maps and lists kept, scalars as API text. */
    static JsonNode apiJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            map.forEach((k, v) -> out.set(String.valueOf(k), apiJson(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = NODES.arrayNode();
            list.forEach(v -> out.add(apiJson(v)));
            return out;
        }
        return NODES.textNode(apiText(value));
    }

    static Optional<Map<?, ?>> map(Object value) {
        return value instanceof Map<?, ?> m ? Optional.of(m) : Optional.empty();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
