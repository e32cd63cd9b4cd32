package dev.switchboard.systems.xci;

import static dev.switchboard.provider.ParallelReads.async;
import static dev.switchboard.provider.ParallelReads.join;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One XCI server: XiVOs, entities, templates and administrators fetched concurrently, then the users
 * of every entity concurrently, all mapped to the desired-state shape. Safe for concurrent use.
 */
final class XciProvider implements Provider {

    private final TargetSpec target;
    private final XciClient client;
    private final AutoCloseable connection;
    private final List<ResourceType> types;

    XciProvider(TargetSpec target, XciClient client, AutoCloseable connection) {
        this.target = target;
        this.client = client;
        this.connection = connection;
        this.types = List.of(new XivoType(client), new EntityType(client), new TemplateType(client),
                new UserType(client),
                new AdministratorType(client, target.credential("login").orElse("")));
    }

    @Override
    public TargetSpec target() {
        return target;
    }

    @Override
    public List<ResourceType> types() {
        return types;
    }

    /** The client of this provider's server, for calls no resource type makes (available numbers, sync). */
    XciClient client() {
        return client;
    }

    @Override
    public ResourceSet fetchLiveState(FetchProgress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, target.policy().parallelism()), runnable -> {
            Thread thread = new Thread(runnable, "xci-fetch-" + target.name());
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<List<JsonNode>> xivos = async(pool, client::listXivos, progress);
            CompletableFuture<List<JsonNode>> entities = async(pool, client::listEntities, progress);
            CompletableFuture<List<JsonNode>> templates = async(pool, client::listTemplates, progress);
            CompletableFuture<List<JsonNode>> administrators = async(pool, client::listAdministrators, progress);
            List<CompletableFuture<List<JsonNode>>> usersByEntity = new ArrayList<>();
            for (JsonNode entity : join(entities)) {
                String combinedId = entity.path("combinedId").asText();
                usersByEntity.add(async(pool, () -> client.listUsersOfEntity(combinedId), progress));
            }
            XciDirectory directory = XciDirectory.of(join(xivos), join(entities));
            List<Resource> live = new ArrayList<>();
            join(xivos).forEach(x -> live.add(XciMapping.xivo(x)));
            join(entities).forEach(e -> live.add(XciMapping.entity(e)));
            join(templates).forEach(t -> live.add(XciMapping.template(t, directory)));
            for (CompletableFuture<List<JsonNode>> users : usersByEntity) {
                join(users).forEach(u -> live.add(XciMapping.user(u)));
            }
            join(administrators).forEach(a -> live.add(XciMapping.administrator(a, directory)));
            return ResourceSet.of(target.name(), live);
        } finally {
            pool.shutdownNow();
        }
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
