package dev.switchboard.systems.gws.provider;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ResourceType;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One GWS server: its users, read in one {@code GET /users?fields=*}. Says which GWS it talks to from the
 * version call, which needs no authentication, before the first read.
 */
final class GwsProvider implements Provider {

    private static final Logger LOG = Logger.getLogger(GwsProvider.class);

    private final TargetSpec target;
    private final GwsClient client;
    private final AutoCloseable connection;
    private final List<ResourceType> types;

    GwsProvider(TargetSpec target, GwsClient client, ReadBack readBack, String ownUserName, AutoCloseable connection) {
        this.target = target;
        this.client = client;
        this.connection = connection;
        this.types = List.of(new GwsUserType(target.name(), client, readBack, ownUserName));
    }

    @Override
    public TargetSpec target() {
        return target;
    }

    @Override
    public List<ResourceType> types() {
        return types;
    }

    GwsClient client() {
        return client;
    }

    @Override
    public ResourceSet fetchLiveState(FetchProgress progress) {
        try {
            LOG.infof("target %s: Genesys Web Services %s", target.name(), client.version());
        } catch (ProviderException unknownVersion) {
            LOG.warnf("target %s: the GWS version is unknown (%s)", target.name(), unknownVersion.getMessage());
        }
        List<Resource> users = client.listUsers().stream().map(GwsMapping::user).toList();
        progress.fetched(users.size());
        return ResourceSet.of(target.name(), users);
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
