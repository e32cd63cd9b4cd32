package dev.switchboard.desired;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A mapping in a desired-state file, read field by field with the types the schema promises. Reads are
 * lenient (a field of the wrong type reads as absent: the schema has reported it already) and recorded
 * per schema definition, so that a test can prove every schema property is read.
 */
public final class YamlObject {

    private final YamlDocument document;
    private final String pointer;
    private final String definition;
    private final LoadContext context;
    /** The mapping itself, found once: re-walking the pointer from the root for every field was most of a load. */
    private JsonNode node;
    private String fieldPath;
    /** Where the mapping was written: given by the list or mapping holding it, or found from the pointer when asked. */
    private SourceLocation location;

    YamlObject(YamlDocument document, String pointer, String definition, LoadContext context) {
        this(document, pointer, null, null, definition, context);
    }

    private YamlObject(YamlDocument document, String pointer, JsonNode node, SourceLocation location, String definition,
                       LoadContext context) {
        this.document = document;
        this.pointer = pointer;
        this.node = node;
        this.location = location;
        this.definition = definition;
        this.context = context;
    }

    private JsonNode self() {
        if (node == null) {
            node = document.root().at(pointer);
        }
        return node;
    }

    private JsonNode field(String name) {
        context.recordRead(definition, name);
        return self().path(name);
    }

    public SourceLocation location() {
        if (location == null) {
            location = document.locationOf(pointer);
        }
        return location;
    }

    /** Where field {@code name} was written (its key), or this mapping's location when it is not here. */
    public SourceLocation locationOf(String name) {
        return self() instanceof YamlDocument.LocatedObject object && object.indexOf(name) >= 0
                ? document.at(object.mark(object.indexOf(name))) : location();
    }

    /** Where item {@code index} of list field {@code name} was written, or the nearest location above it. */
    public SourceLocation locationOf(String name, int index) {
        return self().get(name) instanceof YamlDocument.LocatedArray array && index >= 0 && index < array.size()
                ? document.at(array.mark(index))
                : document.locationOf(YamlDocument.child(YamlDocument.child(pointer, name), index));
    }

    public String fieldPath(String name, int index) {
        return YamlDocument.fieldPath(YamlDocument.child(YamlDocument.child(pointer, name), index));
    }

    /** Reports a problem at this object: an error, or a warning ({@link Problem#warningAt}) that leaves the state valid. */
    public void problem(Problem problem) {
        context.report(problem);
    }

    public String fieldPath() {
        if (fieldPath == null) {
            fieldPath = YamlDocument.fieldPath(pointer);
        }
        return fieldPath;
    }

    public String fieldPath(String name) {
        return YamlDocument.appendToFieldPath(fieldPath(), name);
    }

    /** A plain string that may not be a secret reference: a name, a key, a reference to another object. */
    public Optional<String> text(String name) {
        JsonNode node = field(name);
        if (!node.isTextual()) {
            return Optional.empty();
        }
        if (mayBeReference(node.asText()) && SecretResolver.isReference(node.asText())) {
            context.problems.add(Problem.at(locationOf(name), fieldPath(name), "this field cannot be a secret reference",
                    "write its value directly"));
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    /** A string that may be a secret reference: a {@code String} or a {@link dev.switchboard.model.Secret}. */
    public Optional<Object> textOrSecret(String name) {
        JsonNode node = field(name);
        if (!node.isTextual()) {
            return Optional.empty();
        }
        if (!mayBeReference(node.asText())) {
            return Optional.of(node.asText()); // what resolving would give, without the location it does not need
        }
        return context.resolveSecret(node.asText(), locationOf(name), fieldPath(name));
    }

    /** Without {@code ${} a value is neither a secret reference nor one written inside other text. */
    private static boolean mayBeReference(String text) {
        return text.contains("${");
    }

    /**
     * A password-like field: a {@link dev.switchboard.model.Secret} reference, or, where {@code literalAllowed}
     * (simulators and test servers on this machine, whose credentials are public), a plain string.
     */
    public Optional<Object> secret(String name, boolean literalAllowed) {
        Optional<Object> value = textOrSecret(name);
        if (value.isPresent() && value.get() instanceof String && !literalAllowed) {
            context.problems.add(Problem.at(locationOf(name), fieldPath(name),
                    "a secret written in the file: it would be committed to Git with it",
                    "write ${env:NAME} or ${file:PATH} and provide the value there"));
            return Optional.empty();
        }
        return value;
    }

    /**
     * The field as it was written, for values no typed read fits (a mapping of settings passed to the
     * API as they are); a secret reference in it is not resolved. Missing fields are a missing node.
     */
    public JsonNode node(String name) {
        return field(name);
    }

    public Optional<Long> integer(String name) {
        JsonNode node = field(name);
        return node.isIntegralNumber() && node.canConvertToLong() ? Optional.of(node.asLong()) : Optional.empty();
    }

    public Optional<Boolean> bool(String name) {
        JsonNode node = field(name);
        return node.isBoolean() ? Optional.of(node.asBoolean()) : Optional.empty();
    }

    public List<String> texts(String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : field(name)) {
            if (item.isTextual()) {
                values.add(item.asText());
            }
        }
        return values;
    }

    /** The mappings of a list field, each read against schema definition {@code itemDefinition}. */
    public List<YamlObject> objects(String name, String itemDefinition) {
        JsonNode list = field(name);
        List<YamlObject> objects = new ArrayList<>();
        if (list.size() == 0) {
            return objects;
        }
        String listPointer = YamlDocument.child(pointer, name);
        YamlDocument.LocatedArray located = list instanceof YamlDocument.LocatedArray array ? array : null;
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (item.isObject()) {
                objects.add(new YamlObject(document, YamlDocument.child(listPointer, i), item,
                        located == null ? null : document.at(located.mark(i)), itemDefinition, context));
            }
        }
        return objects;
    }

    public Optional<YamlObject> object(String name, String itemDefinition) {
        JsonNode child = field(name);
        return child.isObject()
                ? Optional.of(new YamlObject(document, YamlDocument.child(pointer, name), child, null, itemDefinition, context))
                : Optional.empty();
    }

    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        self().fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code protect}, {@code renamedFrom} and {@code ignore} (where the definition has it), plus the kind's ignores from settings. */
    public ResourceOptions options(boolean hasIgnore, Set<String> settingsIgnore) {
        Set<String> ignore = new LinkedHashSet<>(settingsIgnore);
        if (hasIgnore) {
            ignore.addAll(texts("ignore"));
        }
        // renamedFrom is read only where written, so that a kind whose schema lacks it reads no property it does not have
        Optional<String> renamedFrom = self().has("renamedFrom") ? text("renamedFrom") : Optional.empty();
        return new ResourceOptions(bool("protect").orElse(false), ignore, renamedFrom);
    }
}
