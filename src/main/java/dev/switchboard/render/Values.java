package dev.switchboard.render;

import dev.switchboard.diff.FieldDiff;
import dev.switchboard.model.Secret;
import dev.switchboard.plan.SecretRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** How field values read in text-like output: strings quoted, secrets masked, the absent as {@value #NONE}. */
final class Values {

    static final String NONE = "(none)";
    static final String KNOWN_AFTER_APPLY = "(known after apply)";

    private Values() {
    }

    /** {@code "Liddell" -> "Smith"}, or {@code (sensitive) -> (sensitive)}. */
    static String change(FieldDiff diff) {
        return side(diff.before(), diff.sensitive()) + " -> " + side(diff.after(), diff.sensitive());
    }

    static String side(Optional<Object> value, boolean sensitive) {
        if (value.isEmpty()) {
            // A write-only secret (a password the server never shows) has no known old value: still masked.
            return sensitive ? Secret.MASK : NONE;
        }
        return sensitive ? Secret.MASK : display(value.get());
    }

    static String display(Object value) {
        if (value instanceof Secret || value instanceof SecretRef) {
            return Secret.MASK;
        }
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::display).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + display(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
