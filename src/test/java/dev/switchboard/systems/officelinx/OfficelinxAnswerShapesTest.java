package dev.switchboard.systems.officelinx;

import static dev.switchboard.systems.officelinx.OfficelinxKinds.ADDRESS;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.COMPANY;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Provider;
import dev.switchboard.sim.ForwardingSimulator;
import dev.switchboard.sim.SimExchange;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.sim.Simulator;
import dev.switchboard.systems.officelinx.sim.OfficelinxDialects;
import dev.switchboard.systems.officelinx.sim.OfficelinxSimulator;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider against the simulator in the dialects whose answers carry less than the default's: a create
 * answered with the status only, a 404 past the last mailbox page, a server that ignores {@code page}. Each
 * test fails if the provider's fallback for that answer is taken out.
 */
@QuarkusTest
class OfficelinxAnswerShapesTest {

    private OfficelinxSimulator simulator;
    private SimServer server;
    private Provider provider;
    /** Acme's mailbox pages asked for, as {@code page -> status}, in order. */
    private final List<String> pagesAsked = java.util.Collections.synchronizedList(new ArrayList<>());

    private final Map<ResourceKey, String> ids = new ConcurrentHashMap<>();
    private final IdResolver resolver = key -> Optional.ofNullable(ids.get(key));

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(int mailboxPageSize, String... dialects) {
        simulator = new OfficelinxSimulator(OfficelinxProviderSimulatorTest.CREDENTIALS, Clock.systemUTC(), mailboxPageSize,
                OfficelinxDialects.of(Arrays.stream(dialects).collect(Collectors.toMap(d -> d, d -> "true"))));
        server = SimServer.start(SimOptions.DEFAULT, new PageRecorder(simulator));
        TargetSpec target = new TargetSpec("olx-shapes", "officelinx", server.baseUri().toString(),
                Map.of("clientId", "switchboard",
                        "clientSecret", Secret.fromReference("${env:S}", OfficelinxProviderSimulatorTest.CLIENT_SECRET),
                        "username", "admin",
                        "password", Secret.fromReference("${env:P}", OfficelinxProviderSimulatorTest.PASSWORD)),
                Map.of("pbx", 1), TargetSpec.Tls.DEFAULT, TargetSpec.Policy.DEFAULT);
        provider = new OfficelinxProviderFactory(ApiObserver.NONE).open(target, server.baseUri(),
                OfficelinxProviderSimulatorTest.FAST_RETRIES, Clock.systemUTC());
    }

    private ResourceSet fetch() {
        ResourceSet live = provider.fetchLiveState(FetchProgress.NONE);
        live.all().forEach(resource -> ids.put(resource.key(), resource.requireId()));
        return live;
    }

    private Resource create(Resource desired) {
        Resource created = ((Creator) provider.type(desired.kind()).orElseThrow()).create(desired, resolver);
        ids.put(created.key(), created.requireId());
        return created;
    }

    private static Resource mailbox(int i) {
        return OfficelinxProviderSimulatorTest.desired(MAILBOX, Map.of("number", "10" + i, "userName", "u" + i,
                "firstName", "F", "lastName", "L", "featureGroup", 56L), "Acme", "10" + i);
    }

    private void acmeWithMailboxes(int count) {
        fetch();
        create(OfficelinxProviderSimulatorTest.ACME);
        create(OfficelinxProviderSimulatorTest.STANDARD);
        for (int i = 1; i <= count; i++) {
            create(mailbox(i));
        }
        pagesAsked.clear();
    }

    private long rowsIn(String table, String field, String value) {
        JsonNode rows = simulator.snapshot().path(table);
        return StreamSupport.stream(rows.spliterator(), false).filter(row -> row.path(field).asText().equals(value)).count();
    }

    @Test
    void aCreateAnsweredWithTheStatusOnlyTakesItsIdFromTheObjectItsNaturalKeyFindsAndIsPostedOnce() {
        start(25, OfficelinxDialects.CREATED_STATUS_ONLY);
        fetch();
        List<Resource> all = List.of(OfficelinxProviderSimulatorTest.ACME, OfficelinxProviderSimulatorTest.SALES,
                OfficelinxProviderSimulatorTest.EMEA, OfficelinxProviderSimulatorTest.STANDARD,
                OfficelinxProviderSimulatorTest.ALICE, OfficelinxProviderSimulatorTest.EXTENSION);
        Map<ResourceKey, String> created = new java.util.LinkedHashMap<>();
        for (Resource resource : all) {
            created.put(resource.key(), create(resource).requireId());
        }
        ResourceSet live = fetch();
        for (Resource resource : all) {
            assertThat(created.get(resource.key())).as(resource.key() + ": the ID of the object on the server")
                    .isEqualTo(live.get(resource.key()).orElseThrow().requireId());
        }
        assertThat(rowsIn("EEAMCompanies", "CompanyName", "Acme")).isEqualTo(1);
        assertThat(rowsIn("EEAMMailboxes", "MailboxNo", "1001")).isEqualTo(1);
        assertThat(rowsIn("EEAMMailboxAddresses", "Address", "1001")).isEqualTo(1);
        assertThat(live.get(ResourceKey.of(ADDRESS, "Acme", "1001", "0", "1001"))).isPresent();
        assertThat(live.get(ResourceKey.of(COMPANY, "Acme"))).isPresent();
    }

    @Test
    void aMailboxPagePastTheLastAnswered404EndsThePaging() {
        start(3, OfficelinxDialects.PAGE_PAST_END_404);
        acmeWithMailboxes(6);
        assertThat(fetch().ofKind(MAILBOX)).hasSize(6);
        // pages count from 1 here: page 0, read beside page 1 to learn it, is page 1 again; page 3 is past the last
        assertThat(pagesAsked).containsExactlyInAnyOrder("1 -> 200", "0 -> 200", "2 -> 200", "3 -> 404");

        pagesAsked.clear();
        assertThat(((Creator) provider.type(MAILBOX).orElseThrow()).findByKey(mailbox(6), resolver))
                .as("the lookup by natural key pages from where the fetch learnt pages start").isPresent();
        assertThat(pagesAsked).containsExactly("1 -> 200", "2 -> 200", "3 -> 404");

        pagesAsked.clear();
        assertThat(fetch().ofKind(MAILBOX)).hasSize(6);
        assertThat(pagesAsked).as("learnt once: page 0 is not asked for again").containsExactly(
                "1 -> 200", "2 -> 200", "3 -> 404");
    }

    @Test
    void aServerCountingPagesFrom0IsLearntFromOneCompanysPage0AndLosesNoMailbox() {
        start(3, OfficelinxDialects.PAGES_FROM_0);
        acmeWithMailboxes(7);
        assertThat(fetch().ofKind(MAILBOX)).extracting(r -> r.key().leaf())
                .containsExactlyInAnyOrder("101", "102", "103", "104", "105", "106", "107");
        // page 1 is the second page here: page 0, read beside it, holds mailboxes page 1 does not
        assertThat(pagesAsked).containsExactlyInAnyOrder("1 -> 200", "0 -> 200", "2 -> 200");

        pagesAsked.clear();
        assertThat(((Creator) provider.type(MAILBOX).orElseThrow()).findByKey(mailbox(1), resolver)).isPresent();
        assertThat(pagesAsked).containsExactly("0 -> 200", "1 -> 200", "2 -> 200");
    }

    @Test
    void aServerThatIgnoresPageIsReadOnceWithEveryMailboxOnceAndThePagingStops() {
        start(3, OfficelinxDialects.PAGE_IGNORED);
        acmeWithMailboxes(7);
        ResourceSet live = fetch();
        assertThat(live.ofKind(MAILBOX)).extracting(r -> r.key().leaf())
                .containsExactlyInAnyOrder("101", "102", "103", "104", "105", "106", "107");
        assertThat(pagesAsked).as("a page with nothing new ends it").containsExactlyInAnyOrder(
                "1 -> 200", "0 -> 200", "2 -> 200");

        pagesAsked.clear();
        assertThat(((Creator) provider.type(MAILBOX).orElseThrow()).findByKey(mailbox(7), resolver)).isPresent();
        assertThat(pagesAsked).containsExactly("1 -> 200", "2 -> 200");
    }

    /**
     * The simulator, recording Acme's mailbox pages asked for and what they got; past 20 pages of one read it
     * answers 500, so that a provider that would page forever fails instead of hanging the test.
     */
    private final class PageRecorder extends ForwardingSimulator {

        PageRecorder(Simulator simulator) {
            super(simulator);
        }

        @Override
        public void handle(SimExchange exchange) throws IOException {
            boolean page = exchange.method().equals("GET") && exchange.path().endsWith("/EEAMMailboxes")
                    && exchange.query("page").isPresent()
                    && exchange.query("companyid").equals(Optional.ofNullable(ids.get(OfficelinxProviderSimulatorTest.ACME.key())));
            if (page && pagesAsked.size() >= 20) {
                exchange.respondEmpty(500);
                return;
            }
            delegate().handle(exchange);
            if (page) {
                pagesAsked.add(exchange.query("page").get() + " -> " + exchange.status());
            }
        }
    }
}
