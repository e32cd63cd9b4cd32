package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.FetchScheduler;
import dev.switchboard.systems.officelinx.OfficelinxMapping.CompanyScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Reads live state: the companies of the target's PBX; per company its departments, feature groups
 * and every page of mailboxes; per mailbox its addresses: all as independent reads on one
 * {@link FetchScheduler} bounded by the target's parallelism. Also reads single scopes for {@link dev.switchboard.provider.Creator#findByKey}.
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
    /** The address types the last {@link #fetchAll} would ask for one by one. */
    private volatile Set<Long> typesOfLastFetch = Set.of(0L);

    LiveStateReader(String target, OfficelinxClient client, long pbx, int parallelism) {
        this.target = target;
        this.client = client;
        this.pbx = pbx;
        this.parallelism = Math.max(1, parallelism);
    }

    long pbx() {
        return pbx;
    }

    /**
     * Every company's departments, feature groups and mailbox pages are read at once (each company's
     * pages one after another, since the server says neither how many there are nor how large they are:
     * reading ahead would cost requests past the end), and each mailbox's addresses as soon as the page
     * naming the mailbox has arrived, all on one {@link FetchScheduler} bounded by the parallelism.
     */
    ResourceSet fetchAll(FetchProgress progress) {
        typesOfLastFetch = declaredAddressTypes;
        try (FetchScheduler fetch = FetchScheduler.open(target, parallelism)) {
            List<Resource> companies = new ArrayList<>();
            List<CompletableFuture<CompanyScope>> scopes = new ArrayList<>();
            List<List<CompletableFuture<List<Resource>>>> addressesByCompany = new ArrayList<>();
            for (ObjectNode record : FetchScheduler.join(fetch.read(this::companies))) {
                Optional<Resource> company = OfficelinxMapping.company(record);
                if (company.isEmpty()) {
                    continue;
                }
                companies.add(company.get());
                progress.fetched(1);
                long id = Long.parseLong(company.get().requireId());
                String name = company.get().key().leaf();
                String about = "company " + name;
                CompletableFuture<List<ObjectNode>> departments = fetch.read(() -> departments(id, about));
                CompletableFuture<List<ObjectNode>> groups = fetch.read(() -> featureGroups(id, about));
                List<CompletableFuture<List<Resource>>> addresses = Collections.synchronizedList(new ArrayList<>());
                CompletableFuture<List<ObjectNode>> mailboxes = new MailboxPages(fetch, id, about, mailbox -> {
                    Optional<Long> mailboxId = JsonFields.number(mailbox, "MailboxID");
                    Optional<String> number = JsonFields.text(mailbox, "MailboxNo");
                    if (mailboxId.isPresent() && number.isPresent()) {
                        ResourceKey key = OfficelinxMapping.mailboxKey(name, number.get());
                        addresses.add(fetch.leaf(FetchScheduler.counted(
                                () -> addresses(String.valueOf(mailboxId.get()), key, Optional.empty()), progress)));
                    }
                }).start();
                scopes.add(departments.thenCombine(groups, (d, g) -> Map.entry(d, g)).thenCombine(mailboxes,
                        (dg, m) -> {
                            CompanyScope scope = OfficelinxMapping.companyScope(name, dg.getKey(), dg.getValue(), m);
                            progress.fetched(scope.resources().size());
                            return scope;
                        }));
                addressesByCompany.add(addresses);
            }
            Map<ResourceKey, Resource> live = new LinkedHashMap<>();
            add(live, companies);
            for (CompletableFuture<CompanyScope> scope : scopes) {
                add(live, FetchScheduler.join(scope).resources());
            }
            // every page is in, so every address read has been started
            for (List<CompletableFuture<List<Resource>>> addresses : addressesByCompany) {
                for (CompletableFuture<List<Resource>> list : List.copyOf(addresses)) {
                    add(live, FetchScheduler.join(list));
                }
            }
            return ResourceSet.of(target, live.values());
        }
    }

    /**
     * A company's mailbox pages, each requested when the one before has answered; {@code found} is told
     * of each new mailbox as its page arrives.
     */
    private final class MailboxPages {
        private final FetchScheduler fetch;
        private final long companyId;
        private final String about;
        private final Consumer<ObjectNode> found;
        private final List<ObjectNode> all = new ArrayList<>();
        private final Set<Long> seen = new HashSet<>();
        private final CompletableFuture<List<ObjectNode>> done = new CompletableFuture<>();
        private int pageSize;
        private int staleInARow;

        MailboxPages(FetchScheduler fetch, long companyId, String about, Consumer<ObjectNode> found) {
            this.fetch = fetch;
            this.companyId = companyId;
            this.about = about;
            this.found = found;
        }

        CompletableFuture<List<ObjectNode>> start() {
            request(0);
            return done;
        }

        private void request(int page) {
            fetch.read(() -> mailboxPage(companyId, about, page)).whenComplete((records, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                    return;
                }
                try {
                    if (arrived(records, page)) {
                        request(page + 1);
                    } else {
                        done.complete(all);
                    }
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        }

        /**
         * Takes a page in; whether paging goes on, by the rule of {@link #mailboxes}: always after page 0, then
         * until an empty or shorter page, or the second page in a row with nothing new.
         */
        private boolean arrived(List<ObjectNode> records, int page) {
            boolean fresh = false;
            for (ObjectNode record : records) {
                if (seen.add(JsonFields.number(record, "MailboxID").orElse(-1L))) {
                    all.add(record);
                    found.accept(record);
                    fresh = true;
                }
            }
            staleInARow = fresh ? 0 : staleInARow + 1;
            pageSize = Math.max(pageSize, records.size());
            return page == 0 || (!records.isEmpty() && records.size() >= pageSize && staleInARow < 2);
        }
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

    /**
     * Whether the last fetch read every address of {@code types}: it did, unless the server needs a type to list
     * addresses and the fetch was not told all of them.
     */
    boolean lastFetchCovered(Set<Long> types) {
        return !addressTypeRequired || typesOfLastFetch.containsAll(types);
    }

    Optional<Long> mailboxOfAddress(String addressId) {
        return Optional.ofNullable(mailboxOfAddress.get(addressId));
    }

    CompanyScope scope(String companyId, String companyName) {
        long id = Long.parseLong(companyId);
        String about = "company " + companyName;
        return OfficelinxMapping.companyScope(companyName, departments(id, about), featureGroups(id, about),
                mailboxes(id, about));
    }

    private List<ObjectNode> departments(long companyId, String about) {
        return client.list("EEAMDepartments?companyid=" + companyId, about, api -> api.listDepartments(companyId));
    }

    private List<ObjectNode> featureGroups(long companyId, String about) {
        return client.list("EEAMFGroups?companyid=" + companyId, about, api -> api.listFeatureGroups(companyId));
    }

    private List<ObjectNode> mailboxPage(long companyId, String about, int page) {
        return client.list("EEAMMailboxes?companyid=" + companyId + "&page=" + page, about,
                api -> api.listMailboxes(companyId, page));
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
            List<ObjectNode> records = mailboxPage(companyId, about, page);
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

    private void add(Map<ResourceKey, Resource> live, List<Resource> resources) {
        for (Resource resource : resources) {
            Resource earlier = live.putIfAbsent(resource.key(), resource);
            if (earlier != null) {
                LOG.warnf("target %s: %s exists twice on the server (IDs %s and %s); only the first is managed",
                        target, resource.key(), earlier.requireId(), resource.requireId());
            }
        }
    }
}
