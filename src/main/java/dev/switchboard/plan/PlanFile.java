package dev.switchboard.plan;

import java.util.List;
import java.util.ArrayList;
import java.util.HexFormat;
import java.security.NoSuchAlgorithmException;
import java.security.MessageDigest;
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
 *  "accepted": {"by": "ana@ci-runner", "at": "2026-11-22T07:00:00Z"} (only after plan --force),
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
 * <p>{@code plan --out} seals the file: every change carries a {@code checksum} of its own content and
 * the file one of everything ({@code "checksum": "sha256:..."}, as octoDNS's {@code --checksum}). Reading
 * verifies them, so a plan edited by hand ({@code readOnly} switched off, a field changed) is refused,
 * naming the changes that differ.
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

    static final String CHECKSUM = "checksum";

    private PlanFile() {
    }

    /** {@code sha256:HEX} of {@code node} as JSON without its own {@code checksum} field. */
    static String checksum(JsonNode node) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(CHECKSUM);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(new ObjectMapper().writeValueAsBytes(copy));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot checksum a plan", e);
        }
    }

    private static void verifyChecksums(JsonNode root) {
        if (!root.path(CHECKSUM).isTextual()) {
            throw new PlanFileException("the plan file has no checksum: only a plan written by 'switchboard plan --out' "
                    + "is applied; run plan --out again");
        }
        List<String> edited = new ArrayList<>();
        for (JsonNode target : root.path("targets")) {
            for (JsonNode change : target.path("changes")) {
                if (!change.path(CHECKSUM).asText("").equals(checksum(change))) {
                    List<String> key = new ArrayList<>();
                    change.path("key").forEach(part -> key.add(part.asText()));
                    edited.add(target.path("target").asText("?") + ": " + change.path("action").asText("?") + " "
                            + change.path("kind").asText("?") + " " + String.join("/", key));
                }
            }
        }
        if (!root.path(CHECKSUM).asText().equals(checksum(root))) {
            throw new PlanFileException("the plan file was edited after 'switchboard plan --out' wrote it ("
                    + (edited.isEmpty() ? "its targets, policies or header differ" : "these changes differ: "
                    + String.join("; ", edited)) + "): an edited plan is never applied; run plan --out again and review it");
        }
    }

    public static void write(SavedPlan saved, Path file) throws IOException {
        Files.writeString(file, toJson(saved), StandardCharsets.UTF_8);
    }

    public static SavedPlan read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.file.NoSuchFileException e) {
            // Its message is the path alone, which printed as "Error: plan.json" says nothing.
            throw new PlanFileException("there is no plan file " + file + ": pass the file 'switchboard plan --out FILE'"
                    + " wrote", e);
        }
    }

    public static String toJson(SavedPlan saved) {
        ObjectNode root = NODES.objectNode();
        root.put("formatVersion", saved.formatVersion());
        root.put("createdAt", saved.createdAt().toString());
        root.put("revision", saved.revision().orElse(null));
        root.put("configDir", saved.configDir().toString());
        saved.plan().accepted().ifPresent(a -> root.putObject("accepted").put("by", a.by()).put("at", a.at().toString()));
        ArrayNode targets = root.putArray("targets");
        saved.plan().targets().forEach(t -> targets.add(PlanFileWriter.target(t)));
        for (JsonNode target : targets) {
            for (JsonNode change : target.path("changes")) {
                ((ObjectNode) change).put(CHECKSUM, checksum(change));
            }
        }
        root.put(CHECKSUM, checksum(root));
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
        verifyChecksums(root);
        try {
            return PlanFileReader.saved(root, JSON);
        } catch (RuntimeException e) {
            throw new PlanFileException("the plan file is damaged: " + e.getMessage(), e);
        }
    }
}
