package dev.switchboard.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The saved-plan file: a {@link SavedPlan} as JSON, and back.
 *
 * <pre>
 * {"formatVersion": 1, "createdAt": "2026-11-22T07:00:00Z", "revision": "3f2a..." | null, "configDir": "/abs",
 *  "targets": [{"target": "olx-main", "targetKind": "officelinx",
 *    "policy": {"prune", "readOnly", "suspend", "maxDeletePercent", "maxUpdatePercent", "parallelism"},
 *    "liveObjects": 12,
 *    "kinds": [{"name": "mailbox", "writeOnlyFields": []}],
 *    "changes": [{"kind": "mailbox", "key": ["Acme", "1001"], "action": "update", "reason": "...",
 *      "liveFingerprint": "sha256:..." | null, "before": RESOURCE | null, "after": RESOURCE | null,
 *      "fields": [{"field", "before", "after", "sensitive"}]}],
 *    "errors": [{"kind", "key", "reason": "PROTECTED", "message"}]}]}
 * RESOURCE: {"id": "7" | null, "fields": {...}, "secretFields": ["ctiPassword"],
 *            "dependsOn": [["company", "Acme"]], "protect": false, "ignore": [], "origin": {"file", "line", "column"} | null}
 * </pre>
 *
 * <p>No secret value is ever written. A desired {@link Secret} is written as its reference
 * ({@code ${env:NAME}}), a live one (no reference) as {@value Secret#MASK}; a sensitive field diff's
 * sides likewise, and plain text on a sensitive side (an API returning a password in clear) as
 * {@value Secret#MASK}. Secrets nested inside lists or maps are written as {@value Secret#MASK}. The
 * fingerprints hash masked secrets (see {@link Fingerprint}). Reading gives back {@link SecretRef}s for
 * secret fields and sensitive diff sides: {@link Plan#withSecretsResolved} turns the references into
 * secrets again before an apply.
 */
public final class PlanFile {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private PlanFile() {
    }

    public static void write(SavedPlan saved, Path file) throws IOException {
        Files.writeString(file, toJson(saved), StandardCharsets.UTF_8);
    }

    public static SavedPlan read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static String toJson(SavedPlan saved) {
        ObjectNode root = NODES.objectNode();
        root.put("formatVersion", saved.formatVersion());
        root.put("createdAt", saved.createdAt().toString());
        root.put("revision", saved.revision().orElse(null));
        root.put("configDir", saved.configDir().toString());
        ArrayNode targets = root.putArray("targets");
        saved.plan().targets().forEach(t -> targets.add(PlanFileWriter.target(t)));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    /** @throws PlanFileException when {@code json} is no saved plan of {@link Plan#FORMAT_VERSION} */
    public static SavedPlan fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PlanFileException("the plan file is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PlanFileException("the plan file is not a saved plan (no JSON object)");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != Plan.FORMAT_VERSION) {
            throw new PlanFileException("the plan file has format version " + root.path("formatVersion")
                    + "; this Switchboard reads version " + Plan.FORMAT_VERSION + ": run plan again");
        }
        try {
            return PlanFileReader.saved(root, JSON);
        } catch (RuntimeException e) {
            throw new PlanFileException("the plan file is damaged: " + e.getMessage(), e);
        }
    }
}
