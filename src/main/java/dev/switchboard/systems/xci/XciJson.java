package dev.switchboard.systems.xci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Secret;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values between the API's JSON and the desired-state shape: strings, {@link Long}s, booleans, lists and
 * maps; JSON null is an absent field. A {@link Secret} is revealed only here, into a request body.
 */
final class XciJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private XciJson() {
    }

    /** The desired-shape value of a JSON value; empty for null or missing. */
    static Optional<Object> value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.asText());
        }
        if (node.isBoolean()) {
            return Optional.of(node.asBoolean());
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.asLong());
        }
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> value(item).ifPresent(list::add));
            return Optional.of(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> value(field.getValue()).ifPresent(v -> map.put(field.getKey(), v)));
        return Optional.of(map);
    }

    /** The JSON of a desired-shape value, for a request body. */
    static JsonNode json(Object value) {
        if (value instanceof Secret secret) {
            return NODES.textNode(secret.reveal());
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number.longValue());
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(json(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), json(v)));
            return object;
        }
        return NODES.textNode(String.valueOf(value));
    }

    /** A desired field as text: the name of a referenced object. */
    static String text(Object value) {
        return value instanceof Secret secret ? secret.reveal() : String.valueOf(value);
    }

    /** A desired field holding a list of names. */
    static List<String> texts(Object value) {
        return value instanceof List<?> list ? list.stream().map(XciJson::text).toList() : List.of(text(value));
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** Copies {@code fields} of {@code from} that are present and not null. */
    static ObjectNode pick(JsonNode from, List<String> fields) {
        ObjectNode picked = NODES.objectNode();
        for (String field : fields) {
            JsonNode value = from.get(field);
            if (value != null && !value.isNull()) {
                picked.set(field, value.deepCopy());
            }
        }
        return picked;
    }
}
