package dev.switchboard.desired;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a {@link YamlDocument} against one of the {@link Schemas} and says what is wrong in words a
 * person acts on: the field, where it is, and a hint ("did you mean ...", "quote it").
 */
public final class SchemaValidator {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Schemas trees;

    public SchemaValidator(Schemas schemas) {
        this.trees = schemas;
    }

    /** Adds one problem per schema violation in {@code document}; returns whether there were none. */
    public boolean validate(String schemaName, YamlDocument document, List<Problem> problems) {
        Schema schema = schemas.computeIfAbsent(schemaName, name -> registry.getSchema(tree(name)));
        List<Error> errors = schema.validate(document.root());
        // A oneOf of values (const branches with a description each, as editors show them) is one
        // problem listing the values, not one per branch that refused the value.
        List<String> choices = errors.stream().filter(SchemaValidator::isChoiceOfValues).map(SchemaValidator::location).toList();
        Set<String> seen = new LinkedHashSet<>();
        int before = problems.size();
        for (Error error : errors) {
            String location = location(error);
            if (choices.stream().anyMatch(choice -> location.startsWith(choice + "/"))) {
                continue;
            }
            Problem problem = describe(schemaName, document, error);
            if (seen.add(problem.render())) {
                problems.add(problem);
            }
        }
        return problems.size() == before;
    }

    private JsonNode tree(String name) {
        return trees.tree(name);
    }

    private Problem describe(String schemaName, YamlDocument document, Error error) {
        String pointer = pointerOf(error.getInstanceLocation());
        String keyword = Optional.ofNullable(error.getKeyword()).orElse("");
        String property = error.getProperty();
        switch (keyword) {
            case "additionalProperties", "unevaluatedProperties" -> {
                String fieldPointer = YamlDocument.child(pointer, property);
                List<String> allowed = allowedProperties(schemaName, error);
                String hint = Suggestions.closest(property, allowed)
                        .map(s -> "did you mean '" + s + "'?")
                        .orElse(allowed.isEmpty() ? "remove it" : "the fields allowed here are: " + String.join(", ", allowed));
                return Problem.at(document.locationOf(fieldPointer), YamlDocument.fieldPath(fieldPointer),
                        "unknown field '" + property + "'", hint);
            }
            case "required" -> {
                // A "then" of an if/then says when: the document's "Compulsory if routedInbound is true".
                Optional<String> when = condition(schemaName, error);
                return Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer),
                        "missing required field '" + property + "'" + when.map(w -> " (compulsory when " + w + ")").orElse(""),
                        "add " + property + ": to this object" + when.map(w -> ", or change " + w.substring(0, w.indexOf(' '))).orElse(""));
            }
            case "type" -> {
                JsonNode value = error.getInstanceNode();
                String expected = expectedType(error);
                String hint;
                if (value != null && value.isNumber() && expected.contains("string")) {
                    hint = "quote it: \"" + value.asText() + "\"";
                } else if (value != null && value.isTextual() && expected.contains("integer")
                        && value.asText().matches("-?[0-9]+")) {
                    hint = "remove the quotes: " + value.asText();
                } else {
                    hint = "write " + article(expected) + " here";
                }
                return Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer),
                        "must be " + article(expected) + ", not " + article(typeOf(value)), hint);
            }
            case "enum", "const" -> {
                JsonNode value = error.getInstanceNode();
                List<String> options = allowedValues(error.getSchemaNode());
                String hint = value != null && value.isTextual()
                        ? Suggestions.closest(value.asText(), options).map(s -> "did you mean '" + s + "'?")
                            .orElse("use one of: " + String.join(", ", options))
                        : "use one of: " + String.join(", ", options);
                return Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer),
                        (value == null ? "the value" : "'" + value.asText() + "'") + " is not allowed here", hint);
            }
            case "oneOf" -> {
                if (!isChoiceOfValues(error)) {
                    return Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer), plainMessage(error));
                }
                JsonNode value = error.getInstanceNode();
                List<String> options = new ArrayList<>();
                error.getSchemaNode().forEach(branch -> {
                    String meaning = branch.path("description").asText("").trim();
                    if (branch.has("const")) {
                        options.add(branch.get("const").asText() + (meaning.isEmpty() ? "" : " (" + asHint(meaning) + ")"));
                    } else {
                        options.add(asHint(meaning));
                    }
                });
                return Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer),
                        (value == null ? "the value" : "'" + value.asText() + "'") + " is not allowed here",
                        "use one of: " + String.join(", ", options));
            }
            case "minimum", "maximum" -> {
                Optional<JsonNode> schema = parentSchema(schemaName, error);
                String bound = Optional.ofNullable(error.getSchemaNode()).map(JsonNode::asText).orElse("?");
                String hint = schema.filter(x -> x.has("minimum") && x.has("maximum"))
                        .map(x -> "write a number from " + x.get("minimum").asText() + " to " + x.get("maximum").asText())
                        .orElse("write " + bound + (keyword.equals("minimum") ? " or more" : " or less"));
                return Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer),
                        "must be " + (keyword.equals("minimum") ? "at least " : "at most ") + bound
                                + ", not " + Optional.ofNullable(error.getInstanceNode()).map(JsonNode::asText).orElse("this"),
                        hint);
            }
            case "minLength", "minProperties", "minItems" -> {
                int least = Optional.ofNullable(error.getSchemaNode()).map(JsonNode::asInt).orElse(1);
                if (least <= 1) {
                    return keyword.equals("minLength") ? empty(document, pointer)
                            : Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer), "must not be empty",
                                    "add an entry under it");
                }
                return Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer),
                        "must have at least " + least + (keyword.equals("minLength") ? " characters" : " entries"),
                        "write more, or leave the field out");
            }
            case "uniqueItems" -> {
                return Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer),
                        "lists the same value more than once", "remove the repeated value");
            }
            case "propertyNames" -> {
                String hint = parentSchema(schemaName, error).map(x -> x.has("propertyNames") ? x.get("propertyNames") : x)
                        .map(x -> x.path("description").asText("")).filter(d -> !d.isBlank())
                        .map(SchemaValidator::asHint)
                        .orElse("rename it");
                String fieldPointer = property == null ? pointer : YamlDocument.child(pointer, property);
                return Problem.at(document.locationOf(fieldPointer), YamlDocument.fieldPath(fieldPointer),
                        "'" + property + "' is not allowed as a name here", hint);
            }
            case "pattern" -> {
                JsonNode instance = error.getInstanceNode();
                if (instance != null && instance.isTextual() && instance.asText().isEmpty()
                        && parentSchema(schemaName, error).map(x -> x.has("minLength")).orElse(false)) {
                    return empty(document, pointer); // the same words as minLength's, said once
                }
                // The validator's own words ("does not match the regex pattern ^[0-9]+(ms|s|m)$") read as a
                // program's; the field's description, where the schema has one, says what to write.
                JsonNode value = error.getInstanceNode();
                String hint = parentSchema(schemaName, error).map(s -> s.path("description").asText("").trim())
                        .filter(d -> !d.isBlank())
                        .map(SchemaValidator::asHint)
                        .orElse("write a value of the form " + Optional.ofNullable(error.getSchemaNode())
                                .map(JsonNode::asText).orElse("the schema gives"));
                return Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer),
                        (value == null ? "the value" : "'" + value.asText() + "'") + " is not in the form this field takes",
                        hint);
            }
            case "false" -> {
                return Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer),
                        "this field is not allowed for this kind of target", "remove it");
            }
            default -> {
                return Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer), plainMessage(error));
            }
        }
    }

    /**
     * Whether {@code error} is a oneOf that lists values: const branches, and any other branch described. (The
     * validator reports a failed anyOf by its branches' errors alone, so a list of values is written as a oneOf.)
     */
    private static boolean isChoiceOfValues(Error error) {
        JsonNode branches = error.getSchemaNode();
        if (!"oneOf".equals(error.getKeyword())
                || branches == null || !branches.isArray() || branches.isEmpty()) {
            return false;
        }
        boolean anyConst = false;
        for (JsonNode branch : branches) {
            anyConst |= branch.has("const");
            if (!branch.has("const") && branch.path("description").asText("").isBlank()) {
                return false;
            }
        }
        return anyConst;
    }

    private static String location(Error error) {
        return Optional.ofNullable(error.getSchemaLocation()).map(Object::toString).orElse("");
    }

    private static Problem empty(YamlDocument document, String pointer) {
        return Problem.at(document.locationOf(pointer), YamlDocument.fieldPath(pointer), "must not be empty",
                "write a value");
    }

    /** A schema description ("A duration: 30s, 2m.") as a hint ("a duration: 30s, 2m"). */
    private static String asHint(String description) {
        String d = description.trim().replaceAll("\\.$", "");
        return Character.toLowerCase(d.charAt(0)) + d.substring(1);
    }

    /** The schema holding the keyword that failed (a property's schema, for a {@code pattern}). */
    /** For an error of a {@code then}, its {@code if}'s single condition in words: {@code routedInbound is true}. */
    private Optional<String> condition(String schemaName, Error error) {
        String fragment = Optional.ofNullable(error.getSchemaLocation()).map(Object::toString).orElse("");
        int then = fragment.lastIndexOf("/then/");
        int hash = fragment.indexOf('#');
        if (then < 0 || hash < 0 || then < hash) {
            return Optional.empty();
        }
        JsonNode conditions = tree(schemaName).at(fragment.substring(hash + 1, then) + "/if/properties");
        if (!conditions.isObject() || conditions.size() != 1) {
            return Optional.empty();
        }
        String field = conditions.fieldNames().next();
        JsonNode value = conditions.get(field).path("const");
        return value.isMissingNode() ? Optional.empty() : Optional.of(field + " is " + value.asText());
    }

    private Optional<JsonNode> parentSchema(String schemaName, Error error) {
        String fragment = Optional.ofNullable(error.getSchemaLocation()).map(Object::toString).orElse("");
        int hash = fragment.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        String keywordPointer = fragment.substring(hash + 1);
        int last = keywordPointer.lastIndexOf('/');
        JsonNode schema = tree(schemaName).at(last < 0 ? "" : keywordPointer.substring(0, last));
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    /** The property names the object schema that refused a field allows, for "did you mean". */
    private List<String> allowedProperties(String schemaName, Error error) {
        String fragment = Optional.ofNullable(error.getSchemaLocation()).map(Object::toString).orElse("");
        int hash = fragment.indexOf('#');
        if (hash < 0) {
            return List.of();
        }
        String objectPointer = fragment.substring(hash + 1);
        int last = objectPointer.lastIndexOf('/');
        objectPointer = last < 0 ? "" : objectPointer.substring(0, last);
        JsonNode objectSchema = tree(schemaName).at(objectPointer);
        List<String> names = new ArrayList<>();
        JsonNode properties = objectSchema.path("properties");
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!properties.get(name).isBoolean()) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> allowedValues(JsonNode keywordValue) {
        List<String> values = new ArrayList<>();
        if (keywordValue == null) {
            return values;
        }
        if (keywordValue.isArray()) {
            keywordValue.forEach(v -> values.add(v.asText()));
        } else {
            values.add(keywordValue.asText());
        }
        return values;
    }

    private static String expectedType(Error error) {
        JsonNode type = error.getSchemaNode();
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(t.asText()));
            return String.join(" or ", names);
        }
        String message = plainMessage(error);
        int at = message.lastIndexOf(", ");
        return at >= 0 ? message.substring(at + 2).replace(" expected", "") : "another type";
    }

    private static String typeOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "list" : "mapping";
    }

    private static String article(String type) {
        return switch (type) {
            case "integer" -> "an integer";
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "null" -> "empty";
            case "string" -> "a string";
            case "boolean" -> "a boolean (true or false)";
            case "number" -> "a number";
            case "list" -> "a list";
            case "mapping" -> "a mapping";
            default -> type;
        };
    }

    /** The validator's message without the instance path it starts with. */
    private static String plainMessage(Error error) {
        String message = error.getMessage();
        if (message.startsWith("$")) {
            int colon = message.indexOf(": ");
            if (colon > 0) {
                return message.substring(colon + 2);
            }
        }
        return message;
    }

    private static String pointerOf(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        if (path == null) {
            return "";
        }
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer.append('/').append(element instanceof Integer index
                    ? index.toString()
                    : String.valueOf(element).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
