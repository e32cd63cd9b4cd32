package dev.switchboard.desired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The JSON Schemas (draft 2020-12) shipped in {@code schemas/} and inside the application: one for
 * {@code switchboard.yaml} ({@link #CONFIG}) and one per target kind.
 */
public final class Schemas {

    public static final String CONFIG = "switchboard";
    public static final List<String> NAMES = List.of(CONFIG, "officelinx", "xci");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {
    }

    /** The schema's text as shipped, or empty when there is no schema of that name. */
    public static Optional<String> text(String name) {
        try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the schema " + name + " shipped with Switchboard is unreadable", e);
        }
    }

    public static JsonNode tree(String name) {
        String text = text(name).orElseThrow(() -> new IllegalArgumentException("no schema named " + name));
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("the schema " + name + " shipped with Switchboard is not JSON", e);
        }
    }
}
