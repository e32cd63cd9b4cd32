package dev.switchboard.systems.xivows.provider;

import static dev.switchboard.systems.xivows.XivoWsKinds.DIALACTION_EVENTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.Updater;
import dev.switchboard.systems.xivows.XivoWsKinds;
import dev.switchboard.systems.xivows.provider.XivoWsClient.Module;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Users. Add takes the document's whole object ({@code userfeatures}, {@code linefeatures} as parallel arrays,
 * {@code voicemail}, {@code dialaction}, ...) and answers with the new id; edit replaces the user whole, so an
 * update sends the user as viewed with the declared fields laid over it. Lines are attached by id (they are
 * created first, as lines of their own), with their number.
 */
final class UserType implements Creator, Updater, Deleter {

    private static final List<String> RULES = List.of("rules_type", "rules_time", "rules_order", "rules_group");

    private final XivoWsClient client;
    private final Function<String, Map<String, String>> entityNames;

    /** @param entityNames entity names by id, read when a user is mapped after a write */
    UserType(XivoWsClient client, Function<String, Map<String, String>> entityNames) {
        this.client = client;
        this.entityNames = entityNames;
    }

    @Override
    public ResourceKind kind() {
        return XivoWsKinds.USER;
    }

    @Override
    public Resource create(Resource desired, IdResolver ids) {
        ObjectNode body = XivoWsMapping.NODES.objectNode();
        body.putObject("userfeatures");
        ObjectNode dialaction = body.putObject("dialaction");
        for (String event : DIALACTION_EVENTS) {
            dialaction.putObject(event).put("actiontype", "none");
        }
        for (Map.Entry<String, Object> field : desired.fields().entrySet()) {
            overlay(body, field.getKey(), field.getValue(), ids);
        }
        JsonNode answer = client.write(Module.USERS, "add", Optional.empty(), body, desired.key());
        Optional<String> id = answer.isValueNode() && !answer.asText().isEmpty() ? Optional.of(answer.asText())
                : answer.path("id").isValueNode() ? Optional.of(answer.path("id").asText()) : Optional.empty();
        if (id.isPresent()) {
            Optional<Resource> created = viewed(id.get(), desired.key());
            if (created.isPresent()) {
                return created.get();
            }
        }
        return findByKey(desired, ids).orElseThrow(() -> client.notReadBack(Module.USERS, "add", desired.key()));
    }

    /** The user that holds the line of its key. */
    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        String context = desired.key().parts().get(0);
        String number = desired.key().leaf();
        return client.list(Module.LINES, "search", Map.of("search", number, "context", context)).stream()
                .filter(l -> l.path("context").asText().equals(context) && l.path("number").asText().equals(number))
                .map(l -> l.path("iduserfeatures").asText(""))
                .filter(owner -> !owner.isEmpty() && !owner.equals("0"))
                .findFirst().flatMap(owner -> viewed(owner, desired.key()));
    }

    private Optional<Resource> viewed(String id, ResourceKey about) {
        return client.view(Module.USERS, Optional.of(id), Optional.of(about))
                .map(view -> XivoWsMapping.user(view, entityNames.apply(id)));
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        String id = live.requireId();
        JsonNode view = client.view(Module.USERS, Optional.of(id), Optional.of(live.key()))
                .orElseThrow(() -> new ProviderException(client.target(), Optional.of(live.key().toString()), "GET",
                        Module.USERS.path() + "?act=view&id=" + id, 404, "the user is gone", false, null));
        ObjectNode body = editable(view);
        for (String field : fields) {
            desired.field(field).ifPresent(value -> overlay(body, field, value, ids));
        }
        client.write(Module.USERS, "edit", Optional.of(id), body, live.key());
    }

    @Override
    public void delete(Resource live) {
        client.delete(Module.USERS, live.requireId(), live.key());
    }

    /** A viewed user as an edit takes it: its lines back as parallel arrays of ids and numbers. */
    static ObjectNode editable(JsonNode view) {
        ObjectNode body = view.deepCopy();
        ((ObjectNode) body.path("userfeatures")).remove("id");
        ObjectNode lines = XivoWsMapping.NODES.objectNode();
        ArrayNode lineIds = lines.putArray("id");
        ArrayNode numbers = lines.putArray("number");
        for (String rule : RULES) {
            lines.putArray(rule);
        }
        for (JsonNode line : view.path("linefeatures")) {
            lineIds.add(line.path("id").asText());
            numbers.add(line.path("number").asText());
            for (String rule : RULES) {
                ((ArrayNode) lines.get(rule)).add(line.path(rule).asText(""));
            }
        }
        body.set("linefeatures", lines);
        if (body.path("voicemail").isObject()) {
            ((ObjectNode) body.get("voicemail")).remove("uniqueid");
        }
        return body;
    }

    /** Lays one desired field over a user body. */
    private static void overlay(ObjectNode body, String field, Object value, IdResolver ids) {
        ObjectNode features = body.with("userfeatures");
        if (field.equals("entity")) {
            features.put("entityid", ids.require(XivoWsKinds.entityKey(XivoWsMapping.apiText(value))));
        } else if (field.equals("lines")) {
            ObjectNode lines = XivoWsMapping.NODES.objectNode();
            ArrayNode lineIds = lines.putArray("id");
            ArrayNode numbers = lines.putArray("number");
            for (Object reference : XivoWsMapping.list(value)) {
                ResourceKey line = XivoWsKinds.lineKey(String.valueOf(reference));
                lineIds.add(ids.require(line));
                numbers.add(line.leaf());
            }
            body.set("linefeatures", lines);
        } else if (field.startsWith("voicemail.")) {
            body.with("voicemail").put(field.substring("voicemail.".length()), XivoWsMapping.apiText(value));
        } else if (field.startsWith("vmfeatures.")) {
            body.with("vmfeatures").put(field.substring("vmfeatures.".length()), XivoWsMapping.apiText(value));
        } else if (field.startsWith("dialaction.")) {
            body.with("dialaction").set(field.substring("dialaction.".length()), XivoWsMapping.apiJson(value));
        } else if (field.equals("groups") || field.equals("queues")) {
            String kind = field.equals("groups") ? "group" : "queue";
            ArrayNode selected = body.putArray(kind + "-select");
            ObjectNode settings = body.putObject(kind);
            for (Object member : XivoWsMapping.list(value)) {
                Map<?, ?> m = XivoWsMapping.map(member).orElse(Map.of());
                String name = String.valueOf(m.get("name"));
                selected.add(name);
                ObjectNode values = settings.putObject(name);
                m.forEach((k, v) -> {
                    if (!"name".equals(k)) {
                        values.put(String.valueOf(k), XivoWsMapping.apiText(v));
                    }
                });
            }
        } else if (field.equals("funckeys")) {
            ObjectNode keys = body.putObject("phonefunckey");
            for (String array : List.of("fknum", "type", "typeval", "supervision")) {
                ArrayNode values = keys.putArray(array);
                for (Object key : XivoWsMapping.list(value)) {
                    Object v = XivoWsMapping.map(key).map(m -> m.get(array)).orElse(null);
                    values.add(v == null ? (array.equals("supervision") ? "0" : "") : XivoWsMapping.apiText(v));
                }
            }
        } else if (field.equals("queueskills")) {
            ArrayNode skills = body.putArray("queueskills");
            for (Object skill : XivoWsMapping.list(value)) {
                Map<?, ?> m = XivoWsMapping.map(skill).orElse(Map.of());
                ObjectNode out = skills.addObject();
                m.forEach((k, v) -> out.put(String.valueOf(k), XivoWsMapping.apiText(v)));
            }
        } else {
            features.put(field, XivoWsMapping.apiText(value));
        }
    }
}
