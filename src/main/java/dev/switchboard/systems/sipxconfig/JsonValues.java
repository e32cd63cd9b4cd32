package dev.switchboard.systems.sipxconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JSON (or YAML read as JSON) values as resource field values, and back: the one conversion every part uses. */
public final class JsonValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /** Text, {@code Long}, {@code BigDecimal}, {@code Boolean}, list or map; empty for null or missing. */
    public static Optional<Object> value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
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
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> value(f.getValue()).ifPresent(v -> map.put(f.getKey(), v)));
            return Optional.of(map);
        }
        return Optional.of(node.asText());
    }

    /** The inverse of {@link #value}. */
    public static JsonNode json(Object value) {
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Long || value instanceof Integer) {
            return JSON.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return JSON.numberNode(d);
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(item -> array.add(json(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JSON.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), json(v)));
            return object;
        }
        return JSON.textNode(String.valueOf(value));
    }
}
