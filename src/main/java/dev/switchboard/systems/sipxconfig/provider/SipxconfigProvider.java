package dev.switchboard.systems.sipxconfig.provider;

import static dev.switchboard.provider.ParallelReads.async;
import static dev.switchboard.provider.ParallelReads.join;

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
 * One sipXconfig server, seen through the users its target lists: for each, its settings, its conferences
 * and its private phonebook. Every read is one call as that user; they run in parallel up to the target's
 * parallelism, all users at once (the settings and conference lists first, then each conference's settings).
 */
final class SipxconfigProvider implements Provider {

    private final TargetSpec target;
    private final SipxconfigClient client;
    private final AutoCloseable connection;
    private final List<SettingsType> settings;
    private final VoicemailPinType pin;
    private final ConferenceType conferences;
    private final PhonebookEntryType phonebook;
    private final List<ResourceType> types;

    SipxconfigProvider(TargetSpec target, SipxconfigClient client, AutoCloseable connection) {
        this.target = target;
        this.client = client;
        this.connection = connection;
        this.settings = SettingsType.all(client);
        this.pin = new VoicemailPinType(client);
        this.conferences = new ConferenceType(client);
        this.phonebook = new PhonebookEntryType(client);
        List<ResourceType> all = new ArrayList<>();
        all.add(settings.get(0));
        all.add(settings.get(1));
        all.add(pin);
        all.addAll(settings.subList(2, settings.size()));
        all.add(conferences);
        all.add(phonebook);
        this.types = List.copyOf(all);
    }

    @Override
    public TargetSpec target() {
        return target;
    }

    @Override
    public List<ResourceType> types() {
        return types;
    }

    SipxconfigClient client() {
        return client;
    }

    @Override
    public ResourceSet fetchLiveState(FetchProgress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, target.policy().parallelism()), runnable -> {
            Thread thread = new Thread(runnable, "sipxconfig-fetch-" + target.name());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<List<Resource>>> reads = new ArrayList<>();
            List<CompletableFuture<List<String>>> conferenceLists = new ArrayList<>();
            List<String> users = client.users();
            for (String user : users) {
                for (SettingsType type : settings) {
                    reads.add(async(pool, () -> List.of(type.fetch(user)), progress));
                }
                reads.add(async(pool, () -> List.of(pin.fetch(user)), progress));
                reads.add(async(pool, () -> phonebook.fetch(user), progress));
                conferenceLists.add(CompletableFuture.supplyAsync(() -> client.listConferences(user), pool));
            }
            for (int i = 0; i < users.size(); i++) {
                String user = users.get(i);
                for (String name : join(conferenceLists.get(i))) {
                    reads.add(async(pool, () -> List.of(conferences.fetch(user, name)), progress));
                }
            }
            List<Resource> live = new ArrayList<>();
            for (CompletableFuture<List<Resource>> read : reads) {
                live.addAll(join(read));
            }
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
