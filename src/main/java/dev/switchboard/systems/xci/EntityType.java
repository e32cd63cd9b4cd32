package dev.switchboard.systems.xci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.systems.xci.XciKinds;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Updater;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Entities, addressed in URLs by their combinedId ({@code name@xivoUuid}), which is their ID here. */
final class EntityType implements Creator, Updater, Deleter {

    private static final List<String> INPUT_FIELDS = List.of("name", "displayName", "intervals", "presentedNumber");

    private final XciClient client;

    EntityType(XciClient client) {
        this.client = client;
    }

    @Override
    public ResourceKind kind() {
        return XciKinds.ENTITY;
    }

    @Override
    public Resource create(Resource desired, IdResolver ids) {
        ObjectNode body = XciJson.NODES.objectNode().put("name", XciMapping.entityOf(desired.key().leaf()));
        desired.field("displayName").ifPresent(v -> body.set("displayName", XciJson.json(v)));
        body.put("xivoId", xivoId(desired, ids));
        body.set("intervals", intervals(desired.field("intervals").orElse(List.of())));
        desired.field("presentedNumber").ifPresent(v -> body.set("presentedNumber", XciJson.json(v)));
        JsonNode created = client.createEntity(body, desired.key());
        if (created.hasNonNull("combinedId")) {
            return XciMapping.entity(created);
        }
        return findByKey(desired, ids).orElseThrow(() -> client.notReadBack("POST", "/entities", desired.key()));
    }

    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        return client.listEntities().stream()
                .filter(e -> XciMapping.entityName(e).equals(desired.key().leaf()))
                .findFirst().map(XciMapping::entity);
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        String combinedId = live.requireId();
        JsonNode current = client.getEntity(combinedId, Optional.of(live.key()))
                .orElseThrow(() -> client.notReadBack("GET", "/entities/" + combinedId, live.key()));
        ObjectNode body = XciJson.pick(current, INPUT_FIELDS);
        body.put("xivoId", current.path("xivo").path("id").asLong());
        for (String field : fields) {
            desired.field(field).ifPresent(value -> {
                if (field.equals("xivo")) {
                    body.put("xivoId", xivoId(desired, ids));
                } else if (field.equals("intervals")) {
                    body.set(field, intervals(value));
                } else if (INPUT_FIELDS.contains(field)) {
                    body.set(field, XciJson.json(value));
                }
            });
        }
        client.updateEntity(combinedId, body, live.key());
    }

    @Override
    public void delete(Resource live) {
        client.deleteEntity(live.requireId(), live.key());
    }

    /** The API takes interval bounds as strings only, {@code ""} for an open end; YAML may give numbers. */
    private static ArrayNode intervals(Object desired) {
        ArrayNode intervals = XciJson.NODES.arrayNode();
        if (desired instanceof List<?> list) {
            for (Object interval : list) {
                Map<?, ?> bounds = interval instanceof Map<?, ?> map ? map : Map.of();
                intervals.addObject().put("start", bound(bounds.get("start"))).put("end", bound(bounds.get("end")));
            }
        }
        return intervals;
    }

    private static String bound(Object value) {
        return value == null ? "" : XciJson.text(value);
    }

    private static long xivoId(Resource desired, IdResolver ids) {
        String xivo = desired.field("xivo").map(XciJson::text).orElse(XciMapping.xivoOf(desired.key().leaf()));
        return Long.parseLong(ids.require(XciMapping.xivoKey(xivo)));
    }
}
