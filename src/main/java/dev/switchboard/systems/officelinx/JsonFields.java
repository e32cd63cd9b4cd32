package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Optional;

/**
 * Reading and writing Officelinx records by field name matched case-insensitively, as the server
 * matches them: the document itself sends {@code NAME} and reads back {@code Name}.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** The server's own spelling of {@code name} in {@code record}, if it has the field. */
    static Optional<String> keyOf(JsonNode record, String name) {
        if (record.has(name)) {
            return Optional.of(name);
        }
        for (Iterator<String> keys = record.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (key.equalsIgnoreCase(name)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    static Optional<JsonNode> get(JsonNode record, String name) {
        return keyOf(record, name).map(record::get).filter(value -> !value.isNull() && !value.isMissingNode());
    }

    static Optional<String> text(JsonNode record, String name) {
        return get(record, name).filter(JsonNode::isValueNode).map(JsonNode::asText);
    }

    /** An integer field, whether the server wrote it as a number or as numeric text. */
    static Optional<Long> number(JsonNode record, String name) {
        return get(record, name).flatMap(value -> {
            if (value.isIntegralNumber()) {
                return Optional.of(value.asLong());
            }
            try {
                return Optional.of(Long.parseLong(value.asText().trim()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        });
    }

    /** Sets {@code name} to {@code value}, under the record's own spelling of it when it has one. */
    static void overlay(ObjectNode record, String name, JsonNode value) {
        record.set(keyOf(record, name).orElse(name), value);
    }
}
