package dev.switchboard.systems.xivows.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.systems.xivows.XivoWsKinds;
import dev.switchboard.systems.xivows.provider.XivoWsClient.Module;
import java.util.Map;
import java.util.Optional;

/** Entities: the document gives list, search, view and add only, so they are created and never changed. */
final class EntityType implements Creator {

    private final XivoWsClient client;

    EntityType(XivoWsClient client) {
        this.client = client;
    }

    @Override
    public ResourceKind kind() {
        return XivoWsKinds.ENTITY;
    }

    @Override
    public Optional<String> apiLimit() {
        return Optional.of("the XiVO web services list, search, view and add entities; they cannot edit or delete one");
    }

    /** Add answers 200 with no body and no id: the new entity is found by its name afterwards. */
    @Override
    public Resource create(Resource desired, IdResolver ids) {
        ObjectNode body = XivoWsMapping.NODES.objectNode();
        for (String field : XivoWsKinds.ENTITY_FIELDS) {
            body.put(field, desired.field(field).map(XivoWsMapping::apiText).orElse(""));
        }
        body.put("name", desired.key().leaf());
        client.write(Module.ENTITY, "add", Optional.empty(), body, desired.key());
        return findByKey(desired, ids).orElseThrow(() -> client.notReadBack(Module.ENTITY, "add", desired.key()));
    }

    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        String name = desired.key().leaf();
        return client.list(Module.ENTITY, "search", Map.of("search", name)).stream()
                .filter(e -> e.path("name").asText().equals(name))
                .findFirst().map(XivoWsMapping::entity);
    }
}
