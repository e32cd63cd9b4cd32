package dev.switchboard.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.Secret;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of a live object: {@code sha256:} and the hex SHA-256 of a canonical JSON of
 * {@code {"fields": {...}, "id": "..."}}: keys sorted at every depth, no whitespace, numbers as
 * Jackson writes {@link Long} and {@link BigDecimal}.
 *
 * <p>Every {@link Secret} (and {@link SecretRef}) is replaced by the constant {@value Secret#MASK}
 * before hashing, so no hash of a secret is ever written to a saved plan (a hash of a short password
 * would let anyone holding the file guess it offline). A changed secret alone therefore does not make
 * a plan stale; the ID is included because Officelinx hands out IDs again after deletes.
 */
public final class Fingerprint {

    public static final String PREFIX = "sha256:";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Fingerprint() {
    }

    public static String of(Resource live) {
        ObjectNode root = NODES.objectNode();
        root.set("fields", canonical(live.fields()));
        root.put("id", live.id().orElse(""));
        return PREFIX + sha256(canonicalJson(root));
    }

    static String canonicalJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    private static JsonNode canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            new TreeMap<>(stringKeys(map)).forEach((k, v) -> object.set(k, canonical(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(canonical(item)));
            return array;
        }
        if (value instanceof Secret || value instanceof SecretRef) {
            return NODES.textNode(Secret.MASK);
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
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        return value == null ? NODES.nullNode() : NODES.textNode(value.toString());
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> keyed = new TreeMap<>();
        map.forEach((k, v) -> keyed.put(String.valueOf(k), v));
        return keyed;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
