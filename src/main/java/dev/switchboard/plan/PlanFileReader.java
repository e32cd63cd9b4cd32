package dev.switchboard.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.diff.FieldDiff;
import dev.switchboard.model.KeyPattern;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.Secret;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the parts of a {@link PlanFile}; secret fields come back as {@link SecretRef}s. */
final class PlanFileReader {

    private final ObjectMapper json;
    private final Map<String, ResourceKind> kinds = new HashMap<>();

    private PlanFileReader(ObjectMapper json) {
        this.json = json;
    }

    static SavedPlan saved(JsonNode root, ObjectMapper json) {
        List<TargetPlan> targets = new ArrayList<>();
        for (JsonNode target : required(root, "targets")) {
            targets.add(new PlanFileReader(json).target(target));
        }
        Optional<String> revision = Optional.ofNullable(root.get("revision")).filter(n -> !n.isNull()).map(JsonNode::asText);
        JsonNode accepted = root.get("accepted");
        Plan plan = Plan.of(targets);
        if (accepted != null && !accepted.isNull()) {
            plan = plan.accept(new Acceptance(required(accepted, "by").asText(), Instant.parse(required(accepted, "at").asText())));
        }
        return new SavedPlan(Instant.parse(required(root, "createdAt").asText()), revision,
                Path.of(required(root, "configDir").asText()), plan);
    }

    private TargetPlan target(JsonNode node) {
        String name = required(node, "target").asText();
        String targetKind = node.path("targetKind").asText("");
        for (JsonNode kind : required(node, "kinds")) {
            Set<String> writeOnly = new HashSet<>();
            kind.path("writeOnlyFields").forEach(f -> writeOnly.add(f.asText()));
            String kindName = required(kind, "name").asText();
            kinds.put(kindName, new ResourceKind(targetKind, kindName, writeOnly));
        }
        JsonNode p = required(node, "policy");
        TargetSpec.Policy policy = new TargetSpec.Policy(p.path("prune").asBoolean(), p.path("readOnly").asBoolean(),
                p.path("suspend").asBoolean(), required(p, "maxDeletePercent").asInt(),
                required(p, "maxUpdatePercent").asInt(), required(p, "parallelism").asInt(), protect(p));
        List<Change> changes = new ArrayList<>();
        for (JsonNode change : required(node, "changes")) {
            changes.add(change(name, change));
        }
        List<PlanError> errors = new ArrayList<>();
        for (JsonNode error : required(node, "errors")) {
            errors.add(new PlanError(name, key(required(error, "kind").asText(), required(error, "key")),
                    PlanError.Reason.valueOf(required(error, "reason").asText()), required(error, "message").asText()));
        }
        return new TargetPlan(name, policy, required(node, "liveObjects").asInt(), changes, errors);
    }

    private Change change(String target, JsonNode node) {
        List<FieldDiff> fields = new ArrayList<>();
        for (JsonNode field : required(node, "fields")) {
            boolean sensitive = field.path("sensitive").asBoolean();
            fields.add(new FieldDiff(required(field, "field").asText(), side(field.get("before"), sensitive),
                    side(field.get("after"), sensitive), sensitive));
        }
        ResourceKey key = key(required(node, "kind").asText(), required(node, "key"));
        ResourceKey liveKey = node.hasNonNull("renamedFrom") ? key(required(node, "kind").asText(), node.get("renamedFrom")) : key;
        return new Change(target, key, Action.fromJson(required(node, "action").asText()),
                resource(node.get("before"), liveKey), resource(node.get("after"), key), fields, required(node, "reason").asText(),
                Optional.ofNullable(node.get("liveFingerprint")).filter(n -> !n.isNull()).map(JsonNode::asText));
    }

    private Optional<Resource> resource(JsonNode node, ResourceKey key) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Set<String> secretFields = new HashSet<>();
        node.path("secretFields").forEach(f -> secretFields.add(f.asText()));
        Map<String, Object> fields = new LinkedHashMap<>();
        required(node, "fields").fields().forEachRemaining(f -> fields.put(f.getKey(),
                secretFields.contains(f.getKey()) ? secretRef(f.getValue().asText()) : plain(f.getValue())));
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        for (JsonNode qualified : node.path("dependsOn")) {
            List<String> parts = new ArrayList<>();
            qualified.forEach(part -> parts.add(part.asText()));
            dependsOn.add(new ResourceKey(kindNamed(parts.get(0)), parts.subList(1, parts.size())));
        }
        Set<String> ignore = new HashSet<>();
        node.path("ignore").forEach(f -> ignore.add(f.asText()));
        JsonNode origin = node.get("origin");
        Optional<SourceLocation> location = origin == null || origin.isNull() ? Optional.empty()
                : Optional.of(new SourceLocation(Path.of(origin.path("file").asText()), origin.path("line").asInt(),
                origin.path("column").asInt()));
        JsonNode id = node.get("id");
        return Optional.of(new Resource(key, fields, dependsOn,
                id == null || id.isNull() ? Optional.empty() : Optional.of(id.asText()),
                new ResourceOptions(node.path("protect").asBoolean(), ignore), location));
    }

    private Optional<Object> side(JsonNode node, boolean sensitive) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(sensitive ? secretRef(node.asText()) : plain(node));
    }

    private static SecretRef secretRef(String stored) {
        return stored.equals(Secret.MASK) ? SecretRef.masked() : SecretRef.to(stored);
    }

    private Object plain(JsonNode node) {
        return json.convertValue(node, Object.class);
    }

    private ResourceKey key(String kind, JsonNode parts) {
        List<String> names = new ArrayList<>();
        parts.forEach(p -> names.add(p.asText()));
        return new ResourceKey(kindNamed(kind), names);
    }

    private ResourceKind kindNamed(String name) {
        ResourceKind kind = kinds.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("kind '" + name + "' is not among the target's kinds");
        }
        return kind;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value;
    }

    private static List<KeyPattern> protect(JsonNode policy) {
        List<KeyPattern> patterns = new ArrayList<>();
        policy.path("protect").forEach(pattern -> patterns.add(KeyPattern.parse(pattern.asText())));
        return patterns;
    }
}
