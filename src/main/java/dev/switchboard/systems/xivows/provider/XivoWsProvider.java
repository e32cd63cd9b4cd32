package dev.switchboard.systems.xivows.provider;

import static dev.switchboard.provider.ParallelReads.async;
import static dev.switchboard.provider.ParallelReads.join;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ResourceType;
import dev.switchboard.systems.xivows.provider.XivoWsClient.Module;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One XiVO: the lists of entities, lines, users and pickup groups and the mail settings read concurrently,
 * then one view per user and per pickup group (the lists do not carry lines, voicemail or members), all up to
 * the target's parallelism, and all with {@code &sum=} so that an unchanged XiVO answers 304s. Safe for
 * concurrent use.
 */
public final class XivoWsProvider implements Provider {

    private final TargetSpec target;
    private final XivoWsClient client;
    private final AutoCloseable connection;
    private final List<ResourceType> types;

    XivoWsProvider(TargetSpec target, XivoWsClient client, AutoCloseable connection) {
        this.target = target;
        this.client = client;
        this.connection = connection;
        this.types = List.of(new EntityType(client), new LineType(client),
                new UserType(client, id -> entityNames(client.list(Module.ENTITY))),
                new PickupType(client), new MailSettingsType(client));
    }

    @Override
    public TargetSpec target() {
        return target;
    }

    @Override
    public List<ResourceType> types() {
        return types;
    }

    /** The free extensions of a context for an object type, containing {@code part}. */
    public List<String> freeExtensions(String context, String object, String part) {
        return client.freeExtensions(context, object, part);
    }

    @Override
    public ResourceSet fetchLiveState(FetchProgress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, target.policy().parallelism()), runnable -> {
            Thread thread = new Thread(runnable, "xivo-ws-fetch-" + target.name());
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<List<JsonNode>> entities = async(pool, () -> client.list(Module.ENTITY), progress);
            CompletableFuture<List<JsonNode>> lines = async(pool, () -> client.list(Module.LINES), progress);
            CompletableFuture<List<JsonNode>> users = async(pool, () -> client.list(Module.USERS), progress);
            CompletableFuture<List<JsonNode>> pickups = async(pool, () -> client.list(Module.PICKUP), progress);
            CompletableFuture<List<JsonNode>> mail = async(pool, () ->
                    client.view(Module.MAIL, Optional.empty(), Optional.empty()).map(List::of).orElse(List.of()), progress);
            List<CompletableFuture<List<JsonNode>>> userViews = new ArrayList<>();
            for (JsonNode user : join(users)) {
                String id = user.path("id").asText();
                userViews.add(async(pool, () -> client.view(Module.USERS, Optional.of(id), Optional.empty())
                        .map(List::of).orElse(List.of()), progress));
            }
            List<CompletableFuture<List<JsonNode>>> pickupViews = new ArrayList<>();
            for (JsonNode pickup : join(pickups)) {
                String id = pickup.path("id").asText();
                pickupViews.add(async(pool, () -> client.view(Module.PICKUP, Optional.of(id), Optional.empty())
                        .map(List::of).orElse(List.of()), progress));
            }
            Map<String, String> entityNames = entityNames(join(entities));
            List<Resource> live = new ArrayList<>();
            join(entities).forEach(e -> live.add(XivoWsMapping.entity(e)));
            join(lines).forEach(l -> live.add(XivoWsMapping.line(l)));
            Map<String, ResourceKey> usersById = new HashMap<>();
            for (CompletableFuture<List<JsonNode>> view : userViews) {
                for (JsonNode user : join(view)) {
                    Resource mapped = XivoWsMapping.user(user, entityNames);
                    usersById.put(mapped.requireId(), mapped.key());
                    live.add(mapped);
                }
            }
            for (CompletableFuture<List<JsonNode>> view : pickupViews) {
                join(view).forEach(p -> live.add(XivoWsMapping.pickup(p, usersById)));
            }
            join(mail).forEach(m -> live.add(XivoWsMapping.mail(m)));
            return ResourceSet.of(target.name(), live);
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<String, String> entityNames(List<JsonNode> entities) {
        Map<String, String> names = new HashMap<>();
        entities.forEach(e -> names.put(e.path("id").asText(), e.path("name").asText()));
        return names;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception ignored) {
            // closing the HTTP client only frees its connections; nothing to report
        }
    }


}
