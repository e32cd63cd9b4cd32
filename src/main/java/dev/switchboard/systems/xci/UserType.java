package dev.switchboard.systems.xci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.systems.xci.XciKinds;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Updater;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users. Reads embed the entity and omit the template; writes want {@code entityCId} and
 * {@code templateId}, so both are resolved from the desired names on every create and update.
 */
final class UserType implements Creator, Updater, Deleter {

    private static final List<String> PLAIN_FIELDS = List.of("firstName", "lastName", "internalNumber", "ctiLogin",
            "ctiPassword");

    private final XciClient client;

    UserType(XciClient client) {
        this.client = client;
    }

    @Override
    public ResourceKind kind() {
        return XciKinds.USER;
    }

    @Override
    public Resource create(Resource desired, IdResolver ids) {
        ObjectNode body = XciJson.NODES.objectNode().put("entityCId", ids.require(entityKey(desired)));
        templateId(desired, ids).ifPresent(id -> body.put("templateId", id));
        for (String field : PLAIN_FIELDS) {
            desired.field(field).ifPresent(value -> body.set(field, XciJson.json(value)));
        }
        // The number is the key; the API takes it as a string even where YAML wrote a number.
        body.put("internalNumber", desired.key().leaf());
        JsonNode created = client.createUser(body, desired.key());
        if (created.hasNonNull("id")) {
            return XciMapping.user(created);
        }
        return findByKey(desired, ids).orElseThrow(() -> client.notReadBack("POST", "/users", desired.key()));
    }

    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        Optional<String> combinedId = ids.idOf(entityKey(desired));
        return combinedId.flatMap(cid -> client.listUsersOfEntity(cid).stream()
                .filter(u -> u.path("internalNumber").asText().equals(desired.key().leaf()))
                .findFirst().map(XciMapping::user));
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        long id = Long.parseLong(live.requireId());
        JsonNode current = client.getUser(id, live.key());
        ObjectNode body = XciJson.NODES.objectNode()
                .put("entityCId", current.path("entity").path("combinedId").asText());
        templateId(desired, ids).ifPresent(templateId -> body.put("templateId", templateId));
        body.setAll(XciJson.pick(current, PLAIN_FIELDS));
        for (String field : fields) {
            desired.field(field).ifPresent(value -> {
                if (field.equals("entity")) {
                    body.put("entityCId", ids.require(entityKey(desired)));
                } else if (field.equals("internalNumber")) {
                    body.put(field, XciJson.text(value));
                } else if (PLAIN_FIELDS.contains(field)) {
                    body.set(field, XciJson.json(value));
                }
            });
        }
        client.updateUser(id, body, live.key());
    }

    @Override
    public void delete(Resource live) {
        client.deleteUser(Long.parseLong(live.requireId()), live.key());
    }

    private static ResourceKey entityKey(Resource desired) {
        return XciMapping.entityKey(desired.field("entity").map(XciJson::text).orElseThrow(() ->
                new IllegalArgumentException(desired.key() + " names no entity")));
    }

    private static Optional<Long> templateId(Resource desired, IdResolver ids) {
        return desired.field("template").map(t -> Long.parseLong(ids.require(XciMapping.templateKey(XciJson.text(t)))));
    }
}
