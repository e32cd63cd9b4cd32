package dev.switchboard.systems.xivows.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.systems.xivows.XivoWsKinds;
import dev.switchboard.systems.xivows.provider.XivoWsClient.Module;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pickup groups: list, view, add, delete, and no edit, so a change is planned as a replace. Members naming a
 * user are sent with that user's id, resolved at apply time.
 */
final class PickupType implements Creator, Deleter {

    private final XivoWsClient client;

    PickupType(XivoWsClient client) {
        this.client = client;
    }

    @Override
    public ResourceKind kind() {
        return XivoWsKinds.PICKUP;
    }

    @Override
    public Optional<String> apiLimit() {
        return Optional.of("the XiVO web services have no edit for pickup groups: a change deletes and re-adds it");
    }

    @Override
    public Resource create(Resource desired, IdResolver ids) {
        ObjectNode body = XivoWsMapping.NODES.objectNode().put("name", desired.key().leaf())
                .put("description", desired.field("description").map(XivoWsMapping::apiText).orElse(""));
        ArrayNode members = body.putArray("members");
        Map<String, ResourceKey> users = new HashMap<>();
        for (Object member : XivoWsMapping.list(desired.fields().get("members"))) {
            Map<?, ?> m = XivoWsMapping.map(member).orElse(Map.of());
            ObjectNode out = members.addObject().put("category", String.valueOf(m.containsKey("category")
                    ? m.get("category") : "member"));
            if (m.containsKey("user")) {
                ResourceKey user = XivoWsKinds.userKey(String.valueOf(m.get("user")));
                String id = ids.require(user);
                users.put(id, user);
                out.put("membertype", "user").put("memberid", id);
            } else if (m.containsKey("group")) {
                out.put("membertype", "group").put("memberid", XivoWsMapping.apiText(m.get("group")));
            } else if (m.containsKey("queue")) {
                out.put("membertype", "queue").put("memberid", XivoWsMapping.apiText(m.get("queue")));
            }
        }
        client.write(Module.PICKUP, "add", Optional.empty(), body, desired.key());
        return findByKey(desired, ids).orElseThrow(() -> client.notReadBack(Module.PICKUP, "add", desired.key()));
    }

    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        String name = desired.key().leaf();
        return client.list(Module.PICKUP).stream().filter(p -> p.path("name").asText().equals(name)).findFirst()
                .map(p -> client.view(Module.PICKUP, Optional.of(p.path("id").asText()), Optional.of(desired.key()))
                        .map(view -> XivoWsMapping.pickup(view, Map.of()))
                        .orElseGet(() -> Resource.live(desired.key(), p.path("id").asText(), desired.fields(),
                                desired.dependsOn())));
    }

    @Override
    public void delete(Resource live) {
        client.delete(Module.PICKUP, live.requireId(), live.key());
    }
}
