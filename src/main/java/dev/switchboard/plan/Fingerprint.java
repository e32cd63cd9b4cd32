package dev.switchboard.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.Secret;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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

    /**
     * Written straight to a generator, the same text as {@link #canonicalJson} of {@link #canonicalTree}
     * would give, without building the tree and its sorted copies: a plan fingerprints every object it
     * compares, in sync or not.
     */
    public static String of(Resource live) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = JSON.getFactory().createGenerator(text)) {
            out.writeStartObject();
            out.writeFieldName("fields");
            write(out, live.fields());
            out.writeStringField("id", live.id().orElse(""));
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return PREFIX + sha256(text.toString());
    }

    /** The tree {@link #of} hashes the JSON text of: kept as the definition the fast path must agree with. */
    static JsonNode canonicalTree(Resource live) {
        ObjectNode root = NODES.objectNode();
        root.set("fields", canonical(live.fields()));
        root.put("id", live.id().orElse(""));
        return root;
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<String, Object> entry : sortedByKey(map)) {
                out.writeFieldName(entry.getKey());
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof String string) {
            out.writeString(string);
        } else if (value instanceof Secret || value instanceof SecretRef) {
            out.writeString(Secret.MASK);
        } else if (value instanceof Long number) {
            out.writeNumber(number.longValue());
        } else if (value instanceof Integer number) {
            out.writeNumber(number.longValue());
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value == null) {
            out.writeNull();
        } else {
            JSON.writeTree(out, canonical(value));
        }
    }

    /** The entries by their keys as strings, in order; of two keys with one string, the later one, as a TreeMap keeps. */
    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, Object>> sortedByKey(Map<?, ?> map) {
        boolean stringKeys = true;
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                stringKeys = false;
                break;
            }
        }
        if (!stringKeys) {
            return List.copyOf(stringKeys(map).entrySet());
        }
        Map.Entry<String, Object>[] entries = ((Map<String, Object>) map).entrySet().toArray(new Map.Entry[0]);
        Arrays.sort(entries, Map.Entry.comparingByKey());
        return Arrays.asList(entries);
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

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private static String sha256(String text) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
