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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * XCI administrators. Writes take {@code entityIds} (numeric entity ids, not combinedIds) and a
 * password, sent on create, when the password itself is to be changed, and with every edit of an
 * administrator whose ldap is false (a server may require it there as on create): the API returns it hashed.
 */
final class AdministratorType implements Creator, Updater, Deleter {

    private static final List<String> PLAIN_FIELDS = List.of("login", "name", "ldap", "superAdmin");

    private final XciClient client;
    private final String ownLogin;

    /** @param ownLogin the login Switchboard itself uses: deleting it would lock Switchboard out */
    AdministratorType(XciClient client, String ownLogin) {
        this.client = client;
        this.ownLogin = ownLogin;
    }

    @Override
    public Optional<String> deletionRefusal(Resource live) {
        if (live.key().leaf().equals(ownLogin)) {
            return Optional.of("administrator " + ownLogin + " is the login Switchboard uses for this target; "
                    + "deleting it would lock Switchboard out");
        }
        return Optional.empty();
    }

    @Override
    public ResourceKind kind() {
        return XciKinds.ADMINISTRATOR;
    }

    @Override
    public Resource create(Resource desired, IdResolver ids) {
        ObjectNode body = XciJson.NODES.objectNode().put("login", desired.key().leaf());
        overlay(body, desired, desired.fields().keySet(), ids);
        if (!body.has("entityIds")) {
            body.putArray("entityIds");
        }
        JsonNode created = client.createAdministrator(body, desired.key());
        if (created.hasNonNull("id")) {
            return XciMapping.administrator(created, directory());
        }
        return findByKey(desired, ids)
                .orElseThrow(() -> client.notReadBack("POST", "/administrators", desired.key()));
    }

    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        Optional<JsonNode> found = client.listAdministrators().stream()
                .filter(a -> a.path("login").asText().equals(desired.key().leaf())).findFirst();
        return found.map(a -> XciMapping.administrator(a, directory()));
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        long id = Long.parseLong(live.requireId());
        JsonNode current = client.getAdministrator(id, live.key());
        ObjectNode body = XciJson.pick(current, PLAIN_FIELDS);
        ArrayNode entityIds = body.putArray("entityIds");
        for (JsonNode reference : current.path("entities")) {
            entityIds.add(entityIdOf(reference));
        }
        overlay(body, desired, fields, ids);
        // The document's edit takes "the fields of create", where password is "Compulsory if ldap is false":
        // a server may refuse an edit without it, so the declared one goes along whenever ldap is off.
        if (!body.path("ldap").asBoolean(false) && !body.has("password")) {
            desired.field("password").ifPresent(password -> body.set("password", XciJson.json(password)));
        }
        client.updateAdministrator(id, body, live.key());
    }

    @Override
    public void delete(Resource live) {
        client.deleteAdministrator(Long.parseLong(live.requireId()), live.key());
    }

    private void overlay(ObjectNode body, Resource desired, Collection<String> fields, IdResolver ids) {
        for (String field : fields) {
            desired.field(field).ifPresent(value -> {
                if (field.equals("entities")) {
                    ArrayNode entityIds = body.putArray("entityIds");
                    for (String entity : XciJson.texts(value)) {
                        entityIds.add(entityIdOf(XciJson.NODES.textNode(ids.require(XciMapping.entityKey(entity)))));
                    }
                } else if (field.equals("password") || PLAIN_FIELDS.contains(field)) {
                    body.set(field, XciJson.json(value));
                }
            });
        }
    }

    /** The numeric id of an entity the API refers to by id, by combinedId, or embedded. */
    private long entityIdOf(JsonNode reference) {
        if (reference.isIntegralNumber()) {
            return reference.asLong();
        }
        if (reference.isObject() && reference.hasNonNull("id")) {
            return reference.get("id").asLong();
        }
        String combinedId = reference.isTextual() ? reference.asText() : reference.path("combinedId").asText();
        return client.getEntity(combinedId, Optional.empty())
                .orElseThrow(() -> client.notReadBack("GET", "/entities/" + combinedId, XciMapping.entityKey(combinedId)))
                .path("id").asLong();
    }

    private XciDirectory directory() {
        return XciDirectory.of(client.listXivos(), client.listEntities());
    }
}
