package dev.switchboard.systems.xivows.provider;

import static dev.switchboard.systems.xivows.provider.XivoWsFixtures.desired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.RetryPolicy;
import dev.switchboard.provider.Updater;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.xivows.XivoWsKinds;
import dev.switchboard.systems.xivows.sim.XivoWsSimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider against the simulator over real HTTP: every kind created, read back, changed and removed. */
@io.quarkus.test.junit.QuarkusTest
class XivoWsProviderSimulatorTest {

    static final ResourceKey ENTITY = XivoWsKinds.entityKey("proformatique");
    static final ResourceKey LINE = ResourceKey.of(XivoWsKinds.LINE, "default", "4000");
    static final ResourceKey USER = ResourceKey.of(XivoWsKinds.USER, "default", "4000");
    static final ResourceKey PICKUP = ResourceKey.of(XivoWsKinds.PICKUP, "accueil");

    private XivoWsSimulator simulator;
    private SimServer server;
    private XivoWsProvider provider;
    private final XivoWsFixtures.Ids ids = new XivoWsFixtures.Ids();

    private void start(Map<String, String> dialect) {
        simulator = new XivoWsSimulator(SimCredentials.DEFAULT, dialect);
        server = SimServer.start(SimOptions.DEFAULT, simulator);
        provider = new XivoWsProviderFactory(ApiObserver.NONE, new SumCache())
                .open(XivoWsFixtures.target(server.baseUri().toString(), "admin", "admin"), server.baseUri(),
                        new RetryPolicy(3, Duration.ZERO, Duration.ZERO));
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static Resource entity() {
        return desired(ENTITY, Map.of("name", "proformatique", "displayname", "Proformatique",
                "phonenumber", "0033141389960", "country", "FR"));
    }

    static Resource line() {
        return desired(LINE, Map.of("context", "default", "number", "4000", "protocol", "sip", "name", "reh58f",
                "secret", Secret.fromReference("${env:LINE_4000_SECRET}", "FV4S9W"), "language", "fr_FR",
                "allow", List.of("alaw", "ulaw")));
    }

    static Resource user() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("entity", "proformatique");
        fields.put("lines", List.of("default/4000"));
        fields.put("firstname", "John");
        fields.put("lastname", "Doe");
        fields.put("ringseconds", 30L);
        fields.put("language", "fr_FR");
        fields.put("passwdclient", Secret.fromReference("${env:CTI_4000}", "8888"));
        fields.put("enablevoicemail", true);
        fields.put("voicemail.mailbox", "4000");
        fields.put("voicemail.password", Secret.fromReference("${env:VM_4000_PASSWORD}", "0000"));
        fields.put("voicemail.email", "jdoe@example.com");
        fields.put("voicemail.attach", true);
        fields.put("dialaction.noanswer", Map.of("actiontype", "voicemail"));
        fields.put("dialaction.busy", Map.of("actiontype", "none"));
        fields.put("groups", List.of(Map.of("name", "tous", "chantype", "default", "call-limit", 3L)));
        fields.put("funckeys", List.of(Map.of("fknum", 13L, "type", "user", "typeval", "41", "supervision", true)));
        return desired(USER, fields, ENTITY, LINE);
    }

    static Resource pickup() {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("category", "member");
        member.put("user", "default/4000");
        Map<String, Object> picker = new LinkedHashMap<>();
        picker.put("category", "pickup");
        picker.put("group", 1L);
        return desired(PICKUP, Map.of("name", "accueil", "description", "Front desk", "members",
                List.of(member, picker)), USER);
    }

    private Creator creator(ResourceKey key) {
        return (Creator) provider.type(key.kind()).orElseThrow();
    }

    private ResourceSet populate() {
        ids.remember(creator(ENTITY).create(entity(), ids));
        ids.remember(creator(LINE).create(line(), ids));
        ids.remember(creator(USER).create(user(), ids));
        ids.remember(creator(PICKUP).create(pickup(), ids));
        return provider.fetchLiveState(FetchProgress.NONE);
    }

    @Test
    void createsEveryKindAndReadsItBackAsDeclared() {
        start(Map.of());
        ResourceSet live = populate();

        assertThat(live.get(ENTITY).orElseThrow().fields()).containsEntry("displayname", "Proformatique")
                .containsEntry("country", "FR");
        Resource line = live.get(LINE).orElseThrow();
        assertThat(line.fields()).containsEntry("protocol", "sip").containsEntry("name", "reh58f")
                .containsEntry("language", "fr_FR").containsEntry("allow", List.of("alaw", "ulaw"))
                .doesNotContainKey("secret");
        Resource user = live.get(USER).orElseThrow();
        assertThat(user.fields()).containsEntry("entity", "proformatique").containsEntry("lines", List.of("default/4000"))
                .containsEntry("firstname", "John").containsEntry("ringseconds", 30L)
                .containsEntry("enablevoicemail", true).containsEntry("voicemail.email", "jdoe@example.com")
                .containsEntry("voicemail.attach", true).containsEntry("dialaction.noanswer", Map.of("actiontype", "voicemail"))
                .containsEntry("groups", List.of(Map.of("name", "tous", "chantype", "default", "call-limit", 3L)))
                .doesNotContainKey("voicemail.password");
        assertThat(user.fields().get("passwdclient")).as("returned in clear, kept masked").isInstanceOf(Secret.class)
                .hasToString("(sensitive)").isEqualTo(Secret.fromLive("8888"));
        assertThat(user.dependsOn()).contains(ENTITY, LINE);
        Resource pickup = live.get(PICKUP).orElseThrow();
        assertThat(pickup.fields().get("members")).isEqualTo(pickup().fields().get("members"));
        assertThat(pickup.dependsOn()).containsExactly(USER);
        assertThat(live.get(XivoWsKinds.mailKey()).orElseThrow().fields()).containsEntry("mydomain", "localdomain");
        assertThat(live.get(XivoWsKinds.entityKey("xivo"))).as("the installation's entity").isPresent();
        // the line is the user's now: the simulator says so
        JsonNode lines = simulator.snapshot().path("lines");
        assertThat(lines.get(0).path("iduserfeatures").asText()).isEqualTo(user.requireId());
    }

    @Test
    void updatesOnlyTheDeclaredFieldsAndKeepsTheOthers() {
        start(Map.of());
        ResourceSet live = populate();
        Resource user = live.get(USER).orElseThrow();
        ((Updater) provider.type(XivoWsKinds.USER).orElseThrow())
                .update(user, desired(USER, Map.of("lastname", "Smith")), Set.of("lastname"), ids);
        Resource line = live.get(LINE).orElseThrow();
        ((Updater) provider.type(XivoWsKinds.LINE).orElseThrow())
                .update(line, desired(LINE, Map.of("language", "en_US")), Set.of("language"), ids);
        ((Updater) provider.type(XivoWsKinds.MAIL_SETTINGS).orElseThrow()).update(live.get(XivoWsKinds.mailKey()).orElseThrow(),
                desired(XivoWsKinds.mailKey(), Map.of("relayhost", "smtp.example.com")), Set.of("relayhost"), ids);

        ResourceSet after = provider.fetchLiveState(FetchProgress.NONE);
        Resource changed = after.get(USER).orElseThrow();
        assertThat(changed.fields()).containsEntry("lastname", "Smith").containsEntry("firstname", "John")
                .containsEntry("voicemail.email", "jdoe@example.com").containsEntry("lines", List.of("default/4000"))
                .containsEntry("groups", user.fields().get("groups")).containsEntry("funckeys", user.fields().get("funckeys"));
        assertThat(after.get(LINE).orElseThrow().fields()).containsEntry("language", "en_US").containsEntry("name", "reh58f");
        assertThat(simulator.snapshot().path("lines").get(0).path("secret").asText()).as("the secret survives an edit")
                .isEqualTo("FV4S9W");
        assertThat(simulator.snapshot().path("users").get(0).path("voicemail").path("password").asText())
                .isEqualTo("0000");
        assertThat(after.get(XivoWsKinds.mailKey()).orElseThrow().fields()).containsEntry("relayhost", "smtp.example.com")
                .containsEntry("mydomain", "localdomain");
    }

    @Test
    void deletesUserThenLineAndPickup() {
        start(Map.of());
        ResourceSet live = populate();
        ((Deleter) provider.type(XivoWsKinds.PICKUP).orElseThrow()).delete(live.get(PICKUP).orElseThrow());
        ((Deleter) provider.type(XivoWsKinds.USER).orElseThrow()).delete(live.get(USER).orElseThrow());
        ((Deleter) provider.type(XivoWsKinds.LINE).orElseThrow()).delete(live.get(LINE).orElseThrow());
        ResourceSet after = provider.fetchLiveState(FetchProgress.NONE);
        assertThat(after.get(PICKUP)).isEmpty();
        assertThat(after.get(USER)).isEmpty();
        assertThat(after.get(LINE)).isEmpty();
        assertThat(after.get(ENTITY)).isPresent();
    }

    @Test
    void entitiesCannotBeUpdatedOrDeletedAndPickupsCannotBeUpdated() {
        start(Map.of());
        assertThat(provider.type(XivoWsKinds.ENTITY).orElseThrow()).isInstanceOf(Creator.class)
                .isNotInstanceOf(Updater.class).isNotInstanceOf(Deleter.class);
        assertThat(provider.type(XivoWsKinds.PICKUP).orElseThrow()).isInstanceOf(Deleter.class)
                .isNotInstanceOf(Updater.class);
        assertThat(provider.type(XivoWsKinds.MAIL_SETTINGS).orElseThrow()).isInstanceOf(Updater.class)
                .isNotInstanceOf(Creator.class).isNotInstanceOf(Deleter.class);
    }

    @Test
    void aSecondFetchOfAnUnchangedXivoIsAnsweredBy304s() {
        start(Map.of());
        populate();
        long before = simulator.notModifiedCount();
        ResourceSet again = provider.fetchLiveState(FetchProgress.NONE);
        // four lists, the mail view, one user view and one pickup view
        assertThat(simulator.notModifiedCount() - before).isEqualTo(7);
        assertThat(again.get(USER).orElseThrow().fields()).containsEntry("firstname", "John");
    }

    @Test
    void refusesALineNumberThatIsNotAFreeUserExtension() {
        start(Map.of());
        Resource outside = desired(ResourceKey.of(XivoWsKinds.LINE, "default", "9999"),
                Map.of("context", "default", "number", "9999", "protocol", "sip"));
        assertThatThrownBy(() -> creator(LINE).create(outside, ids)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("9999 is not a free user extension of context default");
        assertThat(simulator.snapshot().path("lines")).isEmpty();
    }

    @Test
    void survivesEveryIdDialectAndALineAddThatIgnoresTheNumber() {
        for (Map<String, String> dialect : List.of(Map.of("ids", "number"), Map.of("ids", "string"),
                Map.of("lineAdd", "protocol-only"))) {
            start(dialect);
            ResourceSet live = populate();
            assertThat(live.get(USER)).as(dialect.toString()).isPresent();
            assertThat(live.get(LINE)).as(dialect.toString()).isPresent();
            assertThat(live.get(PICKUP).orElseThrow().fields().get("members")).as(dialect.toString())
                    .isEqualTo(pickup().fields().get("members"));
            stop();
        }
    }
}
