package dev.switchboard.plan;

import java.util.List;
import java.util.ArrayList;
import java.util.HexFormat;
import java.security.NoSuchAlgorithmException;
import java.security.MessageDigest;
import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.security.DigestOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    /** What checksums are taken of: the tree as compact JSON, as a new {@code ObjectMapper} writes it. */
    private static final ObjectMapper COMPACT = new ObjectMapper();

    static final String CHECKSUM = "checksum";

    private PlanFile() {
    }

    /**
     * {@code sha256:HEX} of {@code node} as compact JSON without its own {@code checksum} field: written from a
     * node holding the same children but that field (no copy of them) straight into the digest, for a plan of
     * 40,000 objects is a tree of some hundred megabytes, which neither a copy nor its text in one array leave
     * room for in a command's heap.
     */
    static String checksum(JsonNode node) {
        ObjectNode object = (ObjectNode) node;
        JsonNode own = object.get(CHECKSUM);
        ObjectNode without = own == null ? object : withoutChecksum(object);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                COMPACT.writeValue(out, without);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot checksum a plan", e);
        }
    }

    /** The same fields in the same order but {@code checksum}: a new node holding the same children, no deep copy. */
    private static ObjectNode withoutChecksum(ObjectNode node) {
        ObjectNode without = NODES.objectNode();
        node.fields().forEachRemaining(field -> {
            if (!field.getKey().equals(CHECKSUM)) {
                without.set(field.getKey(), field.getValue());
            }
        });
        return without;
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

    /**
     * Streams the sealed plan into a file beside {@code file}, then moves it into place: a plan that could not be
     * built or written whole (out of memory, a full disk) leaves no half file, and an earlier plan file as it was.
     */
    public static void write(SavedPlan saved, Path file) throws IOException {
        ObjectNode sealed = sealed(saved);
        Path temp = file.resolveSibling(file.getFileName() + ".partial");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, sealed);
                out.write("\n");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static SavedPlan read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonNode root;
            try {
                root = JSON.readTree(in);
            } catch (JsonProcessingException e) {
                throw notJson(e);
            }
            return fromTree(root);
        } catch (java.nio.file.NoSuchFileException e) {
            // Its message is the path alone, which printed as "Error: plan.json" says nothing.
            throw new PlanFileException("there is no plan file " + file + ": pass the file 'switchboard plan --out FILE'"
                    + " wrote", e);
        }
    }

    public static String toJson(SavedPlan saved) {
        try {
            return JSON.writeValueAsString(sealed(saved)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    /** The plan as a tree, each change and the whole sealed by their checksums. */
    private static ObjectNode sealed(SavedPlan saved) {
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
        return root;
    }

    /** @throws PlanFileException when {@code json} is no saved plan of {@link Plan#FORMAT_VERSION} */
    public static SavedPlan fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
        return fromTree(root);
    }

    private static PlanFileException notJson(JsonProcessingException e) {
        return new PlanFileException("the plan file is not JSON: " + e.getOriginalMessage(), e);
    }

    private static SavedPlan fromTree(JsonNode root) {
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
