package dev.switchboard.systems.officelinx;

import static dev.switchboard.systems.officelinx.OfficelinxKinds.ADDRESS;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.COMPANY;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.DEPARTMENT;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.FEATURE_GROUP;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.RetryPolicy;
import dev.switchboard.provider.Updater;
import dev.switchboard.sim.FaultRule;
import dev.switchboard.sim.MutableClock;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.officelinx.sim.OfficelinxSimulator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider against the simulator: every kind created, read back, updated and deleted. */
@QuarkusTest
class OfficelinxProviderSimulatorTest {

    static final String PASSWORD = "pw-never-shown";
    static final String CLIENT_SECRET = "secret-never-shown";
    static final SimCredentials CREDENTIALS = new SimCredentials("admin", PASSWORD, "switchboard", CLIENT_SECRET,
            Duration.ofSeconds(1));
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));

    @Inject
    OfficelinxProviderFactory factory;

    /** The one clock of the simulator's token issuer and the provider's token manager, moved by hand. */
    private final MutableClock clock = new MutableClock();
    private OfficelinxSimulator simulator;
    private SimServer server;
    private Provider provider;

    /** Server IDs by key, as the engine keeps them: from live state and from creates in this run. */
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

    private void start(int mailboxPageSize, String password) {
        simulator = new OfficelinxSimulator(CREDENTIALS, clock, mailboxPageSize);
        server = SimServer.start(SimOptions.DEFAULT, simulator);
        TargetSpec target = new TargetSpec("olx-test", "officelinx", server.baseUri().toString(),
                Map.of("clientId", "switchboard", "clientSecret", Secret.fromReference("${env:S}", CLIENT_SECRET),
                        "username", "admin", "password", Secret.fromReference("${env:P}", password)),
                Map.of("pbx", 1), TargetSpec.Tls.DEFAULT, TargetSpec.Policy.DEFAULT);
        provider = factory.open(target, server.baseUri(), FAST_RETRIES, clock);
    }

    private ResourceSet fetch() {
        ResourceSet live = provider.fetchLiveState(FetchProgress.NONE);
        live.all().forEach(resource -> ids.put(resource.key(), resource.requireId()));
        return live;
    }

    static Resource desired(ResourceKind kind, Map<String, Object> fields, String... key) {
        return Resource.desired(ResourceKey.of(kind, key), fields, Set.of(), ResourceOptions.NONE,
                SourceLocation.startOf(Path.of("officelinx/acme.yaml")));
    }

    private Resource create(Resource desired) {
        Resource created = ((Creator) provider.type(desired.kind()).orElseThrow()).create(desired, resolver);
        ids.put(created.key(), created.requireId());
        return created;
    }

    private void update(Resource live, Resource desired, String... fields) {
        ((Updater) provider.type(live.kind()).orElseThrow()).update(live, desired, Set.of(fields), resolver);
    }

    private void delete(Resource live) {
        ((Deleter) provider.type(live.kind()).orElseThrow()).delete(live);
    }

    static final Resource ACME = desired(COMPANY, Map.of("name", "Acme", "pbx", 1L), "Acme");
    static final Resource SALES = desired(DEPARTMENT, Map.of("name", "Sales"), "Acme", "Sales");
    static final Resource EMEA = desired(DEPARTMENT, Map.of("name", "EMEA"), "Acme", "Sales", "EMEA");
    static final Resource STANDARD = desired(FEATURE_GROUP, Map.of("number", 56L, "name", "Standard"), "Acme", "56");
    static final Resource ALICE = desired(MAILBOX, Map.of("number", "1001", "userName", "alice@acme.example",
            "firstName", "Alice", "lastName", "Liddell", "featureGroup", 56L, "department", "Sales/EMEA"), "Acme", "1001");
    static final Resource EXTENSION = desired(ADDRESS, Map.of("type", 0L, "address", "1001"), "Acme", "1001", "0", "1001");

    private void createAcme() {
        for (Resource resource : List.of(ACME, SALES, EMEA, STANDARD, ALICE, EXTENSION)) {
            create(resource);
        }
    }

    @Test
    void readsAFreshServerAsCompanyOneWithItsDefaultFeatureGroup() {
        start(25, PASSWORD);
        ResourceSet live = fetch();
        assertThat(live.ofKind(COMPANY)).singleElement().satisfies(company -> {
            assertThat(company.requireId()).isEqualTo("1");
            assertThat(company.fields()).containsEntry("pbx", 1L);
            assertThat(((Deleter) provider.type(COMPANY).orElseThrow()).deletionRefusal(company))
                    .hasValueSatisfying(why -> assertThat(why).contains("company 1"));
        });
        assertThat(live.ofKind(FEATURE_GROUP)).singleElement()
                .satisfies(group -> assertThat(group.fields()).containsEntry("number", 1L));
    }

    @Test
    void createsEveryKindAndReadsItBackInTheDesiredShape() {
        start(25, PASSWORD);
        fetch();
        createAcme();
        ResourceSet live = fetch();
        for (Resource declared : List.of(ACME, SALES, EMEA, STANDARD, ALICE, EXTENSION)) {
            Resource read = live.get(declared.key()).orElseThrow(() -> new AssertionError(declared.key() + " not read back"));
            assertThat(read.fields()).as(declared.key().toString()).isEqualTo(declared.fields());
            assertThat(read.id()).isPresent();
        }
        assertThat(live.get(ALICE.key()).orElseThrow().dependsOn()).containsExactlyInAnyOrder(
                ACME.key(), STANDARD.key(), EMEA.key());
        assertThat(live.get(EMEA.key()).orElseThrow().dependsOn()).containsExactly(SALES.key());
        assertThat(live.get(EXTENSION.key()).orElseThrow().dependsOn()).containsExactly(ALICE.key());
        assertThat(((Deleter) provider.type(COMPANY).orElseThrow()).deletionRefusal(live.get(ACME.key()).orElseThrow()))
                .isEmpty();

        // The progress is told how many objects each read brought, so that what it adds up is what was read.
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        ResourceSet counted = provider.fetchLiveState(told::addAndGet);
        assertThat(told.get()).isEqualTo(counted.size());
    }

    @Test
    void updatesOnlyTheDeclaredFieldsAndKeepsTheServersOwn() throws Exception {
        start(25, PASSWORD);
        fetch();
        createAcme();
        ResourceSet live = fetch();
        Resource alice = live.get(ALICE.key()).orElseThrow();
        JsonNode before = mailboxRecord(alice.requireId());

        Resource renamed = desired(MAILBOX, Map.of("firstName", "Alicia", "department", "Sales"), "Acme", "1001");
        update(alice, renamed, "firstName", "department");
        update(live.get(STANDARD.key()).orElseThrow(),
                desired(FEATURE_GROUP, Map.of("number", 56L, "name", "Premium"), "Acme", "56"), "name");
        update(live.get(EMEA.key()).orElseThrow(), desired(DEPARTMENT, Map.of("name", "Europe"), "Acme", "Sales", "EMEA"), "name");
        update(live.get(EXTENSION.key()).orElseThrow(),
                desired(ADDRESS, Map.of("type", 0L, "address", "2001"), "Acme", "1001", "0", "1001"), "address");
        update(live.get(ACME.key()).orElseThrow(), desired(COMPANY, Map.of("pbx", 1L), "Acme"), "pbx");

        ResourceSet after = fetch();
        assertThat(after.get(ALICE.key()).orElseThrow().fields())
                .containsEntry("firstName", "Alicia").containsEntry("lastName", "Liddell")
                .containsEntry("department", "Sales").containsEntry("featureGroup", 56L);
        assertThat(after.get(STANDARD.key()).orElseThrow().fields()).containsEntry("name", "Premium");
        assertThat(after.get(ResourceKey.of(DEPARTMENT, "Acme", "Sales", "Europe"))).isPresent();
        assertThat(after.get(ResourceKey.of(ADDRESS, "Acme", "1001", "0", "2001"))).isPresent();
        assertThat(after.get(ACME.key())).isPresent();

        JsonNode record = mailboxRecord(alice.requireId());
        for (String serverOwned : List.of("Folders", "Language", "CreationDate", "UserName")) {
            assertThat(record.get(serverOwned)).as(serverOwned).isEqualTo(before.get(serverOwned));
        }
    }

    @Test
    void deletesEveryKindChildrenFirst() {
        start(25, PASSWORD);
        fetch();
        createAcme();
        ResourceSet live = fetch();
        for (Resource declared : List.of(EXTENSION, ALICE, STANDARD, EMEA, SALES, ACME)) {
            delete(live.get(declared.key()).orElseThrow());
        }
        ResourceSet after = fetch();
        assertThat(after.all()).extracting(r -> r.key().toString())
                .containsExactlyInAnyOrder("company Default Company", "featureGroup Default Company/1");
    }

    @Test
    void aDeleteWhoseAnswerWasLostIsNotRetriedHereButReportedAsUnknownForTheApplyToCheckByKey() {
        start(25, PASSWORD);
        fetch();
        create(ACME);
        Resource acme = fetch().get(ACME.key()).orElseThrow();
        server.inject(FaultRule.parse("reset-after:DELETE:/UCBusinessRest/api/EEAMCompanies/.*"));
        assertThatThrownBy(() -> delete(acme)).isInstanceOf(ProviderException.class)
                .satisfies(e -> assertThat(((ProviderException) e).outcomeUnknown()).isTrue());
        assertThat(fetch().get(ACME.key())).as("the server had deleted it: IDs are reused, so no blind retry").isEmpty();
    }

    @Test
    void readsEveryPageOfMailboxes() {
        start(3, PASSWORD);
        fetch();
        create(ACME);
        create(STANDARD);
        for (int i = 1; i <= 7; i++) {
            create(desired(MAILBOX, Map.of("number", "10" + i, "userName", "u" + i, "firstName", "F", "lastName", "L",
                    "featureGroup", 56L), "Acme", "10" + i));
        }
        assertThat(fetch().ofKind(MAILBOX)).hasSize(7);
    }

    @Test
    void survivesTheTokenExpiringMidRun() {
        start(25, PASSWORD);
        fetch();
        create(ACME);
        // past the token's one-second lifetime, on the server's clock and the provider's alike
        clock.advance(Duration.ofMillis(1_100));
        create(SALES);
        // a restarted server forgets its tokens: the next call gets a 401, re-authenticates and goes on
        simulator.revokeTokens();
        create(STANDARD);
        assertThat(fetch().all()).extracting(Resource::key).contains(ACME.key(), SALES.key(), STANDARD.key());
    }

    @Test
    void findsACreateWhoseAnswerWasLostByItsNaturalKey() {
        start(25, PASSWORD);
        fetch();
        create(ACME);
        create(STANDARD);
        server.inject(FaultRule.parse("reset-after:POST:/UCBusinessRest/api/EEAMMailboxes"));
        Creator mailboxes = (Creator) provider.type(MAILBOX).orElseThrow();
        assertThatThrownBy(() -> mailboxes.create(ALICE.withFields(Map.of("number", "1001", "userName", "a",
                "firstName", "A", "lastName", "L", "featureGroup", 56L)), resolver))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(mailboxes.findByKey(ALICE, resolver)).hasValueSatisfying(found ->
                assertThat(found.fields()).containsEntry("firstName", "A"));
        assertThat(((Creator) provider.type(COMPANY).orElseThrow()).findByKey(ACME, resolver)).isPresent();
        assertThat(((Creator) provider.type(ADDRESS).orElseThrow()).findByKey(EXTENSION, resolver)).isEmpty();
    }

    @Test
    void errorsNameWhatFailedAndTheServersMessageButNoSecret() {
        start(25, PASSWORD);
        fetch();
        create(ACME);
        create(STANDARD);
        Resource noFirstName = desired(MAILBOX, Map.of("number", "1001", "userName", "a", "lastName", "L",
                "featureGroup", 56L), "Acme", "1001");
        assertThatThrownBy(() -> create(noFirstName))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.outcomeUnknown()).isFalse();
                    assertThat(e.getMessage()).contains("olx-test", "mailbox Acme/1001", "POST",
                            "/UCBusinessRest/api/EEAMMailboxes", "400", "FirstName")
                            .doesNotContain(PASSWORD, CLIENT_SECRET);
                });
    }

    @Test
    void aRefusedLoginIsReportedWithoutThePassword() {
        start(25, "wrong-" + PASSWORD);
        assertThatThrownBy(this::fetch)
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage())
                        .contains("olx-test", "/UCOAuth2/oauth2/token", "400", "invalid_grant")
                        .doesNotContain(PASSWORD, CLIENT_SECRET));
    }

    private JsonNode mailboxRecord(String id) {
        for (JsonNode mailbox : simulator.snapshot().path("EEAMMailboxes")) {
            if (mailbox.path("MailboxID").asText().equals(id)) {
                return mailbox;
            }
        }
        throw new AssertionError("no mailbox " + id + " on the simulator");
    }
}
