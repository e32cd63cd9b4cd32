package dev.switchboard.systems.officelinx;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import java.util.HashSet;
import java.util.Set;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ResourceType;
import java.util.List;

/**
 * One Officelinx server: its companies on the target's PBX and everything in them. Holds one OAuth2
 * token for all calls; safe for concurrent use.
 */
final class OfficelinxProvider implements Provider {

    private final TargetSpec target;
    private final LiveStateReader reader;
    private final List<ResourceType> types;
    private final List<AutoCloseable> clients;

    OfficelinxProvider(TargetSpec target, OfficelinxClient client, LiveStateReader reader, List<AutoCloseable> clients) {
        this.target = target;
        this.reader = reader;
        this.clients = clients; // token clients join it when first used: closed with the rest
        this.types = List.of(
                new Companies(client, reader),
                new Departments(client, reader),
                new FeatureGroups(client, reader),
                new Mailboxes(client, reader),
                new MailboxAddresses(client, reader));
    }

    @Override
    public TargetSpec target() {
        return target;
    }

    @Override
    public List<ResourceType> types() {
        return types;
    }

    /** The address types declared, for a server that lists addresses one type at a time. */
    @Override
    public void expect(ResourceSet declared) {
        reader.expectAddressTypes(addressTypes(declared));
    }

    /** A read told no address type covers the declared ones unless the server lists every type at once. */
    @Override
    public boolean readCovers(ResourceSet declared) {
        return reader.lastFetchCovered(addressTypes(declared));
    }

    private static Set<Long> addressTypes(ResourceSet declared) {
        Set<Long> types = new HashSet<>();
        for (Resource address : declared.ofKind(OfficelinxKinds.ADDRESS)) {
            types.add(OfficelinxMapping.asLong(address.key().parts().get(2)));
        }
        return types;
    }

    @Override
    public ResourceSet fetchLiveState(FetchProgress progress) {
        return reader.fetchAll(progress);
    }

    @Override
    public void close() {
        List<AutoCloseable> all;
        synchronized (clients) {
            all = List.copyOf(clients);
        }
        for (AutoCloseable client : all) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing a REST client only releases its connection pool
            }
        }
    }
}
