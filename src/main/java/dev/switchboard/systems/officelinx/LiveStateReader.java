package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.systems.officelinx.OfficelinxMapping.CompanyScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Reads live state: the companies of the target's PBX; per company its departments, feature groups
 * and every page of mailboxes; per mailbox its addresses, fetched concurrently up to the target's
 * parallelism. Also reads single scopes for {@link dev.switchboard.provider.Creator#findByKey}.
 */
final class LiveStateReader {

    private static final Logger LOG = Logger.getLogger(LiveStateReader.class);

    private final String target;
    private final OfficelinxClient client;
    private final long pbx;
    private final int parallelism;
    /** Address ID -> mailbox ID, from the last fetch: a deleted address is confirmed gone from its mailbox's list. */
    private final Map<String, Long> mailboxOfAddress = new java.util.concurrent.ConcurrentHashMap<>();
    /** The address types to ask for one by one, once the server refused a list without addresstype. */
    private volatile Set<Long> declaredAddressTypes = Set.of(0L);
    private volatile boolean addressTypeRequired;

    LiveStateReader(String target, OfficelinxClient client, long pbx, int parallelism) {
        this.target = target;
        this.client = client;
        this.pbx = pbx;
        this.parallelism = Math.max(1, parallelism);
    }

    long pbx() {
        return pbx;
    }

    ResourceSet fetchAll(FetchProgress progress) {
        Map<ResourceKey, Resource> live = new LinkedHashMap<>();
        AtomicInteger count = new AtomicInteger();
        Map<String, ResourceKey> mailboxes = new LinkedHashMap<>();
        for (ObjectNode record : companies()) {
            Optional<Resource> company = OfficelinxMapping.company(record);
            if (company.isEmpty()) {
                continue;
            }
            add(live, List.of(company.get()), progress, count);
            CompanyScope scope = scope(company.get().requireId(), company.get().key().leaf());
            add(live, scope.resources(), progress, count);
            mailboxes.putAll(scope.mailboxKeysById());
        }
        for (List<Resource> addresses : addressesOf(mailboxes)) {
            add(live, addresses, progress, count);
        }
        return ResourceSet.of(target, live.values());
    }

    /** GetListOfCompanies: 404 with no content is the document's way of saying "none". */
    List<ObjectNode> companies() {
        return client.list("EEAMCompanies?pbxid=" + pbx, "companies of PBX " + pbx, api -> api.listCompanies(pbx));
    }

    /** The address types the desired state declares; with type 0, the ones asked for when the type is required. */
    void expectAddressTypes(Set<Long> declared) {
        Set<Long> types = new java.util.TreeSet<>(declared);
        types.add(0L);
        declaredAddressTypes = Set.copyOf(types);
    }

    Optional<Long> mailboxOfAddress(String addressId) {
        return Optional.ofNullable(mailboxOfAddress.get(addressId));
    }

    CompanyScope scope(String companyId, String companyName) {
        long id = Long.parseLong(companyId);
        String about = "company " + companyName;
        List<ObjectNode> departments = client.list("EEAMDepartments?companyid=" + id, about,
                api -> api.listDepartments(id));
        List<ObjectNode> groups = client.list("EEAMFGroups?companyid=" + id, about,
                api -> api.listFeatureGroups(id));
        return OfficelinxMapping.companyScope(companyName, departments, groups, mailboxes(id, about));
    }

    /**
     * GetMailboxAddresses of one type, or of every type. Every example of the document passes
     * {@code addresstype}, and a server may have no route without it: then every type the desired state
     * declares is asked for, and type 0, the one the document names (addresses of other types are not seen).
     */
    List<Resource> addresses(String mailboxId, ResourceKey mailbox, Optional<Long> type) {
        long id = Long.parseLong(mailboxId);
        List<ObjectNode> records = new ArrayList<>();
        if (type.isPresent()) {
            records.addAll(addressesOfType(id, mailbox, type.get()));
        } else {
            Optional<List<ObjectNode>> all = addressTypeRequired ? Optional.empty()
                    : client.listIfRouted("EEAMMailboxAddresses?mailboxid=" + id, mailbox.toString(),
                            api -> api.listAddresses(id, null));
            if (all.isPresent()) {
                records.addAll(all.get());
            } else {
                if (!addressTypeRequired) {
                    LOG.debugf("target %s: GetMailboxAddresses needs addresstype; asking for types %s", target,
                            declaredAddressTypes);
                    addressTypeRequired = true;
                }
                for (long each : declaredAddressTypes) {
                    records.addAll(addressesOfType(id, mailbox, each));
                }
            }
        }
        List<Resource> addresses = records.stream()
                .map(record -> OfficelinxMapping.address(mailbox, record))
                .flatMap(Optional::stream)
                .toList();
        addresses.forEach(address -> mailboxOfAddress.put(address.requireId(), id));
        return addresses;
    }

    private List<ObjectNode> addressesOfType(long mailboxId, ResourceKey mailbox, long type) {
        return client.list("EEAMMailboxAddresses?mailboxid=" + mailboxId + "&addresstype=" + type, mailbox.toString(),
                api -> api.listAddresses(mailboxId, type));
    }

    /**
     * Every page of a company's mailboxes. Neither the page size nor where pages start is documented: the
     * largest page seen is taken as the size, and pages are read from 0, so that a server counting from 0
     * has its first page read and one counting from 1 (which answers page 0 as page 1, or as nothing) loses
     * none. Paging stops at an empty or shorter page after page 0, or at the second page in a row that
     * brings no mailbox not already seen (a server that ignores {@code page}).
     */
    private List<ObjectNode> mailboxes(long companyId, String about) {
        List<ObjectNode> all = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int pageSize = 0;
        int staleInARow = 0;
        for (int page = 0; ; page++) {
            int number = page;
            List<ObjectNode> records = client.list("EEAMMailboxes?companyid=" + companyId + "&page=" + page, about,
                    api -> api.listMailboxes(companyId, number));
            boolean fresh = false;
            for (ObjectNode record : records) {
                if (seen.add(JsonFields.number(record, "MailboxID").orElse(-1L))) {
                    all.add(record);
                    fresh = true;
                }
            }
            staleInARow = fresh ? 0 : staleInARow + 1;
            pageSize = Math.max(pageSize, records.size());
            if (page == 0) {
                continue;
            }
            if (records.isEmpty() || records.size() < pageSize || staleInARow >= 2) {
                return all;
            }
        }
    }

    private List<List<Resource>> addressesOf(Map<String, ResourceKey> mailboxes) {
        if (mailboxes.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, mailboxes.size()), runnable -> {
            Thread thread = new Thread(runnable, "officelinx-fetch-" + target);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Callable<List<Resource>>> tasks = new ArrayList<>();
            mailboxes.forEach((id, key) -> tasks.add(() -> addresses(id, key, Optional.empty())));
            List<List<Resource>> results = new ArrayList<>();
            for (Future<List<Resource>> result : pool.invokeAll(tasks)) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading mailbox addresses of target " + target, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException failed) {
                throw failed;
            }
            throw new IllegalStateException("reading mailbox addresses of target " + target + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void add(Map<ResourceKey, Resource> live, List<Resource> resources, FetchProgress progress,
                     AtomicInteger count) {
        for (Resource resource : resources) {
            Resource earlier = live.putIfAbsent(resource.key(), resource);
            if (earlier != null) {
                LOG.warnf("target %s: %s exists twice on the server (IDs %s and %s); only the first is managed",
                        target, resource.key(), earlier.requireId(), resource.requireId());
            }
        }
        progress.fetched(count.addAndGet(resources.size()));
    }
}
