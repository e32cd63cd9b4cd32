package dev.switchboard.systems.gws.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.UnconfirmedWriteException;
import dev.switchboard.provider.Updater;
import dev.switchboard.systems.gws.GwsKinds;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GWS users. Every write is answered {@code statusCode 0} before the server has carried it out, so each
 * is followed by reading the user back ({@link ReadBack}) until the change shows: only then does it count
 * as done; otherwise it ends in an {@link UnconfirmedWriteException}. An update sends the whole user as
 * read, with the declared fields overlaid and without {@code userName}, which the API does not let change;
 * {@code roles} replace the set. The user Switchboard logs in as is never deleted.
 */
final class GwsUserType implements Creator, Updater, Deleter {

    /** What a read answers but a write must not send back. */
    private static final Set<String> READ_ONLY = Set.of("id", "uri", "path", "userName");

    private final String target;
    private final GwsClient client;
    private final ReadBack readBack;
    private final String ownUserName;

    GwsUserType(String target, GwsClient client, ReadBack readBack, String ownUserName) {
        this.target = target;
        this.client = client;
        this.readBack = readBack;
        this.ownUserName = ownUserName;
    }

    @Override
    public ResourceKind kind() {
        return GwsKinds.USER;
    }

    @Override
    public Optional<String> deletionRefusal(Resource live) {
        if (live.key().leaf().equals(ownUserName)) {
            return Optional.of("user " + ownUserName + " is the user Switchboard logs in as for this target; "
                    + "deleting it would lock Switchboard out");
        }
        return Optional.empty();
    }

    @Override
    public Resource create(Resource desired, IdResolver ids) {
        String userName = desired.key().leaf();
        if (desired.field("password").isEmpty()) {
            throw new ProviderException(target, Optional.of(desired.key().toString()), "POST", GwsClient.ROOT + "/users",
                    0, "not sent: GWS creates a user only with a password; declare password: ${env:NAME}", false, null);
        }
        ObjectNode body = GwsMapping.NODES.objectNode().put("userName", userName);
        for (String field : GwsKinds.USER_FIELDS) {
            desired.field(field).ifPresent(value -> GwsMapping.put(body, field, value));
        }
        JsonNode answer = client.createUser(body, desired.key());
        Optional<String> id = Optional.ofNullable(answer.path("id").asText(null))
                .or(() -> Optional.ofNullable(answer.path("path").asText(null)).map(p -> p.substring(p.lastIndexOf('/') + 1)));
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        boolean visible = readBack.until(() -> {
            Optional<JsonNode> user = id.isPresent() ? client.getUser(id.get(), desired.key()) : byName(userName);
            user.ifPresent(seen::set);
            return user.isPresent();
        });
        if (!visible) {
            throw new UnconfirmedWriteException(target, Optional.of(desired.key().toString()), "POST",
                    GwsClient.ROOT + "/users", 200, readBack.describe());
        }
        return GwsMapping.user(seen.get());
    }

    /**
     * The user by name. After a create whose answer was lost (a desired object, with no ID), waits as long
     * as a confirmation does, since a create the server did receive becomes visible only once carried out.
     * After a lost update or delete (a live object), looks once: the user is there or it is not.
     */
    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        if (desired.id().isPresent()) {
            return byName(desired.key().leaf()).map(GwsMapping::user);
        }
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        readBack.until(() -> {
            byName(desired.key().leaf()).ifPresent(seen::set);
            return seen.get() != null;
        });
        return Optional.ofNullable(seen.get()).map(GwsMapping::user);
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        String id = live.requireId();
        JsonNode current = client.getUser(id, live.key()).orElseThrow(() -> new ProviderException(target,
                Optional.of(live.key().toString()), "GET", GwsClient.ROOT + "/users/" + id, 404, "the user is gone",
                false, null));
        ObjectNode body = GwsMapping.NODES.objectNode();
        current.fields().forEachRemaining(field -> {
            if (!READ_ONLY.contains(field.getKey())) {
                body.set(field.getKey(), field.getValue());
            }
        });
        List<String> overlaid = fields.stream().filter(f -> desired.field(f).isPresent() && !f.equals("userName")).toList();
        overlaid.forEach(field -> GwsMapping.put(body, field, desired.field(field).get()));
        client.updateUser(id, body, live.key());
        boolean visible = readBack.until(() -> client.getUser(id, live.key())
                .map(user -> overlaid.stream().filter(f -> !live.kind().isWriteOnly(f))
                        .allMatch(f -> GwsMapping.shows(user, f, desired.field(f).get())))
                .orElse(false));
        if (!visible) {
            throw new UnconfirmedWriteException(target, Optional.of(live.key().toString()), "PUT",
                    GwsClient.ROOT + "/users/" + id, 200, readBack.describe());
        }
    }

    @Override
    public void delete(Resource live) {
        String id = live.requireId();
        client.deleteUser(id, live.key());
        if (!readBack.until(() -> client.getUser(id, live.key()).isEmpty())) {
            throw new UnconfirmedWriteException(target, Optional.of(live.key().toString()), "DELETE",
                    GwsClient.ROOT + "/users/" + id, 200, readBack.describe());
        }
    }

    private Optional<JsonNode> byName(String userName) {
        return client.findUsers(List.of(userName), Optional.of(GwsMapping.key(userName))).stream().findFirst();
    }
}
