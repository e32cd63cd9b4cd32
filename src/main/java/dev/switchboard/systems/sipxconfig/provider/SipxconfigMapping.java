package dev.switchboard.systems.sipxconfig.provider;

import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.ADDRESS_FIELDS;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.BUTTON_FIELDS;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.CONTACT_ADDRESSES;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.CONTACT_FIELDS;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.ENTRY_ADDRESSES;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.ENTRY_CONTACT_FIELDS;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.RING_FIELDS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.systems.sipxconfig.JsonValues;
import dev.switchboard.systems.sipxconfig.SipxconfigKinds.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * sipXconfig JSON to the desired-state shape and back (see {@link dev.switchboard.systems.sipxconfig.SipxconfigKinds}):
 * the wrapped (XStream) and bare (Jackson) dialects, the three spellings of a phonebook entry, nested
 * objects flattened into dotted field names, and the overlay of declared fields onto a live object.
 */
final class SipxconfigMapping {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SipxconfigMapping() {
    }

    /** {@code {"root": {...}}} to its content, as XStream wraps its JSON; anything else as it is. */
    static JsonNode unwrap(JsonNode body, String root) {
        if (body.isObject() && body.size() == 1 && body.has(root) && body.get(root).isObject()) {
            return body.get(root);
        }
        return body;
    }

    /**
     * The items of a list answer, however it is wrapped: {@code [..]}, {@code {"root": [..]}},
     * {@code {"root": {"item": [..]}}}, or a single {@code item} object where a list of one was written so.
     */
    static List<JsonNode> items(JsonNode list, String root, String item) {
        JsonNode node = list;
        if (node.isObject() && node.has(root)) {
            node = node.get(root);
        }
        if (node.isObject() && node.has(item)) {
            node = node.get(item);
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (node.isObject() && !node.isEmpty()) {
            items.add(node);
        }
        return items;
    }

    static Optional<Object> value(JsonNode node) {
        return JsonValues.value(node);
    }

    static JsonNode json(Object value) {
        return JsonValues.json(value);
    }

    /** One typed field of a JSON object, as XML-minded servers may send a number or a boolean as text. */
    static Optional<Object> field(JsonNode object, Field field) {
        JsonNode node = object.get(field.name());
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        return switch (field.type()) {
            case TEXT -> node.isValueNode() ? Optional.of(node.asText()) : Optional.empty();
            case BOOLEAN -> node.isBoolean() || node.isTextual() ? Optional.of(node.asBoolean()) : Optional.empty();
            case INTEGER -> node.canConvertToLong() || node.isTextual() ? Optional.of(node.asLong()) : Optional.empty();
            case NODE -> value(node);
        };
    }

    /** Puts each of {@code fields} that {@code object} has into {@code out}, named {@code prefix + name}. */
    static void read(JsonNode object, List<Field> fields, String prefix, Map<String, Object> out) {
        for (Field field : fields) {
            field(object, field).ifPresent(v -> out.put(prefix + field.name(), v));
        }
    }

    /** The items of a JSON list, each reduced to {@code fields}: call forwarding rings, speed dial buttons. */
    static List<Object> list(JsonNode list, String item, List<Field> fields) {
        List<Object> out = new ArrayList<>();
        for (JsonNode element : items(list, "", item)) {
            Map<String, Object> one = new LinkedHashMap<>();
            read(element, fields, "", one);
            out.add(one);
        }
        return out;
    }

    /**
     * Sets the declared {@code fields} of {@code desired} on {@code live} (a copy of the live JSON object),
     * dotted names on nested objects; everything else in {@code live} stays as the server gave it.
     */
    static ObjectNode overlay(ObjectNode live, Map<String, Object> desired, Collection<String> fields) {
        for (String name : fields) {
            if (!desired.containsKey(name)) {
                continue;
            }
            ObjectNode parent = live;
            String[] path = name.split("\\.");
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(path[i]);
                parent = child instanceof ObjectNode o ? o : parent.putObject(path[i]);
            }
            parent.set(path[path.length - 1], json(desired.get(name)));
        }
        return live;
    }

    // ---- kinds

    static Map<String, Object> callForwarding(JsonNode answer) {
        JsonNode sequence = unwrap(answer, "callsequence");
        Map<String, Object> fields = new LinkedHashMap<>();
        field(sequence, new Field("expiration", Field.Type.INTEGER)).ifPresent(v -> fields.put("expiration", v));
        JsonNode withVoicemail = sequence.has("withVoicemail") ? sequence.get("withVoicemail") : sequence.get("withVM");
        if (withVoicemail != null && !withVoicemail.isNull()) {
            fields.put("withVoicemail", withVoicemail.asBoolean());
        }
        fields.put("rings", list(sequence.path("rings"), "ring", RING_FIELDS));
        return fields;
    }

    /** The bare body of a call forwarding PUT (the document's own example is bare): the live one, overlaid. */
    static ObjectNode callForwardingBody(JsonNode answer, Map<String, Object> desired, Collection<String> fields) {
        ObjectNode body = unwrap(answer, "callsequence").deepCopy();
        // the server spells it as it reads it: withVM (sipXecs' Jackson bean) or withVoicemail (the document)
        String voicemailField = body.has("withVM") ? "withVM" : "withVoicemail";
        Map<String, Object> renamed = new LinkedHashMap<>(desired);
        List<String> names = new ArrayList<>();
        for (String field : fields) {
            if (field.equals("withVoicemail")) {
                renamed.put(voicemailField, desired.get(field));
                names.add(voicemailField);
            } else {
                names.add(field);
            }
        }
        return overlay(body, renamed, names);
    }

    static Map<String, Object> contactInformation(JsonNode answer) {
        JsonNode contact = unwrap(answer, "contact-information");
        Map<String, Object> fields = new LinkedHashMap<>();
        read(contact, CONTACT_FIELDS, "", fields);
        for (String address : CONTACT_ADDRESSES) {
            read(contact.path(address), ADDRESS_FIELDS, address + ".", fields);
        }
        return fields;
    }

    static Map<String, Object> speedDial(JsonNode answer) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (answer.has("groupSpeedDial")) {
            fields.put("groupSpeedDial", answer.get("groupSpeedDial").asBoolean());
        }
        List<Object> buttons = new ArrayList<>();
        for (Object button : list(answer.path("buttons"), "button", BUTTON_FIELDS)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> b = (Map<String, Object>) button;
            if (!b.containsKey("blf")) {
                b.put("blf", false);
            }
            if ("".equals(b.get("label"))) {
                b.remove("label");
            }
            buttons.add(b);
        }
        fields.put("buttons", buttons);
        return fields;
    }

    /** The entry's natural key part, its number; empty for an entry without one. */
    static Optional<String> entryNumber(JsonNode entry) {
        JsonNode number = entry.get("number");
        return number == null || number.isNull() || number.asText().isEmpty() ? Optional.empty()
                : Optional.of(number.asText());
    }

    /** The entry's id as the server lists it; empty where the list omits ids or shows none (-1). */
    static Optional<String> entryId(JsonNode entry) {
        JsonNode id = entry.get("id");
        return id == null || id.isNull() || id.asText().isEmpty() || id.asLong(-1) < 0 ? Optional.empty()
                : Optional.of(id.asText());
    }

    static Map<String, Object> phonebookEntry(JsonNode entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        text(entry, "first-name", "firstName", "firstname").ifPresent(v -> fields.put("firstName", v));
        text(entry, "last-name", "lastName", "lastname").ifPresent(v -> fields.put("lastName", v));
        JsonNode contact = entry.has("contact-information") ? entry.get("contact-information")
                : entry.has("contactinformation") ? entry.get("contactinformation") : entry.path("contactInformation");
        read(contact, ENTRY_CONTACT_FIELDS, "contactInformation.", fields);
        for (String address : ENTRY_ADDRESSES) {
            read(contact.path(address), ADDRESS_FIELDS, "contactInformation." + address + ".", fields);
        }
        return fields;
    }

    /**
     * An entry as the document writes it in its PUT example ({@code {"entry": {"firstname", "lastname",
     * "number", "contactinformation"}}}): from a live entry overlaid with declared fields, or from nothing.
     */
    static ObjectNode phonebookEntryBody(Optional<JsonNode> live, String number, Map<String, Object> desired,
                                         Collection<String> fields) {
        ObjectNode entry = JSON.objectNode();
        ObjectNode contact = JSON.objectNode();
        live.ifPresent(l -> {
            text(l, "first-name", "firstName", "firstname").ifPresent(v -> entry.put("firstname", v));
            text(l, "last-name", "lastName", "lastname").ifPresent(v -> entry.put("lastname", v));
            JsonNode given = l.has("contact-information") ? l.get("contact-information")
                    : l.has("contactinformation") ? l.get("contactinformation") : l.path("contactInformation");
            if (given.isObject()) {
                contact.setAll((ObjectNode) given.deepCopy());
            }
        });
        entry.put("number", number);
        for (String field : fields) {
            Object value = desired.get(field);
            if (value == null) {
                continue;
            }
            switch (field) {
                case "firstName" -> entry.set("firstname", json(value));
                case "lastName" -> entry.set("lastname", json(value));
                default -> {
                    if (field.startsWith("contactInformation.")) {
                        overlay(contact, Map.of(field.substring("contactInformation.".length()), value),
                                List.of(field.substring("contactInformation.".length())));
                    }
                }
            }
        }
        contact.remove("avatar");
        entry.set("contactinformation", contact);
        ObjectNode wrapped = JSON.objectNode();
        wrapped.set("entry", entry);
        return wrapped;
    }

    /** {@code {"root": object}}: how XStream resources (contact information, conference settings) read JSON. */
    static ObjectNode wrap(String root, JsonNode object) {
        ObjectNode wrapped = JSON.objectNode();
        wrapped.set(root, object);
        return wrapped;
    }

    private static Optional<String> text(JsonNode object, String... names) {
        for (String name : names) {
            JsonNode node = object.get(name);
            if (node != null && !node.isNull() && node.isValueNode()) {
                return Optional.of(node.asText());
            }
        }
        return Optional.empty();
    }
}
