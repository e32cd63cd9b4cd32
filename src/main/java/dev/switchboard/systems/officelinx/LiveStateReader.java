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
import java.util.concurrent.Executor;
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
            FetchScheduler.join(fetch.read(this::companies)).forEach(record ->
                    OfficelinxMapping.company(record).ifPresent(companies::add));
            PageProbe probe = new PageProbe(companies.size());
            for (Resource company : companies) {
                progress.fetched(1);
                long id = Long.parseLong(company.requireId());
                String name = company.key().leaf();
                String about = "company " + name;
                CompletableFuture<List<ObjectNode>> departments = fetch.read(() -> departments(id, about));
                CompletableFuture<List<ObjectNode>> groups = fetch.read(() -> featureGroups(id, about));
                List<CompletableFuture<List<Resource>>> addresses = Collections.synchronizedList(new ArrayList<>());
                CompletableFuture<List<ObjectNode>> mailboxes = new MailboxPages(fetch, probe, id, about, mailbox -> {
                    Optional<Long> mailboxId = JsonFields.number(mailbox, "MailboxID");
                    Optional<String> number = JsonFields.text(mailbox, "MailboxNo");
                    if (mailboxId.isPresent() && number.isPresent()) {
                        ResourceKey key = OfficelinxMapping.mailboxKey(name, number.get());
                        addresses.add(fetch.leafAsync(blocking -> addressesAsync(mailboxId.get(), key, blocking)
                                .thenApply(list -> {
                                    progress.fetched(list.size());
                                    return list;
                                })));
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
     * Where this server's mailbox pages start, once a fetch has learnt it (see {@link PageProbe}): 1, as the
     * document's examples ask for {@code page=1}, or 0; null while not known.
     */
    private volatile Integer firstPage;

    /**
     * Learns, within one fetch, where mailbox pages start. The document says neither, so the first company
     * whose page 1 holds mailboxes also has its page 0 read: a page 0 holding a mailbox that page 1 does not
     * means pages count from 0, and every company's page 0 is read too; a page 0 that is page 1 again, or
     * empty, means they count from 1, which the target then remembers. A fetch in which no company's page 1
     * holds a mailbox reads every company's page 0, learning nothing. So a server is asked for one page more
     * than it has, once, instead of once per company.
     */
    private final class PageProbe {
        /** The first page, once decided; the companies whose paging has ended wait for it. */
        final CompletableFuture<Integer> first = new CompletableFuture<>();
        private int pagingToEnd;
        private boolean probing;

        PageProbe(int companies) {
            pagingToEnd = companies;
            Integer known = firstPage;
            if (known != null) {
                first.complete(known);
            }
        }

        /** Whether the caller is to read its page 0 to decide: only one company at a time does. */
        synchronized boolean claim() {
            if (first.isDone() || probing) {
                return false;
            }
            probing = true;
            return true;
        }

        void decided(int page) {
            firstPage = page;
            first.complete(page);
        }

        void failed(Throwable failure) {
            first.completeExceptionally(failure);
        }

        synchronized void pagingEnded() {
            pagingToEnd--;
            if (pagingToEnd <= 0 && !probing && !first.isDone()) {
                first.complete(0); // no page 1 held a mailbox: read every page 0, and learn nothing
            }
        }
    }

    /**
     * A company's mailbox pages, each requested when the one before has answered, from the first page (page 1
     * while it is not known: see {@link PageProbe}); {@code found} is told of each new mailbox as its page
     * arrives. Paging stops at an empty or shorter page, or at one that brings no mailbox not already seen (a
     * server that ignores {@code page}).
     */
    private final class MailboxPages {
        private final FetchScheduler fetch;
        private final PageProbe probe;
        private final long companyId;
        private final String about;
        private final Consumer<ObjectNode> found;
        private final List<ObjectNode> all = new ArrayList<>();
        private final Set<Long> seen = new HashSet<>();
        private final CompletableFuture<List<ObjectNode>> done = new CompletableFuture<>();
        private int pageSize;
        private int startedAt;
        private volatile boolean probedHere;

        MailboxPages(FetchScheduler fetch, PageProbe probe, long companyId, String about, Consumer<ObjectNode> found) {
            this.fetch = fetch;
            this.probe = probe;
            this.companyId = companyId;
            this.about = about;
            this.found = found;
        }

        CompletableFuture<List<ObjectNode>> start() {
            startedAt = probe.first.isDone() && !probe.first.isCompletedExceptionally() ? probe.first.join() : 1;
            request(startedAt);
            return done;
        }

        private void request(int page) {
            fetch.read(() -> mailboxPage(companyId, about, page)).whenComplete((records, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                    return;
                }
                try {
                    Set<Long> before = page == 1 ? idsOf(records) : Set.of();
                    boolean more = arrived(records);
                    if (page == 1 && !before.isEmpty() && probe.claim()) {
                        probePageZero(before);
                    }
                    if (more) {
                        request(page + 1);
                    } else {
                        pagingEnded();
                    }
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        }

        /** Reads page 0 beside page 1, whose mailboxes are {@code pageOne}, and decides where pages start. */
        private void probePageZero(Set<Long> pageOne) {
            probedHere = true;
            fetch.read(() -> mailboxPage(companyId, about, 0)).whenComplete((records, failure) -> {
                if (failure != null) {
                    probe.failed(failure);
                    done.completeExceptionally(failure);
                    return;
                }
                try {
                    boolean fromZero = !pageOne.containsAll(idsOf(records));
                    arrived(records);
                    probe.decided(fromZero ? 0 : 1);
                } catch (RuntimeException e) {
                    probe.failed(e);
                    done.completeExceptionally(e);
                }
            });
        }

        /** Paging from {@link #startedAt} is over: page 0 is read too if pages turned out to start there. */
        private void pagingEnded() {
            probe.pagingEnded();
            probe.first.whenComplete((first, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else if (first == 0 && startedAt != 0 && !probedHere) {
                    fetch.read(() -> mailboxPage(companyId, about, 0)).whenComplete((records, again) -> {
                        if (again != null) {
                            done.completeExceptionally(again);
                            return;
                        }
                        arrived(records);
                        done.complete(all);
                    });
                } else {
                    done.complete(all);
                }
            });
        }

        /** Takes a page in; whether paging goes on: after a full page that brought a mailbox not seen before. */
        private synchronized boolean arrived(List<ObjectNode> records) {
            boolean fresh = false;
            for (ObjectNode record : records) {
                if (seen.add(JsonFields.number(record, "MailboxID").orElse(-1L))) {
                    all.add(record);
                    found.accept(record);
                    fresh = true;
                }
            }
            pageSize = Math.max(pageSize, records.size());
            return fresh && records.size() >= pageSize;
        }
    }

    private static Set<Long> idsOf(List<ObjectNode> records) {
        Set<Long> ids = new HashSet<>();
        records.forEach(record -> ids.add(JsonFields.number(record, "MailboxID").orElse(-1L)));
        return ids;
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
        return addresses(Long.parseLong(mailboxId), mailbox, type);
    }

    /**
     * Every address of a mailbox, as {@link #addresses} reads them, with no thread waiting for the list: the
     * fetch's 10,000 reads of a large PBX go this way. Where the server wants {@code addresstype}, the lists of
     * each type are read on {@code blocking}, one after another, as {@code addresses} reads them.
     */
    private CompletableFuture<List<Resource>> addressesAsync(long id, ResourceKey mailbox, Executor blocking) {
        if (addressTypeRequired) {
            return CompletableFuture.supplyAsync(() -> addressesOfEveryType(id, mailbox), blocking);
        }
        return client.listIfRoutedAsync("EEAMMailboxAddresses?mailboxid=" + id, mailbox.toString(),
                api -> api.listAddresses(id, null), blocking).thenCompose(all -> all.isPresent()
                        ? CompletableFuture.completedFuture(resources(id, mailbox, all.get()))
                        : CompletableFuture.supplyAsync(() -> addressesOfEveryType(id, mailbox), blocking));
    }

    private List<Resource> addresses(long id, ResourceKey mailbox, Optional<Long> type) {
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
                return addressesOfEveryType(id, mailbox);
            }
        }
        return resources(id, mailbox, records);
    }

    /** A mailbox's addresses of every declared type, a list each, on a server that has no list without the type. */
    private List<Resource> addressesOfEveryType(long id, ResourceKey mailbox) {
        if (!addressTypeRequired) {
            LOG.debugf("target %s: GetMailboxAddresses needs addresstype; asking for types %s", target,
                    declaredAddressTypes);
            addressTypeRequired = true;
        }
        List<ObjectNode> records = new ArrayList<>();
        for (long each : declaredAddressTypes) {
            records.addAll(addressesOfType(id, mailbox, each));
        }
        return resources(id, mailbox, records);
    }

    private List<Resource> resources(long mailboxId, ResourceKey mailbox, List<ObjectNode> records) {
        List<Resource> addresses = records.stream()
                .map(record -> OfficelinxMapping.address(mailbox, record))
                .flatMap(Optional::stream)
                .toList();
        addresses.forEach(address -> mailboxOfAddress.put(address.requireId(), mailboxId));
        return addresses;
    }

    private List<ObjectNode> addressesOfType(long mailboxId, ResourceKey mailbox, long type) {
        return client.list("EEAMMailboxAddresses?mailboxid=" + mailboxId + "&addresstype=" + type, mailbox.toString(),
                api -> api.listAddresses(mailboxId, type));
    }

    /**
     * Every page of a company's mailboxes, one after another. Neither the page size nor where pages start is
     * documented: the largest page seen is taken as the size. Where a fetch has learnt the first page (see
     * {@link PageProbe}), paging starts there and stops as {@link MailboxPages} does. Otherwise pages are read
     * from 0, so that a server counting from 0 has its first page read and one counting from 1 (which answers
     * page 0 as page 1, or as nothing) loses none; paging then stops at an empty or shorter page after page 0,
     * or at the second page in a row that brings no mailbox not already seen (a server that ignores {@code page}).
     */
    private List<ObjectNode> mailboxes(long companyId, String about) {
        Integer known = firstPage;
        List<ObjectNode> all = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int pageSize = 0;
        int staleInARow = 0;
        for (int page = known == null ? 0 : known; ; page++) {
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
            if (known != null) {
                if (!fresh || records.size() < pageSize) {
                    return all;
                }
                continue;
            }
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
