package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Updater;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code EEAM*} resource, written as the document says: create = POST (the new ID from
 * {@code Location}, else from the body, else from the object its natural key finds), update = GET the
 * record, overlay the declared fields matching keys case-insensitively and keeping the server's spelling,
 * PUT it back whole (fields Switchboard does not manage, such as a mailbox's folders, survive), delete =
 * DELETE by ID.
 */
abstract class EeamResourceType implements Creator, Updater, Deleter {

    protected static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    protected final OfficelinxClient client;
    protected final LiveStateReader reader;
    private final ResourceKind kind;
    private final String resource;
    private final String idField;

    EeamResourceType(ResourceKind kind, String resource, String idField, OfficelinxClient client,
                     LiveStateReader reader) {
        this.kind = kind;
        this.resource = resource;
        this.idField = idField;
        this.client = client;
        this.reader = reader;
    }

    @Override
    public ResourceKind kind() {
        return kind;
    }

    /** The references a new record carries by server ID (CompanyID, ParentID, MailboxID...). */
    abstract Map<String, JsonNode> parentIds(Resource desired, IdResolver ids);

    /** The API fields and values for the declared {@code fields} of {@code desired}. */
    abstract Map<String, JsonNode> apiValues(Resource desired, Set<String> fields, IdResolver ids);

    /**
     * @return {@code desired} with its new ID: the server stores what was sent, so its fields are the
     *         created object's fields in the desired-state shape
     */
    @Override
    public Resource create(Resource desired, IdResolver ids) {
        ObjectNode body = NODES.objectNode();
        Map<String, JsonNode> values = new LinkedHashMap<>(parentIds(desired, ids));
        values.putAll(apiValues(desired, desired.fields().keySet(), ids));
        values.forEach(body::set);
        // an answer naming no ID (201, status only) is looked up by natural key, never POSTed again
        String id = client.create(resource, idField, body, desired.key().toString())
                .or(() -> findByKey(desired, ids).map(Resource::requireId))
                .orElseThrow(() -> client.createdButNotFound(resource, idField, desired.key().toString()));
        return Resource.live(desired.key(), id, desired.fields(), desired.dependsOn());
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        String id = live.requireId();
        ObjectNode record = currentRecord(live, ids);
        apiValues(desired, fields, ids).forEach((name, value) -> JsonFields.overlay(record, name, value));
        client.update(resource, id, record, live.key().toString());
    }

    /** The record as the server has it now, for an update to overlay: GET by ID. */
    ObjectNode currentRecord(Resource live, IdResolver ids) {
        return client.get(resource, live.requireId(), live.key().toString());
    }

    /**
     * DELETE, then a read to confirm it: a server that answered the delete without carrying it out (a route
     * it does not have read as "already gone", a silent no-op) must not have it counted as applied. An ID
     * the server has meanwhile handed to another object ("the maximum ID + 1") counts as gone.
     */
    @Override
    public void delete(Resource live) {
        client.delete(resource, live.requireId(), live.key().toString(), () -> JsonFields.number(
                client.get(resource, live.requireId(), live.key().toString()), "ParentID").orElse(0L));
        Optional<ObjectNode> still = stillThere(live);
        if (still.isPresent() && JsonFields.text(still.get(), identityField())
                .filter(value -> value.equalsIgnoreCase(identityOf(live))).isPresent()) {
            throw client.notDeleted(resource, live.requireId(), live.key().toString());
        }
    }

    /** The record the server still has under the live object's ID, if any. */
    Optional<ObjectNode> stillThere(Resource live) {
        return client.find(resource, live.requireId(), live.key().toString());
    }

    /** The API field that tells one object from another with the same ID: its name or number. */
    abstract String identityField();

    /** That field's value for {@code live}: the last part of its key, unless a kind says otherwise. */
    String identityOf(Resource live) {
        return live.key().leaf();
    }

    /** Looks a department, feature group or mailbox up among everything its company holds. */
    protected Optional<Resource> findInCompany(Resource desired, IdResolver ids) {
        ResourceKey company = OfficelinxMapping.companyOf(desired.key());
        return ids.idOf(company).flatMap(companyId -> reader.scope(companyId, company.leaf()).resources().stream()
                .filter(found -> found.key().equals(desired.key()))
                .findFirst());
    }

    protected static JsonNode number(Object value) {
        return NODES.numberNode(OfficelinxMapping.asLong(value));
    }

    protected static JsonNode text(Object value) {
        return NODES.textNode(String.valueOf(value));
    }

    protected static JsonNode id(String serverId) {
        return NODES.numberNode(Long.parseLong(serverId));
    }
}
