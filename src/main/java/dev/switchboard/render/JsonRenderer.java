package dev.switchboard.render;

import dev.switchboard.plan.SafetyVerdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.diff.FieldDiff;
import dev.switchboard.model.Resource;
import dev.switchboard.model.Secret;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.Plan;
import dev.switchboard.plan.PlanError;
import dev.switchboard.plan.PlanWarning;
import dev.switchboard.plan.SecretRef;
import dev.switchboard.plan.Summary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan as JSON for machines (SPEC section 5). Schema, {@code formatVersion} 1 (a new major shape
 * gets a new version; fields are only ever added within one):
 * <pre>
 * {
 *   "formatVersion": 1,
 *   "changes": [{
 *     "target": "olx-main", "kind": "mailbox", "key": "Acme/1001",
 *     "action": "create" | "update" | "delete" | "unmanaged" | "no-op",
 *     "id": server ID, or "(known after apply)" for a create,
 *     "reason": one sentence,
 *     "before": {live fields} | null, "after": {desired fields} | null,
 *     "fields": [{"field": "lastName", "before": value | null, "after": value | null, "sensitive": false}]
 *   }],
 *   "errors": [{"target", "kind", "key", "reason": "protected" | "deletion-refused" | ..., "message"}],
 *   "summary": {"create": 3, "update": 1, "delete": 0, "unmanaged": 2, "noOp": 7, "changesPresent": true},
 *   "gate": {"applyWouldRefuse": true, "refusals": [{"target", "overridableByForce": true, "message"}]}
 * }
 * </pre>
 * Every sensitive value, wherever it appears, is the string {@code "(sensitive)"}. No-op changes are
 * listed only when the renderer is built to include them (a drift report listing every object).
 */
public final class JsonRenderer implements PlanRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean includeNoOp;

    public JsonRenderer(boolean includeNoOp) {
        this.includeNoOp = includeNoOp;
    }

    /** Without no-op changes. */
    public JsonRenderer() {
        this(false);
    }

    @Override
    public String render(Plan plan) {
        return pretty(document(plan)) + "\n";
    }

    /** The document as a tree, for callers that embed it (the daemon's status API). */
    public ObjectNode document(Plan plan) {
        ObjectNode root = NODES.objectNode();
        root.put("formatVersion", plan.formatVersion());
        ArrayNode changes = root.putArray("changes");
        plan.changes().stream().filter(c -> includeNoOp || ChangeLines.shown(c)).forEach(c -> changes.add(change(c)));
        ArrayNode errors = root.putArray("errors");
        plan.errors().forEach(e -> errors.add(error(e)));
        ArrayNode warnings = root.putArray("warnings");
        for (PlanWarning warning : plan.warnings()) {
            warnings.addObject().put("target", warning.target()).put("kind", warning.key().kind().name())
                    .put("key", warning.key().path()).put("field", warning.field()).put("message", warning.message());
        }
        ObjectNode summary = summary(plan.summary());
        summary.put("warnings", plan.warnings().size());
        root.set("summary", summary);
        ObjectNode gate = root.putObject("gate");
        SafetyVerdict verdict = plan.gate();
        gate.put("applyWouldRefuse", plan.hasChanges() && !verdict.allowed());
        ArrayNode refusals = gate.putArray("refusals");
        for (SafetyVerdict.Violation violation : verdict.refusals()) {
            refusals.addObject().put("target", violation.target()).put("overridableByForce", violation.overridable())
                    .put("message", violation.message());
        }
        if (plan.accepted().isPresent()) {
            gate.putObject("accepted").put("by", plan.accepted().get().by()).put("at", plan.accepted().get().at().toString());
        } else {
            gate.putNull("accepted");
        }
        ArrayNode overridden = gate.putArray("acceptedViolations");
        for (SafetyVerdict.Violation violation : verdict.overridden()) {
            overridden.addObject().put("target", violation.target()).put("message", violation.message());
        }
        return root;
    }

    private static ObjectNode change(Change change) {
        ObjectNode node = NODES.objectNode();
        node.put("target", change.target());
        node.put("kind", change.kind().name());
        node.put("key", change.key().path());
        change.renamedFrom().ifPresent(old -> node.put("renamedFrom", old.path()));
        node.put("action", change.action().json());
        node.put("id", change.liveId().orElse(Values.KNOWN_AFTER_APPLY));
        node.put("reason", change.reason());
        node.set("before", fields(change.before(), change.sensitiveFields()));
        node.set("after", fields(change.after(), change.sensitiveFields()));
        ArrayNode fields = node.putArray("fields");
        for (FieldDiff diff : change.fields()) {
            ObjectNode field = fields.addObject();
            field.put("field", diff.field());
            field.set("before", side(diff.before(), diff.sensitive()));
            field.set("after", side(diff.after(), diff.sensitive()));
            field.put("sensitive", diff.sensitive());
        }
        return node;
    }

    private static ObjectNode error(PlanError error) {
        ObjectNode node = NODES.objectNode();
        node.put("target", error.target());
        node.put("kind", error.key().kind().name());
        node.put("key", error.key().path());
        node.put("reason", error.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        node.put("message", error.message());
        return node;
    }

    private static ObjectNode summary(Summary summary) {
        ObjectNode node = NODES.objectNode();
        node.put("create", summary.create());
        node.put("update", summary.update());
        node.put("delete", summary.delete());
        node.put("replace", summary.replace());
        node.put("unmanaged", summary.unmanaged());
        node.put("noOp", summary.noOp());
        node.put("changesPresent", summary.changesPresent());
        return node;
    }

    private static JsonNode fields(Optional<Resource> resource, Set<String> sensitive) {
        if (resource.isEmpty()) {
            return NODES.nullNode();
        }
        ObjectNode fields = NODES.objectNode();
        resource.get().fields().forEach((name, v) ->
                fields.set(name, sensitive.contains(name) ? NODES.textNode(Secret.MASK) : value(v)));
        return fields;
    }

    private static JsonNode side(Optional<Object> value, boolean sensitive) {
        if (value.isEmpty()) {
            return NODES.nullNode();
        }
        return sensitive ? NODES.textNode(Secret.MASK) : value(value.get());
    }

    static JsonNode value(Object value) {
        if (value instanceof Secret || value instanceof SecretRef) {
            return NODES.textNode(Secret.MASK);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), value(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(value(item)));
            return array;
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        return value == null ? NODES.nullNode() : NODES.textNode(value.toString());
    }

    static String pretty(JsonNode node) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }
}
