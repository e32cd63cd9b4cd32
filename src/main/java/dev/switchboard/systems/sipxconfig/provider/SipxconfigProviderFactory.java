package dev.switchboard.systems.sipxconfig.provider;

import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.Secret;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.provider.RestClients;
import dev.switchboard.provider.RetryPolicy;
import dev.switchboard.systems.sipxconfig.SipxconfigKinds;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens sipXconfig providers ({@code kind: sipxconfig}) for targets that list their users with a password
 * each ({@code options.users}, as {@link dev.switchboard.systems.sipxconfig.SipxconfigTargetFields} reads them).
 * The base URI is the server's root; the API's {@code /sipxconfig/rest} prefix is added by {@link SipxconfigApi}.
 */
public final class SipxconfigProviderFactory implements ProviderFactory {

    /** The key of {@link TargetSpec#options()} holding the users: user name to password ({@link Secret}). */
    public static final String USERS = "users";

    private final ApiObserver observer;

    public SipxconfigProviderFactory(ApiObserver observer) {
        this.observer = observer;
    }

    @Override
    public String targetKind() {
        return SipxconfigKinds.TARGET_KIND;
    }

    @Override
    public List<ResourceKind> kinds() {
        return SipxconfigKinds.ALL;
    }

    @Override
    public Provider open(TargetSpec target, URI baseUri) {
        return open(target, baseUri, RetryPolicy.DEFAULT);
    }

    /** With a retry policy of the caller's choosing: tests use short delays. */
    public Provider open(TargetSpec target, URI baseUri, RetryPolicy retries) {
        Map<String, Secret> passwords = passwords(target);
        SipxconfigApi api = RestClients.build(SipxconfigApi.class, baseUri, target, RestClients.DEFAULT_READ_TIMEOUT);
        SipxconfigClient client = new SipxconfigClient(target.name(), api, passwords, retries, observer,
                target.timeouts());
        return new SipxconfigProvider(target, client, () -> {
            if (api instanceof AutoCloseable closeable) {
                closeable.close();
            }
        });
    }

    static Map<String, Secret> passwords(TargetSpec target) {
        Map<String, Secret> passwords = new LinkedHashMap<>();
        if (target.options().get(USERS) instanceof Map<?, ?> users) {
            users.forEach((user, password) -> {
                if (password instanceof Secret secret) {
                    passwords.put(String.valueOf(user), secret);
                } else if (password != null) {
                    passwords.put(String.valueOf(user), Secret.fromLive(String.valueOf(password)));
                }
            });
        }
        if (passwords.isEmpty()) {
            throw new IllegalArgumentException("target " + target.name()
                    + ": a sipxconfig target lists the users it manages, each with its password (users: {\"201\": "
                    + "{password: ${env:...}}})");
        }
        return passwords;
    }
}
