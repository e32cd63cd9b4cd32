package dev.switchboard.systems.xivows.provider;

import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.provider.RestClients;
import dev.switchboard.provider.RetryPolicy;
import dev.switchboard.systems.xivows.XivoWsKinds;
import java.net.URI;
import java.util.List;

/**
 * Opens providers of {@code xivo-ws} targets, whose {@code auth} holds {@code login} and {@code password}
 * (sent as HTTP Basic). The base URI is the XiVO's root ({@code https://xivo.example.com}); the two
 * {@code json.php} prefixes are added by the client. The providers of one factory share a {@link SumCache}.
 */
public final class XivoWsProviderFactory implements ProviderFactory {

    private final ApiObserver observer;
    private final SumCache cache;

    public XivoWsProviderFactory(ApiObserver observer, SumCache cache) {
        this.observer = observer;
        this.cache = cache;
    }

    @Override
    public String targetKind() {
        return XivoWsKinds.TARGET_KIND;
    }

    @Override
    public List<ResourceKind> kinds() {
        return XivoWsKinds.ALL;
    }

    @Override
    public Provider open(TargetSpec target, URI baseUri) {
        return open(target, baseUri, RetryPolicy.DEFAULT);
    }

    /** With a retry policy of the caller's choosing: tests use short delays. */
    public XivoWsProvider open(TargetSpec target, URI baseUri, RetryPolicy retries) {
        String login = target.credential("login").orElseThrow(() -> missing(target, "login"));
        String password = target.credential("password").orElseThrow(() -> missing(target, "password"));
        XivoWsApi api = RestClients.build(XivoWsApi.class, baseUri, target, RestClients.DEFAULT_READ_TIMEOUT,
                new BasicAuthFilter(login, password), new NotModifiedFilter());
        XivoWsClient client = new XivoWsClient(target.name(), api, retries, observer, cache);
        return new XivoWsProvider(target, client, () -> {
            if (api instanceof AutoCloseable closeable) {
                closeable.close();
            }
        });
    }

    private static IllegalArgumentException missing(TargetSpec target, String field) {
        return new IllegalArgumentException("target " + target.name() + ": auth." + field
                + " is required for a xivo-ws target");
    }
}
