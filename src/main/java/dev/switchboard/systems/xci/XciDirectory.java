package dev.switchboard.systems.xci;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the API's references mean in desired-state terms: XiVO ids and uuids to XiVO names, entity ids
 * and combinedIds ({@code name@xivoUuid}) to {@code name@xivoName}. Built from one fetch of the XiVOs
 * and entities.
 */
record XciDirectory(Map<Long, String> xivoNameById, Map<String, String> xivoNameByUuid,
                    Map<Long, String> entityById, Map<String, String> entityByCombinedId) {

    static XciDirectory of(List<JsonNode> xivos, List<JsonNode> entities) {
        Map<Long, String> xivoNameById = new HashMap<>();
        Map<String, String> xivoNameByUuid = new HashMap<>();
        Map<Long, String> entityById = new HashMap<>();
        Map<String, String> entityByCombinedId = new HashMap<>();
        for (JsonNode xivo : xivos) {
            xivoNameById.put(xivo.path("id").asLong(), xivo.path("name").asText());
            xivoNameByUuid.put(xivo.path("uuid").asText(), xivo.path("name").asText());
        }
        for (JsonNode entity : entities) {
            String name = XciMapping.entityName(entity);
            entityById.put(entity.path("id").asLong(), name);
            entityByCombinedId.put(entity.path("combinedId").asText(), name);
        }
        return new XciDirectory(Map.copyOf(xivoNameById), Map.copyOf(xivoNameByUuid), Map.copyOf(entityById),
                Map.copyOf(entityByCombinedId));
    }

    /** A XiVO as the API refers to it: an id, a uuid, or an embedded XiVO. */
    Optional<String> xivoName(JsonNode reference) {
        if (reference.isIntegralNumber()) {
            return Optional.ofNullable(xivoNameById.get(reference.asLong()));
        }
        if (reference.isTextual()) {
            return Optional.of(xivoNameByUuid.getOrDefault(reference.asText(), reference.asText()));
        }
        return reference.hasNonNull("name") ? Optional.of(reference.get("name").asText())
                : xivoName(reference.path("id"));
    }

    /**
     * An entity as the API refers to it: an id, a combinedId, or an embedded entity. The document's
     * administrator example ({@code "entities": []}) allows each reading.
     */
    Optional<String> entityName(JsonNode reference) {
        if (reference.isIntegralNumber()) {
            return Optional.ofNullable(entityById.get(reference.asLong()));
        }
        if (reference.isTextual()) {
            return Optional.ofNullable(entityByCombinedId.get(reference.asText()))
                    .or(() -> fromCombinedId(reference.asText()));
        }
        if (reference.hasNonNull("combinedId")) {
            return entityName(reference.get("combinedId"));
        }
        return reference.hasNonNull("id") ? entityName(reference.get("id")) : Optional.empty();
    }

    private Optional<String> fromCombinedId(String combinedId) {
        int at = combinedId.indexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String xivoUuid = combinedId.substring(at + 1);
        return Optional.ofNullable(xivoNameByUuid.get(xivoUuid)).map(xivo -> combinedId.substring(0, at) + "@" + xivo);
    }
}
