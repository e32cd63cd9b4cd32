package dev.switchboard.systems.xci;

import static dev.switchboard.systems.xci.XciFixtures.desired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.systems.xci.XciKinds;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.provider.ResourceType;
import dev.switchboard.provider.Updater;
import dev.switchboard.sim.FaultRule;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.sim.MutableClock;
import dev.switchboard.systems.xci.sim.XciHttp;
import dev.switchboard.systems.xci.sim.XciSimulator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider against the XCI simulator: every kind created, read back, updated and deleted. */
@QuarkusTest
class XciProviderSimulatorTest {

    private static final ResourceKey XIVO = ResourceKey.of(XciKinds.XIVO, "xivo-220");
    private static final ResourceKey ENTITY = ResourceKey.of(XciKinds.ENTITY, "default@xivo-220");
    private static final ResourceKey TEMPLATE = ResourceKey.of(XciKinds.TEMPLATE, "Standard line");
    private static final ResourceKey USER = ResourceKey.of(XciKinds.USER, "xivo-220", "1701");
    private static final ResourceKey OPS = ResourceKey.of(XciKinds.ADMINISTRATOR, "ops");

    @Inject
    XciProviderFactory injected;

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger logins = new AtomicInteger();
    private XciSimulator simulator;
    private SimServer server;
    private Provider provider;
    private final XciFixtures.Ids ids = new XciFixtures.Ids();

    @BeforeEach
    void start() {
        simulator = new XciSimulator(SimCredentials.DEFAULT.withSessionLifetime(Duration.ofSeconds(1)), clock);
        server = SimServer.start(SimOptions.DEFAULT, simulator);
        ApiObserver countingLogins = (target, method, status, duration) -> {
            if (method.equals("POST") && status == 200) {
                logins.incrementAndGet();
            }
        };
        provider = new XciProviderFactory(countingLogins)
                .open(XciFixtures.target(server.baseUri().toString(), "admin", "admin"), server.baseUri());
    }

    @AfterEach
    void stop() {
        provider.close();
        server.close();
    }

    private <T> T type(ResourceKey key, Class<T> capability) {
        return capability.cast(provider.type(key.kind()).orElseThrow());
    }

    private Resource create(Resource desired) {
        return ids.remember(type(desired.key(), Creator.class).create(desired, ids));
    }

    private ResourceSet fetch() {
        return provider.fetchLiveState(FetchProgress.NONE);
    }

    static Resource xivoDesired() {
        return desired(XciKinds.XIVO, Map.of("name", "xivo-220", "host", "10.0.0.220", "configure", false), "xivo-220");
    }

    static Resource entityDesired() {
        return desired(XciKinds.ENTITY, Map.of("name", "default", "xivo", "xivo-220", "displayName", "Default",
                "intervals", List.of(Map.of("start", "1700", "end", "1799")), "presentedNumber", "inbNo"),
                "default@xivo-220");
    }

    static Resource templateDesired() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "Standard line");
        fields.put("xivos", List.of("xivo-220"));
        fields.put("entities", List.of("default@xivo-220"));
        fields.put("peerSipName", "auto");
        fields.put("ringingTime", 30L);
        fields.put("routedInbound", false);
        fields.put("callerIdMode", "anonymous");
        fields.put("voiceMailEnabled", false);
        return desired(XciKinds.TEMPLATE, fields, "Standard line");
    }

    static Resource userDesired() {
        return desired(XciKinds.USER, Map.of("entity", "default@xivo-220", "internalNumber", "1701",
                "firstName", "Alice", "lastName", "Liddell", "template", "Standard line", "ctiLogin", "alice",
                "ctiPassword", Secret.fromReference("${env:ALICE_CTI}", "rabbit-hole")), "xivo-220", "1701");
    }

    static Resource administratorDesired() {
        return desired(XciKinds.ADMINISTRATOR, Map.of("login", "ops", "name", "Ops team", "superAdmin", false,
                "ldap", false, "password", Secret.fromReference("${env:XCI_OPS_PASSWORD}", "ops-pass"),
                "entities", List.of("default@xivo-220")), "ops");
    }

    private void createAll() {
        create(xivoDesired());
        create(entityDesired());
        create(templateDesired());
        create(userDesired());
        create(administratorDesired());
    }

    /** The desired fields minus the write-only ones: what a read-back must equal. */
    private static Map<String, Object> comparable(Resource desired) {
        Map<String, Object> fields = new LinkedHashMap<>(desired.fields());
        fields.keySet().removeIf(desired.kind()::isWriteOnly);
        return fields;
    }

    @Test
    void theFactoryIsABeanForTheXciTargetKind() {
        assertThat(injected.targetKind()).isEqualTo("xci");
        assertThat(injected.kinds()).isEqualTo(XciKinds.ALL);
        assertThat(ProviderFactory.class).isAssignableFrom(XciProviderFactory.class);
    }

    @Test
    void aFreshXciHoldsOnlyItsAdministrator() {
        ResourceSet live = fetch();
        assertThat(live.all()).extracting(Resource::key)
                .containsExactly(ResourceKey.of(XciKinds.ADMINISTRATOR, "admin"));
    }

    @Test
    void everyKindIsCreatedAndReadBackInTheDesiredShape() {
        createAll();
        ResourceSet live = fetch();
        for (Resource desired : List.of(xivoDesired(), entityDesired(), templateDesired(), userDesired(),
                administratorDesired())) {
            Resource read = live.get(desired.key()).orElseThrow(() -> new AssertionError(desired.key() + " not read"));
            assertThat(read.fields()).as(desired.key().toString()).containsAllEntriesOf(comparable(desired));
            assertThat(read.id()).isPresent();
        }
        Resource user = live.get(USER).orElseThrow();
        assertThat(user.fields()).doesNotContainKey("template");
        assertThat(user.fields().get("ctiPassword")).hasToString(Secret.MASK);
        assertThat(user.dependsOn()).contains(ENTITY);
        assertThat(live.get(ENTITY).orElseThrow().id().orElseThrow()).startsWith("default@");
        assertThat(live.get(TEMPLATE).orElseThrow().dependsOn()).contains(XIVO, ENTITY);
        assertThat(live.get(OPS).orElseThrow().fields()).doesNotContainKey("password");
        assertThat(live.get(XIVO).orElseThrow().fields()).doesNotContainKey("configure");
    }

    @Test
    void updatesChangeTheDeclaredFieldsAndKeepTheOthers() {
        createAll();
        ResourceSet before = fetch();
        Map<String, Object> entity = new LinkedHashMap<>(entityDesired().fields());
        entity.put("displayName", "Paris");
        type(ENTITY, Updater.class).update(before.get(ENTITY).orElseThrow(),
                entityDesired().withFields(entity), Set.of("displayName"), ids);
        Map<String, Object> template = new LinkedHashMap<>(templateDesired().fields());
        template.put("ringingTime", 45L);
        template.put("callerIdMode", "custom");
        template.put("customCallerId", "0142");
        type(TEMPLATE, Updater.class).update(before.get(TEMPLATE).orElseThrow(),
                templateDesired().withFields(template), Set.of("ringingTime", "callerIdMode", "customCallerId"), ids);
        Map<String, Object> user = new LinkedHashMap<>(userDesired().fields());
        user.put("lastName", "Pleasance");
        user.put("ctiPassword", Secret.fromReference("${env:ALICE_CTI}", "looking-glass"));
        type(USER, Updater.class).update(before.get(USER).orElseThrow(), userDesired().withFields(user),
                Set.of("lastName", "ctiPassword"), ids);
        Map<String, Object> ops = new LinkedHashMap<>(administratorDesired().fields());
        ops.put("name", "Operations");
        ops.put("entities", List.of());
        type(OPS, Updater.class).update(before.get(OPS).orElseThrow(), administratorDesired().withFields(ops),
                Set.of("name", "entities"), ids);

        ResourceSet after = fetch();
        assertThat(after.get(ENTITY).orElseThrow().fields()).containsEntry("displayName", "Paris")
                .containsEntry("presentedNumber", "inbNo");
        assertThat(after.get(TEMPLATE).orElseThrow().fields()).containsEntry("ringingTime", 45L)
                .containsEntry("customCallerId", "0142").containsEntry("peerSipName", "auto");
        assertThat(after.get(USER).orElseThrow().fields()).containsEntry("lastName", "Pleasance")
                .containsEntry("firstName", "Alice").containsEntry("ctiLogin", "alice")
                .containsEntry("ctiPassword", Secret.fromLive("looking-glass"));
        assertThat(after.get(OPS).orElseThrow().fields()).containsEntry("name", "Operations")
                .containsEntry("entities", List.of());
        assertThat(new XciHttp(server.baseUri()).login("ops", "ops-pass").status()).isEqualTo(200);
    }

    @Test
    void numbersWrittenAsYamlNumbersAreSentAsTheStringsTheApiTakes() {
        create(xivoDesired());
        create(desired(XciKinds.ENTITY, Map.of("name", "default", "xivo", "xivo-220",
                "intervals", List.of(Map.of("start", 1700L, "end", 1799L))), "default@xivo-220"));
        create(templateDesired());
        Map<String, Object> user = new LinkedHashMap<>(userDesired().fields());
        user.put("internalNumber", 1701L);
        create(desired(XciKinds.USER, user, "xivo-220", "1701"));
        ResourceSet live = fetch();
        assertThat(live.get(ENTITY).orElseThrow().fields().get("intervals"))
                .isEqualTo(List.of(Map.of("start", "1700", "end", "1799")));
        assertThat(live.get(USER).orElseThrow().fields()).containsEntry("internalNumber", "1701");
    }

    @Test
    void everyKindButXivoIsDeletedChildrenFirst() {
        createAll();
        ResourceSet live = fetch();
        for (ResourceKey key : List.of(USER, OPS, TEMPLATE, ENTITY)) {
            type(key, Deleter.class).delete(live.get(key).orElseThrow());
        }
        assertThat(fetch().all()).extracting(Resource::key)
                .containsExactlyInAnyOrder(XIVO, ResourceKey.of(XciKinds.ADMINISTRATOR, "admin"));
    }

    @Test
    void xivosCanOnlyBeCreatedAsTheApiAllows() {
        ResourceType xivoType = provider.type(XciKinds.XIVO).orElseThrow();
        assertThat(xivoType).isInstanceOf(Creator.class).isNotInstanceOf(Updater.class).isNotInstanceOf(Deleter.class);
        assertThat(xivoType.apiLimit()).get().asString()
                .contains("no update or delete");
        assertThat(provider.type(XciKinds.USER).orElseThrow().apiLimit()).isEmpty();
    }

    @Test
    void aSessionExpiringMidRunIsSurvivedWithOneNewLogin() {
        create(xivoDesired());
        create(entityDesired());
        assertThat(logins.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        create(templateDesired());
        create(userDesired());
        assertThat(fetch().get(USER)).isPresent();
        assertThat(logins.get()).isEqualTo(2);
    }

    @Test
    void concurrentCallsAfterExpiryShareOneLogin() throws Exception {
        createAll();
        assertThat(logins.get()).isEqualTo(1);
        simulator.expireAllSessions();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ResourceSet>> fetches = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                fetches.add(this::fetch);
            }
            for (Future<ResourceSet> result : pool.invokeAll(fetches)) {
                assertThat(result.get().get(USER)).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(logins.get()).isEqualTo(2);
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByItsNaturalKey() {
        create(xivoDesired());
        create(entityDesired());
        create(templateDesired());
        server.inject(FaultRule.parse("reset-after:POST:/api/1.0/users:1"));
        Creator users = type(USER, Creator.class);
        assertThatThrownBy(() -> users.create(userDesired(), ids))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(users.findByKey(userDesired(), ids)).get().extracting(Resource::key).isEqualTo(USER);
    }

    @Test
    void refusalsNameTargetObjectCallStatusAndTheServersMessage() {
        create(xivoDesired());
        create(entityDesired());
        create(templateDesired());
        create(userDesired());
        assertThatThrownBy(() -> create(userDesired()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.outcomeUnknown()).isFalse();
                    assertThat(e.getMessage()).contains("xci-test").contains("user xivo-220/1701")
                            .contains("POST /api/1.0/users").contains("HTTP 400").contains("already taken")
                            .doesNotContain("rabbit-hole");
                });
    }

    @Test
    void wrongCredentialsFailWithoutShowingThePassword() {
        try (Provider wrong = new XciProviderFactory(ApiObserver.NONE).open(
                XciFixtures.target(server.baseUri().toString(), "admin", "not-the-password"), server.baseUri())) {
            assertThatThrownBy(() -> wrong.fetchLiveState(FetchProgress.NONE))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.getMessage()).contains("POST /api/1.0/login").doesNotContain("not-the-password");
                    });
        }
    }
}
