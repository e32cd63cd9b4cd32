package dev.switchboard.systems.xci.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON payload of a create or edit, read field by field with the 400 messages a person can act
 * on ("the field 'lastName' is required"). Keys are matched exactly, as Play's JSON readers do.
 */
final class RequestBody {

    private final JsonNode json;

    private RequestBody(JsonNode json) {
        this.json = json;
    }

    static RequestBody of(JsonNode json) {
        if (!(json instanceof ObjectNode)) {
            throw XciRejection.badRequest("The payload must be a JSON object");
        }
        return new RequestBody(json);
    }

    boolean has(String field) {
        return json.has(field) && !json.get(field).isNull();
    }

    String requiredText(String field) {
        return optionalText(field).orElseThrow(() -> missing(field));
    }

    Optional<String> optionalText(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = json.get(field);
        if (!value.isTextual()) {
            throw XciRejection.badRequest("The field '" + field + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    long requiredLong(String field) {
        return optionalLong(field).orElseThrow(() -> missing(field));
    }

    Optional<Long> optionalLong(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = json.get(field);
        if (!value.isIntegralNumber()) {
            throw XciRejection.badRequest("The field '" + field + "' must be an integer");
        }
        return Optional.of(value.asLong());
    }

    boolean requiredBoolean(String field) {
        return optionalBoolean(field).orElseThrow(() -> missing(field));
    }

    Optional<Boolean> optionalBoolean(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = json.get(field);
        if (!value.isBoolean()) {
            throw XciRejection.badRequest("The field '" + field + "' must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    Optional<List<JsonNode>> optionalArray(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = json.get(field);
        if (!value.isArray()) {
            throw XciRejection.badRequest("The field '" + field + "' must be an array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return Optional.of(items);
    }

    private static XciRejection missing(String field) {
        return XciRejection.badRequest("The field '" + field + "' is required");
    }
}
