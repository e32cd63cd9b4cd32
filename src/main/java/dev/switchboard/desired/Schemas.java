package dev.switchboard.desired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON Schemas (draft 2020-12) of a desired state: one per installed target system, shipped as
 * {@code schemas/<kind>.schema.json}, and the one of {@code switchboard.yaml} ({@link #CONFIG}), composed
 * from the generic {@code schemas/switchboard.schema.json} and each system's {@code $defs/target} (the
 * fields a target of that system has of its own, such as its {@code auth}), so that a new system needs
 * no edit of the generic file.
 *
 * <p>In the composed schema, a target of kind {@code K} is checked against {@code $defs/K.target}: the
 * generic target fields and K's own, nothing else; every definition of K's schema is copied in as
 * {@code $defs/K.NAME}.
 */
public final class Schemas {

    public static final String CONFIG = "switchboard";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> trees = new LinkedHashMap<>();

    public Schemas(List<ResourceFileFormat> formats) {
        List<ResourceFileFormat> ordered = formats.stream()
                .sorted(java.util.Comparator.comparing(ResourceFileFormat::targetKind)).toList();
        trees.put(CONFIG, composeConfig(ordered));
        for (ResourceFileFormat format : ordered) {
            trees.put(format.schemaName(), shipped(format.schemaName()).orElseThrow(() -> new IllegalStateException(
                    "target system " + format.targetKind() + " ships no schemas/" + format.schemaName() + ".schema.json")));
        }
    }

    /** {@link #CONFIG} first, then one per target kind. */
    public List<String> names() {
        return List.copyOf(trees.keySet());
    }

    public Optional<JsonNode> find(String name) {
        return Optional.ofNullable(trees.get(name));
    }

    public JsonNode tree(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no schema named " + name));
    }

    /** The schema as text for editors and {@code switchboard schema}, or empty when there is none of that name. */
    public Optional<String> text(String name) {
        return find(name).map(tree -> {
            try {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + System.lineSeparator();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A schema file as shipped inside the application, parsed; empty when there is none. */
    static Optional<JsonNode> shipped(String name) {
        try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("the schema " + name + " shipped with Switchboard is unreadable", e);
        }
    }

    private static JsonNode composeConfig(List<ResourceFileFormat> formats) {
        ObjectNode config = (ObjectNode) shipped(CONFIG).orElseThrow(
                () -> new IllegalStateException("schemas/switchboard.schema.json is not in the application"));
        ObjectNode defs = (ObjectNode) config.get("$defs");
        ObjectNode generic = (ObjectNode) defs.get("target");
        ObjectNode target = JSON.createObjectNode();
        target.put("type", "object");
        target.set("description", generic.path("description").deepCopy());
        ArrayNode targetExamples = target.putArray("examples");
        target.set("required", generic.get("required").deepCopy());
        ObjectNode kindProperty = generic.path("properties").path("kind").deepCopy();
        ArrayNode kinds = kindProperty.putArray("enum");
        formats.forEach(f -> kinds.add(f.targetKind()));
        kindProperty.remove("type");
        target.putObject("properties").set("kind", kindProperty);
        ArrayNode branches = target.putArray("allOf");
        Set<String> kindNames = new LinkedHashSet<>();
        for (ResourceFileFormat format : formats) {
            String prefix = format.targetKind() + ".";
            JsonNode system = shipped(format.schemaName()).orElseThrow();
            system.path("$defs").fields().forEachRemaining(def -> defs.set(prefix + def.getKey(),
                    prefixRefs(def.getValue().deepCopy(), prefix)));
            JsonNode own = defs.path(prefix + "target");
            ObjectNode whole = generic.deepCopy();
            ObjectNode properties = (ObjectNode) whole.get("properties");
            own.path("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), p.getValue()));
            ArrayNode required = (ArrayNode) whole.get("required");
            own.path("required").forEach(required::add);
            // What an editor shows on a target of this kind: its own fields' words, and whole examples of it.
            whole.put("description", "A " + format.targetKind() + " target: the fields every target has (kind, url, prune, ...) and "
                    + format.targetKind() + "'s own. " + own.path("description").asText(""));
            ArrayNode examples = whole.putArray("examples");
            own.path("examples").forEach(example -> {
                ObjectNode complete = JSON.createObjectNode().put("kind", format.targetKind())
                        .put("url", "https://" + format.targetKind() + ".example.com");
                example.fields().forEachRemaining(f -> complete.set(f.getKey(), f.getValue().deepCopy()));
                examples.add(complete);
            });
            if (targetExamples.isEmpty() && !examples.isEmpty()) {
                targetExamples.add(examples.get(0).deepCopy());
            }
            defs.set(prefix + "target", whole);
            ObjectNode branch = branches.addObject();
            ObjectNode condition = branch.putObject("if");
            condition.putObject("properties").putObject("kind").put("const", format.targetKind());
            condition.putArray("required").add("kind");
            branch.putObject("then").put("$ref", "#/$defs/" + prefix + "target");
            format.kinds().stream().map(ResourceKind::name).forEach(kindNames::add);
        }
        defs.set("target", target);
        ObjectNode ignore = (ObjectNode) defs.path("settings").path("properties").path("ignore");
        ArrayNode names = ignore.putObject("propertyNames").putArray("enum");
        kindNames.stream().sorted().forEach(names::add);
        return config;
    }

    /** {@code #/$defs/X} becomes {@code #/$defs/PREFIXX} everywhere in {@code node}. */
    private static JsonNode prefixRefs(JsonNode node, String prefix) {
        if (node instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                fields.add(it.next());
            }
            for (String field : fields) {
                JsonNode value = object.get(field);
                if (field.equals("$ref") && value.isTextual() && value.asText().startsWith("#/$defs/")) {
                    object.put(field, "#/$defs/" + prefix + value.asText().substring("#/$defs/".length()));
                } else {
                    prefixRefs(value, prefix);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> prefixRefs(item, prefix));
        }
        return node;
    }
}
