package dev.switchboard.systems.officelinx;

import dev.switchboard.systems.officelinx.OfficelinxKinds;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.ApiCaller;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.provider.RestClients;
import dev.switchboard.provider.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens Officelinx providers. A target names its OAuth2 client and administrator in {@code auth}
 * ({@code clientId}, {@code clientSecret}, {@code username}, {@code password}) and may set
 * {@code options.pbx} (default 1: the PBX whose companies are managed) and {@code options.scope}
 * (default {@code http://localhost/}, as the document says), {@code tokenPath} (default: the document's
 * {@code /UCOAuth2/oauth2/token}, then {@code /UCOAuth2/token} when that is 404) and {@code apiRoot} (default
 * {@code /UCBusinessRest/api}; the document's own {@code localhost:34133/api/...} URLs have {@code /api}).
 */
@ApplicationScoped
public class OfficelinxProviderFactory implements ProviderFactory {

    static final long DEFAULT_PBX = 1;

    private final ApiObserver observer;

    @Inject
    public OfficelinxProviderFactory(ApiObserver observer) {
        this.observer = observer;
    }

    @Override
    public String targetKind() {
        return OfficelinxKinds.TARGET_KIND;
    }

    @Override
    public List<ResourceKind> kinds() {
        return OfficelinxKinds.ALL;
    }

    @Override
    public Provider open(TargetSpec target, URI baseUri) {
        return open(target, baseUri, RetryPolicy.DEFAULT, Clock.systemUTC());
    }

    /** For tests: a retry policy with short delays, a clock to expire tokens by. */
    Provider open(TargetSpec target, URI baseUri, RetryPolicy retries, Clock clock) {
        OAuthCredentials credentials = new OAuthCredentials(required(target, "clientId"), required(target, "clientSecret"),
                required(target, "username"), required(target, "password"),
                String.valueOf(target.options().getOrDefault("scope", OAuthCredentials.DOCUMENTED_SCOPE)));
        List<AutoCloseable> clients = new ArrayList<>();
        Optional<String> tokenPath = path(target, "tokenPath");
        List<TokenManager.TokenEndpoint> endpoints = new ArrayList<>();
        for (String path : tokenPath.map(List::of)
                .orElse(List.of(TokenManager.DOCUMENTED_TOKEN_PATH, TokenManager.SHORT_TOKEN_PATH))) {
            endpoints.add(new TokenManager.TokenEndpoint(path, () -> {
                OfficelinxOAuthApi oauth = RestClients.build(OfficelinxOAuthApi.class, under(baseUri, path), target,
                        RestClients.DEFAULT_READ_TIMEOUT);
                synchronized (clients) {
                    closeable(oauth, clients);
                }
                return oauth;
            }));
        }
        ApiCaller tokenCaller = new ApiCaller(target.name(), retries, observer, () -> false)
                .withTimeouts(target.timeouts());
        TokenManager tokens = new TokenManager(target.name(), endpoints, tokenPath.isPresent(), tokenCaller, credentials, clock);
        String apiRoot = path(target, "apiRoot").orElse(OfficelinxClient.DOCUMENTED_API_ROOT);
        OfficelinxApi api = RestClients.build(OfficelinxApi.class, under(baseUri, apiRoot), target,
                RestClients.DEFAULT_READ_TIMEOUT, new BearerTokenFilter(tokens));
        closeable(api, clients);
        ApiCaller caller = new ApiCaller(target.name(), retries, observer, tokens::reauthenticate)
                .withTimeouts(target.timeouts());
        OfficelinxClient client = new OfficelinxClient(target.name(), apiRoot, api, caller, tokens);
        LiveStateReader reader = new LiveStateReader(target.name(), client, pbx(target), target.policy().parallelism());
        return new OfficelinxProvider(target, client, reader, clients);
    }

    /** A path setting of the target ({@code tokenPath}, {@code apiRoot}), with one leading and no trailing slash. */
    private static Optional<String> path(TargetSpec target, String setting) {
        return Optional.ofNullable(target.options().get(setting)).map(String::valueOf).map(String::trim)
                .filter(p -> !p.isEmpty()).map(p -> "/" + p.replaceAll("^/+|/+$", "")).map(p -> p.equals("/") ? "" : p);
    }

    /** {@code path} below the target's URL, which may have a path of its own. */
    private static URI under(URI baseUri, String path) {
        return URI.create(baseUri.toString().replaceAll("/+$", "") + path);
    }

    private static void closeable(Object client, List<AutoCloseable> clients) {
        if (client instanceof AutoCloseable closeable) {
            clients.add(closeable);
        }
    }

    private static String required(TargetSpec target, String field) {
        return target.credential(field).orElseThrow(() -> new IllegalArgumentException(
                "target " + target.name() + ": auth." + field + " is required for an officelinx target"));
    }

    private static long pbx(TargetSpec target) {
        Object pbx = target.options().get("pbx");
        return pbx == null ? DEFAULT_PBX : OfficelinxMapping.asLong(pbx);
    }
}
