package dev.switchboard.systems.gws.provider;

import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.ApiCaller;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.provider.RestClients;
import dev.switchboard.provider.RetryPolicy;
import dev.switchboard.systems.gws.GwsKinds;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Opens GWS providers ({@code kind: gws}) for targets whose {@code auth} holds {@code username} and
 * {@code password} (which may be empty, as in the document). The base URI is the server's root; the
 * API's {@code /api/v2} prefix is added here. The target's {@code confirmTimeout} (option
 * {@value #CONFIRM_TIMEOUT_OPTION}, in milliseconds) bounds each write's read-back, 30 s by default.
 */
public final class GwsProviderFactory implements ProviderFactory {

    /** The option the target-fields reader stores {@code confirmTimeout} under, in milliseconds. */
    public static final String CONFIRM_TIMEOUT_OPTION = "confirmTimeoutMs";

    private final ApiObserver observer;

    public GwsProviderFactory(ApiObserver observer) {
        this.observer = observer;
    }

    @Override
    public String targetKind() {
        return GwsKinds.TARGET_KIND;
    }

    @Override
    public List<ResourceKind> kinds() {
        return GwsKinds.ALL;
    }

    @Override
    public Provider open(TargetSpec target, URI baseUri) {
        return open(target, baseUri, RetryPolicy.DEFAULT, d -> Thread.sleep(d.toMillis()));
    }

    /**
     * For tests: a retry policy with short delays, and the sleeper both retries and read-backs wait with,
     * so that a test moves a clock instead of waiting.
     */
    public GwsProvider open(TargetSpec target, URI baseUri, RetryPolicy retries, ApiCaller.Sleeper sleeper) {
        String username = target.credential("username").orElseThrow(() -> new IllegalArgumentException(
                "target " + target.name() + ": auth.username is required for a GWS target"));
        String password = target.credential("password").orElse("");
        GwsApi api = RestClients.build(GwsApi.class, baseUri, target, RestClients.DEFAULT_READ_TIMEOUT,
                new GwsBasicAuth(username, password));
        GwsClient client = new GwsClient(target.name(), api, baseUri, retries, observer, sleeper,
                target.policy().parallelism(), target.timeouts());
        return new GwsProvider(target, client, new ReadBack(confirmTimeout(target), sleeper), username, () -> {
            if (api instanceof AutoCloseable closeable) {
                closeable.close();
            }
        });
    }

    static Duration confirmTimeout(TargetSpec target) {
        Object millis = target.options().get(CONFIRM_TIMEOUT_OPTION);
        return millis instanceof Number number ? Duration.ofMillis(number.longValue()) : ReadBack.DEFAULT_TIMEOUT;
    }
}
