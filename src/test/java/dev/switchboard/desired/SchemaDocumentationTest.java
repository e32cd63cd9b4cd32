package dev.switchboard.desired;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every shipped schema, as {@link Schemas} composes them (so a new system is covered without editing this
 * test), explains itself to an editor: every property, definition and map value has a description and
 * realistic {@code examples}; every example and every {@code default} is valid against the schema of its
 * own property (a wrong example fails here); and no {@code enum}, {@code oneOf} or {@code anyOf} is empty.
 */
class SchemaDocumentationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** Where the wrapper of a schema keeps its root, so that {@code #/x-root/properties/...} reaches a root property. */
    private static final String ROOT = "x-root";

    private final Schemas schemas = Fixtures.loader().schemas();

    @Test
    void everyPropertyHasADescriptionAndExamples() {
        List<String> offenders = new ArrayList<>();
        for (String name : schemas.names()) {
            walk(schemas.tree(name), "", false, (pointer, node) -> {
                if (node.path("description").asText("").isBlank()) {
                    offenders.add(name + "#" + pointer + ": no description");
                }
                if (!node.path("examples").isArray() || node.path("examples").isEmpty()) {
                    offenders.add(name + "#" + pointer + ": no examples");
                }
            });
        }
        assertThat(offenders).as(offenders.size() + " undocumented properties").isEmpty();
    }

    @Test
    void everyExampleAndDefaultIsValidForItsOwnProperty() {
        List<String> offenders = new ArrayList<>();
        for (String name : schemas.names()) {
            JsonNode tree = schemas.tree(name);
            walkAll(tree, "", (pointer, node) -> {
                List<JsonNode> values = new ArrayList<>();
                node.path("examples").forEach(values::add);
                if (node.has("default")) {
                    values.add(node.get("default"));
                }
                if (values.isEmpty()) {
                    return;
                }
                Schema own = subschema(tree, pointer);
                for (JsonNode value : values) {
                    List<Error> errors = own.validate(value);
                    if (!errors.isEmpty()) {
                        offenders.add(name + "#" + pointer + ": " + value + " is invalid: "
                                + errors.stream().map(Error::getMessage).toList());
                    }
                }
            });
        }
        assertThat(offenders).as(offenders.size() + " invalid examples or defaults").isEmpty();
    }

    @Test
    void noSetOfAllowedValuesIsEmpty() {
        List<String> offenders = new ArrayList<>();
        for (String name : schemas.names()) {
            walkAll(schemas.tree(name), "", (pointer, node) -> {
                for (String keyword : List.of("enum", "oneOf", "anyOf")) {
                    if (node.has(keyword) && (!node.get(keyword).isArray() || node.get(keyword).isEmpty())) {
                        offenders.add(name + "#" + pointer + "/" + keyword + " is empty");
                    }
                }
                if (node.has("const") && node.get("const").isNull()) {
                    offenders.add(name + "#" + pointer + "/const is null");
                }
            });
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void aWrongExampleIsCaught() {
        // The check above would pass vacuously if the validator accepted anything: it must refuse a bad value.
        JsonNode tree = schemas.tree("xci");
        assertThat(subschema(tree, "/$defs/template/properties/callerIdMode").validate(JSON.getNodeFactory().textNode("sometimes")))
                .isNotEmpty();
        assertThat(subschema(tree, "/properties/target").validate(JSON.getNodeFactory().numberNode(3))).isNotEmpty();
        assertThat(subschema(tree, "/properties/target").validate(JSON.getNodeFactory().textNode("xci-paris"))).isEmpty();
    }

    /** The schema at {@code pointer} of {@code tree}, its references resolved against {@code tree}'s definitions. */
    private static Schema subschema(JsonNode tree, String pointer) {
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        if (tree.has("$defs")) {
            wrapper.set("$defs", tree.get("$defs"));
        }
        ObjectNode root = tree.deepCopy();
        root.remove(List.of("$defs", "$id", "$schema"));
        wrapper.set(ROOT, root);
        wrapper.put("$ref", pointer.startsWith("/$defs/") ? "#" + pointer : "#/" + ROOT + pointer);
        return REGISTRY.getSchema(wrapper);
    }

    private interface Visitor {
        void visit(String pointer, JsonNode node);
    }

    /**
     * Visits every schema that declares a field of a file: the values of {@code properties} and
     * {@code patternProperties}, map values ({@code additionalProperties}) and definitions ({@code $defs}),
     * at every depth, inside {@code items}, {@code oneOf}/{@code anyOf}/{@code allOf} branches and
     * {@code then}/{@code else}. An {@code if} only tests fields declared elsewhere and is not visited.
     */
    private static void walk(JsonNode node, String pointer, boolean declaresAField, Visitor visitor) {
        if (!node.isObject()) {
            return;
        }
        if (declaresAField) {
            visitor.visit(pointer, node);
        }
        for (String keyword : List.of("properties", "patternProperties", "$defs")) {
            node.path(keyword).fields().forEachRemaining(field -> walk(field.getValue(),
                    pointer + "/" + keyword + "/" + escape(field.getKey()), true, visitor));
        }
        if (node.path("additionalProperties").isObject()) {
            walk(node.get("additionalProperties"), pointer + "/additionalProperties", true, visitor);
        }
        for (String keyword : List.of("items", "then", "else", "not")) {
            walk(node.path(keyword), pointer + "/" + keyword, false, visitor);
        }
        for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
            for (int i = 0; i < node.path(keyword).size(); i++) {
                walk(node.get(keyword).get(i), pointer + "/" + keyword + "/" + i, false, visitor);
            }
        }
    }

    /** Visits every subschema, wherever it is. */
    private static void walkAll(JsonNode node, String pointer, Visitor visitor) {
        if (!node.isObject()) {
            return;
        }
        visitor.visit(pointer, node);
        Set<String> maps = Set.of("properties", "patternProperties", "$defs");
        Set<String> lists = Set.of("oneOf", "anyOf", "allOf", "prefixItems");
        Set<String> single = Set.of("items", "then", "else", "not", "if", "additionalProperties", "propertyNames",
                "contains", "unevaluatedProperties", "unevaluatedItems");
        node.fields().forEachRemaining(field -> {
            String key = field.getKey();
            String at = pointer + "/" + escape(key);
            if (maps.contains(key)) {
                field.getValue().fields().forEachRemaining(f -> walkAll(f.getValue(), at + "/" + escape(f.getKey()), visitor));
            } else if (lists.contains(key)) {
                for (int i = 0; i < field.getValue().size(); i++) {
                    walkAll(field.getValue().get(i), at + "/" + i, visitor);
                }
            } else if (single.contains(key)) {
                walkAll(field.getValue(), at, visitor);
            }
        });
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
