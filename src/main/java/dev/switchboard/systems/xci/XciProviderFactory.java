package dev.switchboard.systems.xci;

import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.systems.xci.XciKinds;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.provider.RestClients;
import dev.switchboard.provider.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;

/**
 * Opens XCI providers ({@code kind: xci}) for targets whose {@code auth} holds {@code login} and
 * {@code password}. The base URI is the server's root ({@code https://xci.example.com:9001}); the
 * API's {@code /api/1.0} prefix is added here.
 */
@ApplicationScoped
public class XciProviderFactory implements ProviderFactory {

    private final ApiObserver observer;

    public XciProviderFactory(ApiObserver observer) {
        this.observer = observer;
    }

    @Override
    public String targetKind() {
        return XciKinds.TARGET_KIND;
    }

    @Override
    public List<ResourceKind> kinds() {
        return XciKinds.ALL;
    }

    @Override
    public Provider open(TargetSpec target, URI baseUri) {
        return open(target, baseUri, RetryPolicy.DEFAULT);
    }

    /** With a retry policy of the caller's choosing: tests use short delays. */
    XciProvider open(TargetSpec target, URI baseUri, RetryPolicy retries) {
        String login = target.credential("login").orElseThrow(() -> missing(target, "login"));
        String password = target.credential("password").orElseThrow(() -> missing(target, "password"));
        XciSession session = new XciSession();
        XciApi api = RestClients.build(XciApi.class, baseUri, target, RestClients.DEFAULT_READ_TIMEOUT, session);
        XciClient client = new XciClient(target.name(), api, session, login, password, retries, observer,
                target.timeouts());
        return new XciProvider(target, client, () -> {
            if (api instanceof AutoCloseable closeable) {
                closeable.close();
            }
        });
    }

    private static IllegalArgumentException missing(TargetSpec target, String field) {
        return new IllegalArgumentException("target " + target.name() + ": auth." + field
                + " is required for an XCI target");
    }
}
