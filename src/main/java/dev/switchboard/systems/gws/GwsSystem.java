package dev.switchboard.systems.gws;

import dev.switchboard.desired.ResourceFileFormat;
import dev.switchboard.diff.Normalizer;
import dev.switchboard.diff.Normalizers;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.Simulator;
import dev.switchboard.sim.SimDialect;
import dev.switchboard.system.KindDescriptor;
import dev.switchboard.system.TargetSystem;
import dev.switchboard.systems.gws.provider.GwsProviderFactory;
import dev.switchboard.systems.gws.sim.GwsSimulator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Genesys Web Services 8.5 API v2 ({@code kind: gws}): users, whose writes the server accepts with
 * {@code statusCode 0} and carries out later, so each is read back before it counts as applied.
 */
@ApplicationScoped
public class GwsSystem implements TargetSystem {

    private final GwsProviderFactory providers;

    @Inject
    public GwsSystem(ApiObserver observer) {
        this.providers = new GwsProviderFactory(observer);
    }

    @Override
    public String targetKind() {
        return GwsKinds.TARGET_KIND;
    }

    @Override
    public String displayName() {
        return "Genesys Web Services";
    }

    @Override
    public List<KindDescriptor> kinds() {
        return List.of(KindDescriptor.of(GwsKinds.USER, List.of("userName")));
    }

    @Override
    public ResourceFileFormat files() {
        return new ResourceFileFormat(GwsKinds.TARGET_KIND, GwsKinds.ALL, new GwsReader(), new GwsExport(),
                new GwsTargetFields());
    }

    /** Roles are a set: the API keeps neither their order nor repeats. */
    @Override
    public Map<ResourceKind, Normalizer> normalizers() {
        return Map.of(GwsKinds.USER, Normalizers.scalars().andThen(Normalizers.unorderedLists("roles")));
    }

    @Override
    public ProviderFactory providers() {
        return providers;
    }

    @Override
    public Simulator simulator(SimCredentials credentials) {
        return new GwsSimulator(credentials);
    }

    /**
     * Knobs: {@code apply-delay-ms}, {@code drop-writes} (a count, or {@code all}), and the dialects
     * {@code create-status} ({@code text}|{@code number}), {@code update-verbs} ({@code both}|{@code put}|{@code post}),
     * {@code error-status} ({@code matching}|{@code 200}), {@code search} ({@code filtered}|{@code ignored}),
     * {@code list} ({@code fields}|{@code uris}).
     */
    @Override
    public Simulator simulator(SimCredentials credentials, Map<String, String> options) {
        return GwsSimulator.withOptions(credentials, options, Clock.systemUTC());
    }

    /** Its dialects, presets of the knobs {@code create-status}, {@code update-verbs}, {@code error-status}, {@code search}, {@code list}. */
    @Override
    public List<SimDialect> dialects() {
        return List.of(
                SimDialect.option("create-status-number", "create-status", "number",
                        "create answers statusCode 0 as a number, as every other answer does",
                        "the document: \"When a request returns \\\"statusCode\\\":0 ...\" (a number), where the CreateUser page shows \"statusCode\":\"0\""),
                SimDialect.option("update-put", "update-verbs", "put",
                        "only PUT updates a user; POST /users/{id} answers 405",
                        "api-notes 1d: the UsersAPI \"attribute table says PUT\""),
                SimDialect.option("update-post", "update-verbs", "post",
                        "only POST updates a user; PUT /users/{id} answers 405",
                        "api-notes 1d: \"UsersAPI page lists POST /users/{id} as 'Updates the user'\""),
                SimDialect.option("errors-200", "error-status", "200",
                        "errors come back as HTTP 200 with a non-zero statusCode (a duplicate user name stays 403)",
                        "api-notes 1d: the ReturnValues page's statusCode table (1 missing param ... 20 not authenticated) carries errors in the body"),
                SimDialect.option("search-ignored", "search", "ignored",
                        "GET /users ignores the userName, firstName, lastName filters and lists everyone",
                        "api-notes 1d: the users API documents no filter parameters on the collection"),
                SimDialect.option("list-uris", "list", "uris",
                        "GET /users answers uris only, even with fields=*",
                        "api-notes 1d: \"Collections: GET /users returns uris only\""));
    }
}
