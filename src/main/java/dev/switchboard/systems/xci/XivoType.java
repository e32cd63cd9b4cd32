package dev.switchboard.systems.xci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.systems.xci.XciKinds;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.IdResolver;
import java.util.Optional;

/**
 * XiVOs: created by {@code POST /api/1.0/xivo} and read, never changed or deleted, because the API has
 * neither. Being a {@link Creator} only, neither {@code Updater} nor {@code Deleter}, is how a plan
 * learns it must refuse such a change up front; {@link #apiLimit()} says why.
 */
final class XivoType implements Creator {

    static final String API_LIMIT = "the XCI API can only create XiVOs (POST /api/1.0/xivo): it has no update or "
            + "delete for them";

    private final XciClient client;

    XivoType(XciClient client) {
        this.client = client;
    }

    @Override
    public ResourceKind kind() {
        return XciKinds.XIVO;
    }

    @Override
    public Optional<String> apiLimit() {
        return Optional.of(API_LIMIT);
    }

    @Override
    public Resource create(Resource desired, IdResolver ids) {
        String name = desired.key().leaf();
        ObjectNode body = XciJson.NODES.objectNode().put("name", name)
                .put("host", desired.field("host").map(XciJson::text).orElse(""))
                .put("configure", desired.field("configure").map(c -> Boolean.parseBoolean(c.toString())).orElse(false));
        JsonNode created = client.createXivo(body, desired.key());
        if (created.hasNonNull("id")) {
            return XciMapping.xivo(created);
        }
        return findByKey(desired, ids).orElseThrow(() -> client.notReadBack("POST", "/xivo", desired.key()));
    }

    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        return client.listXivos().stream().filter(x -> x.path("name").asText().equals(desired.key().leaf()))
                .findFirst().map(XciMapping::xivo);
    }
}
