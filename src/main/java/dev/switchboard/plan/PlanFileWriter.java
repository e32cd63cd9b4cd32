package dev.switchboard.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.diff.FieldDiff;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Writes the parts of a {@link PlanFile}; never a secret's value. */
final class PlanFileWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanFileWriter() {
    }

    static ObjectNode target(TargetPlan target) {
        ObjectNode node = NODES.objectNode();
        node.put("target", target.target());
        Map<String, ResourceKind> kinds = new TreeMap<>();
        target.changes().forEach(c -> {
            kinds.put(c.kind().name(), c.kind());
            c.before().ifPresent(r -> r.dependsOn().forEach(k -> kinds.putIfAbsent(k.kind().name(), k.kind())));
            c.after().ifPresent(r -> r.dependsOn().forEach(k -> kinds.putIfAbsent(k.kind().name(), k.kind())));
        });
        target.errors().forEach(e -> kinds.putIfAbsent(e.key().kind().name(), e.key().kind()));
        node.put("targetKind", kinds.values().stream().map(ResourceKind::targetKind).findFirst().orElse(null));
        ObjectNode policy = node.putObject("policy");
        policy.put("prune", target.policy().prune());
        policy.put("readOnly", target.policy().readOnly());
        policy.put("suspend", target.policy().suspend());
        policy.put("maxDeletePercent", target.policy().maxDeletePercent());
        policy.put("maxUpdatePercent", target.policy().maxUpdatePercent());
        policy.put("parallelism", target.policy().parallelism());
        ArrayNode protect = policy.putArray("protect");
        target.policy().protect().forEach(pattern -> protect.add(pattern.toString()));
        node.put("liveObjects", target.liveObjects());
        ArrayNode kindList = node.putArray("kinds");
        kinds.values().forEach(k -> {
            ObjectNode kind = kindList.addObject();
            kind.put("name", k.name());
            ArrayNode writeOnly = kind.putArray("writeOnlyFields");
            k.writeOnlyFields().stream().sorted().forEach(writeOnly::add);
        });
        ArrayNode changes = node.putArray("changes");
        target.changes().forEach(c -> changes.add(change(c)));
        ArrayNode errors = node.putArray("errors");
        target.errors().forEach(e -> {
            ObjectNode error = errors.addObject();
            error.put("kind", e.key().kind().name());
            error.set("key", key(e.key()));
            error.put("reason", e.reason().name());
            error.put("message", e.message());
        });
        return node;
    }

    private static ObjectNode change(Change change) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", change.kind().name());
        node.set("key", key(change.key()));
        change.renamedFrom().ifPresent(old -> node.set("renamedFrom", key(old)));
        node.put("action", change.action().json());
        node.put("reason", change.reason());
        node.put("liveFingerprint", change.liveFingerprint().orElse(null));
        Set<String> sensitive = change.sensitiveFields();
        node.set("before", change.before().<JsonNode>map(r -> resource(r, sensitive)).orElse(NODES.nullNode()));
        node.set("after", change.after().<JsonNode>map(r -> resource(r, sensitive)).orElse(NODES.nullNode()));
        ArrayNode fields = node.putArray("fields");
        change.fields().forEach(f -> fields.add(fieldDiff(f)));
        return node;
    }

    /** How a value of a resource field or a diff side is written: never a secret's value. */
    static JsonNode value(Object value) {
        if (value instanceof Secret secret) {
            return NODES.textNode(SecretRef.stored(secret));
        }
        if (value instanceof SecretRef ref) {
            return NODES.textNode(ref.reference().orElse(Secret.MASK));
        }
        return JSON.valueToTree(masked(value));
    }

    private static Object masked(Object value) {
        if (value instanceof Secret || value instanceof SecretRef) {
            return Secret.MASK;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(masked(item)));
            return items;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> entries.put(String.valueOf(k), masked(v)));
            return entries;
        }
        return value;
    }

    static JsonNode key(ResourceKey key) {
        ArrayNode parts = NODES.arrayNode();
        key.parts().forEach(parts::add);
        return parts;
    }

    /** A sensitive side: the reference of a secret, {@value Secret#MASK} for anything else. */
    static JsonNode sensitive(Optional<Object> value) {
        return value.<JsonNode>map(v -> v instanceof Secret || v instanceof SecretRef ? value(v)
                : NODES.textNode(Secret.MASK)).orElse(NODES.nullNode());
    }

    static ArrayNode qualifiedKey(ResourceKey key) {
        ArrayNode parts = NODES.arrayNode();
        parts.add(key.kind().name());
        key.parts().forEach(parts::add);
        return parts;
    }

    /** {@code sensitive} fields are written as secrets are, whatever their type. */
    static ObjectNode resource(Resource resource, Set<String> sensitive) {
        ObjectNode node = NODES.objectNode();
        node.put("id", resource.id().orElse(null));
        ObjectNode fields = node.putObject("fields");
        ArrayNode secretFields = node.putArray("secretFields");
        resource.fields().forEach((name, v) -> {
            if (sensitive.contains(name)) {
                fields.set(name, sensitive(Optional.of(v)));
                secretFields.add(name);
            } else {
                fields.set(name, value(v));
            }
        });
        ArrayNode dependsOn = node.putArray("dependsOn");
        resource.dependsOn().forEach(k -> dependsOn.add(qualifiedKey(k)));
        node.put("protect", resource.options().protect());
        ArrayNode ignore = node.putArray("ignore");
        resource.options().ignore().stream().sorted().forEach(ignore::add);
        if (resource.origin().isPresent()) {
            ObjectNode origin = node.putObject("origin");
            origin.put("file", resource.origin().get().file().toString());
            origin.put("line", resource.origin().get().line());
            origin.put("column", resource.origin().get().column());
        } else {
            node.putNull("origin");
        }
        return node;
    }

    static ObjectNode fieldDiff(FieldDiff diff) {
        ObjectNode node = NODES.objectNode();
        node.put("field", diff.field());
        node.set("before", diff.sensitive() ? sensitive(diff.before()) : diff.before().map(PlanFileWriter::value).orElse(NODES.nullNode()));
        node.set("after", diff.sensitive() ? sensitive(diff.after()) : diff.after().map(PlanFileWriter::value).orElse(NODES.nullNode()));
        node.put("sensitive", diff.sensitive());
        return node;
    }
}
