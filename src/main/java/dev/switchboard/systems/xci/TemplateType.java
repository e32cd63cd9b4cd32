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
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Line templates: XiVOs referred to by id, entities by combinedId, both by name in the desired shape. */
final class TemplateType implements Creator, Updater, Deleter {

    private final XciClient client;

    TemplateType(XciClient client) {
        this.client = client;
    }

    @Override
    public ResourceKind kind() {
        return XciKinds.TEMPLATE;
    }

    @Override
    public Resource create(Resource desired, IdResolver ids) {
        ObjectNode body = XciJson.NODES.objectNode().put("name", desired.key().leaf());
        overlay(body, desired, desired.fields().keySet(), ids);
        JsonNode created = client.createTemplate(body, desired.key());
        if (created.hasNonNull("id")) {
            return XciMapping.template(created, directory());
        }
        return findByKey(desired, ids).orElseThrow(() -> client.notReadBack("POST", "/templates", desired.key()));
    }

    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        Optional<JsonNode> found = client.listTemplates().stream()
                .filter(t -> t.path("name").asText().equals(desired.key().leaf())).findFirst();
        return found.map(t -> XciMapping.template(t, directory()));
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        long id = Long.parseLong(live.requireId());
        ObjectNode body = XciJson.pick(client.getTemplate(id, live.key()), XciMapping.TEMPLATE_FIELDS);
        overlay(body, desired, fields, ids);
        client.updateTemplate(id, body, live.key());
    }

    @Override
    public void delete(Resource live) {
        client.deleteTemplate(Long.parseLong(live.requireId()), live.key());
    }

    private static void overlay(ObjectNode body, Resource desired, Collection<String> fields, IdResolver ids) {
        for (String field : fields) {
            if (!XciMapping.TEMPLATE_FIELDS.contains(field)) {
                continue;
            }
            desired.field(field).ifPresent(value -> {
                if (field.equals("xivos")) {
                    ArrayNode xivoIds = body.putArray("xivos");
                    XciJson.texts(value).forEach(x -> xivoIds.add(Long.parseLong(ids.require(XciMapping.xivoKey(x)))));
                } else if (field.equals("entities")) {
                    ArrayNode combinedIds = body.putArray("entities");
                    XciJson.texts(value).forEach(e -> combinedIds.add(ids.require(XciMapping.entityKey(e))));
                } else {
                    body.set(field, XciJson.json(value));
                }
            });
        }
    }

    /** Templates name XiVOs by id and entities by combinedId: one read of both to name them back. */
    private XciDirectory directory() {
        return XciDirectory.of(client.listXivos(), client.listEntities());
    }
}
