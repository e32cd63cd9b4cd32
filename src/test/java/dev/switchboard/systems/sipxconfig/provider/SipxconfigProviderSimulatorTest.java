package dev.switchboard.systems.sipxconfig.provider;

import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.CALL_FORWARDING;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.CONFERENCE_SETTINGS;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.CONTACT_INFORMATION;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.PHONEBOOK_ENTRY;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.SPEED_DIAL;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.VOICEMAIL_PIN;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.VOICEMAIL_PREFERENCES;
import static dev.switchboard.systems.sipxconfig.provider.SipxFixtures.NO_IDS;
import static dev.switchboard.systems.sipxconfig.provider.SipxFixtures.desired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ResourceType;
import dev.switchboard.provider.RetryPolicy;
import dev.switchboard.provider.Updater;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.sipxconfig.sim.SipxconfigSimOptions;
import dev.switchboard.systems.sipxconfig.sim.SipxconfigSimulator;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The provider against the simulator: what it reads of a fresh server, and every change it can make. */
@QuarkusTest
class SipxconfigProviderSimulatorTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private SimServer server;
    private SipxconfigSimulator simulator;
    private Provider provider;

    private void start(Map<String, String> options, String password, String... users) {
        simulator = new SipxconfigSimulator(SipxconfigSimOptions.parse(options));
        server = SimServer.start(SimOptions.DEFAULT, simulator);
        provider = new SipxconfigProviderFactory(ApiObserver.NONE)
                .open(SipxFixtures.target(server.baseUri().toString(), password, users), server.baseUri(), FAST);
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

    private ResourceSet fetch() {
        return provider.fetchLiveState(FetchProgress.NONE);
    }

    private <T extends ResourceType> T type(dev.switchboard.model.ResourceKind kind, Class<T> as) {
        return as.cast(provider.type(kind).orElseThrow());
    }

    private Resource live(dev.switchboard.model.ResourceKind kind, String... key) {
        return fetch().get(ResourceKey.of(kind, key)).orElseThrow(() -> new AssertionError("no " + kind + " " + List.of(key)));
    }

    @Test
    void readsEverySettingOfTheListedUsersAndNoOtherUser() {
        start(Map.of(), "password", "200", "201");
        ResourceSet live = fetch();
        assertThat(live.size()).as("8 settings and 1 conference per user, no phonebook entry").isEqualTo(18);
        assertThat(live.all()).allSatisfy(r -> assertThat(r.key().parts().get(0)).isIn("200", "201"));
        assertThat(live.get(ResourceKey.of(CALL_FORWARDING, "200")).orElseThrow().fields())
                .containsEntry("expiration", 20L).containsEntry("withVoicemail", true).containsEntry("rings", List.of());
        assertThat(live.get(ResourceKey.of(CONFERENCE_SETTINGS, "201", "conf201")).orElseThrow().fields())
                .containsEntry("quickstart", true).containsEntry("maxMembers", 0L).containsEntry("moh", "FILES_SRC");
        assertThat(live.get(ResourceKey.of(VOICEMAIL_PIN, "201")).orElseThrow().fields()).isEmpty();
        assertThat(provider.types()).allSatisfy(t -> assertThat(t.singleton()).isEqualTo(t.kind() != PHONEBOOK_ENTRY));
        assertThat(provider.types()).filteredOn(t -> t instanceof Creator || t instanceof Deleter)
                .extracting(ResourceType::kind).containsExactly(PHONEBOOK_ENTRY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"document", "sipxecs"})
    void updatesOnlyTheDeclaredFieldsOfCallForwardingInEitherDialect(String dialect) {
        start(Map.of("dialect", dialect), "password", "200");
        Resource desired = desired(CALL_FORWARDING, Map.of("expiration", 25L, "rings", List.of(Map.of("number", "5551212",
                "expiration", 30L, "type", "If no response", "enabled", true))), "200");
        type(CALL_FORWARDING, Updater.class).update(live(CALL_FORWARDING, "200"), desired, Set.of("expiration", "rings"),
                NO_IDS);
        assertThat(live(CALL_FORWARDING, "200").fields()).containsEntry("expiration", 25L).containsEntry("withVoicemail", true)
                .containsEntry("rings", List.of(Map.of("number", "5551212", "expiration", 30L, "type", "If no response",
                        "enabled", true)));
    }

    @Test
    void setsOnePartOfAnAddressAndKeepsTheOthers() {
        start(Map.of(), "password", "201");
        Updater contact = type(CONTACT_INFORMATION, Updater.class);
        contact.update(live(CONTACT_INFORMATION, "201"), desired(CONTACT_INFORMATION,
                Map.of("officeAddress.street", "1 Science Park", "jobTitle", "Engineer"), "201"),
                Set.of("officeAddress.street", "jobTitle"), NO_IDS);
        contact.update(live(CONTACT_INFORMATION, "201"), desired(CONTACT_INFORMATION,
                Map.of("officeAddress.city", "Boston"), "201"), Set.of("officeAddress.city"), NO_IDS);
        assertThat(live(CONTACT_INFORMATION, "201").fields()).containsEntry("officeAddress.street", "1 Science Park")
                .containsEntry("officeAddress.city", "Boston").containsEntry("jobTitle", "Engineer")
                .containsEntry("imId", "user201");
    }

    @Test
    void createsFindsUpdatesAndDeletesAPhonebookEntryByItsNumber() {
        start(Map.of(), "password", "201");
        PhonebookEntryType entries = type(PHONEBOOK_ENTRY, PhonebookEntryType.class);
        Resource john = desired(PHONEBOOK_ENTRY, Map.of("firstName", "John", "lastName", "Smith",
                "contactInformation.companyName", "Acme"), "201", "300");
        Resource created = entries.create(john, NO_IDS);
        assertThat(created.id()).get().asString().isNotEmpty();
        assertThat(created.fields()).containsEntry("contactInformation.companyName", "Acme");
        // a second create of the same entry (a retry) is answered 747 and adopts the one there
        assertThat(entries.create(john, NO_IDS).id()).isEqualTo(created.id());
        assertThat(fetch().ofKind(PHONEBOOK_ENTRY)).hasSize(1);

        entries.update(live(PHONEBOOK_ENTRY, "201", "300"), desired(PHONEBOOK_ENTRY, Map.of("lastName", "Smyth"), "201", "300"),
                Set.of("lastName"), NO_IDS);
        assertThat(live(PHONEBOOK_ENTRY, "201", "300").fields()).containsEntry("lastName", "Smyth")
                .containsEntry("firstName", "John").containsEntry("contactInformation.companyName", "Acme");

        entries.delete(live(PHONEBOOK_ENTRY, "201", "300"));
        assertThat(fetch().ofKind(PHONEBOOK_ENTRY)).isEmpty();
    }

    @Test
    void readsAPhonebookLargerThanAPage() {
        start(Map.of("version", "sipxcom"), "password", "200");
        PhonebookEntryType entries = type(PHONEBOOK_ENTRY, PhonebookEntryType.class);
        int count = SipxconfigClient.PAGE_SIZE + 3;
        com.fasterxml.jackson.databind.node.ArrayNode list = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < count; i++) {
            list.addObject().put("id", i + 1).put("owner", "200").put("firstName", "F").put("lastName", "L" + i)
                    .put("number", String.valueOf(1000 + i)).putObject("contactInformation");
        }
        com.fasterxml.jackson.databind.node.ObjectNode state = simulator.snapshot().deepCopy();
        state.set("phonebook", list);
        simulator.restore(state);
        assertThat(entries.fetch("200")).hasSize(count);
    }

    @Test
    void setsTheVoicemailPinAndNeverNamesIt() {
        start(Map.of(), "password", "201");
        Updater pin = type(VOICEMAIL_PIN, Updater.class);
        pin.update(live(VOICEMAIL_PIN, "201"), desired(VOICEMAIL_PIN, Map.of("pin",
                Secret.fromReference("${env:PIN}", "97531")), "201"), Set.of("pin"), NO_IDS);
        assertThat(simulator.snapshot().path("users").path("201").path("pinHash").asText())
                .isEqualTo(sha256("97531"));
        assertThatThrownBy(() -> pin.update(live(VOICEMAIL_PIN, "201"), desired(VOICEMAIL_PIN, Map.of("pin",
                Secret.fromReference("${env:PIN}", "975")), "201"), Set.of("pin"), NO_IDS))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("PUT /sipxconfig/rest/my/voicemail/pin/(sensitive) -> HTTP 400")
                .hasMessageNotContaining("975");
    }

    @Test
    void aWrongPasswordIsAnErrorNamingTheObjectButNotThePassword() {
        start(Map.of(), "not-the-password", "200");
        assertThatThrownBy(this::fetch).isInstanceOf(ProviderException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining(" 200").hasMessageNotContaining("not-the-password");
    }

    @Test
    void aSpeedDialWithoutAPersonalOneCannotBeChanged() {
        start(Map.of("speedDial", "group"), "password", "200");
        assertThat(live(SPEED_DIAL, "200").fields()).containsEntry("groupSpeedDial", true);
        assertThatThrownBy(() -> type(SPEED_DIAL, Updater.class).update(live(SPEED_DIAL, "200"),
                desired(SPEED_DIAL, Map.of("groupSpeedDial", false), "200"), Set.of("groupSpeedDial"), NO_IDS))
                .isInstanceOf(ProviderException.class).hasMessageContaining("HTTP 404")
                .hasMessageContaining("no personal speed dial");
    }

    @Test
    void changesConferenceSettingsAndVoicemailPreferences() {
        start(Map.of(), "password", "201");
        type(CONFERENCE_SETTINGS, Updater.class).update(live(CONFERENCE_SETTINGS, "201", "conf201"),
                desired(CONFERENCE_SETTINGS, Map.of("autorecorded", true, "maxMembers", 10L), "201", "conf201"),
                Set.of("autorecorded", "maxMembers"), NO_IDS);
        assertThat(live(CONFERENCE_SETTINGS, "201", "conf201").fields()).containsEntry("autorecorded", true)
                .containsEntry("maxMembers", 10L).containsEntry("quickstart", true);
        type(VOICEMAIL_PREFERENCES, Updater.class).update(live(VOICEMAIL_PREFERENCES, "201"),
                desired(VOICEMAIL_PREFERENCES, Map.of("email", "jdoe@example.com", "emailAttachType", "YES"), "201"),
                Set.of("email", "emailAttachType"), NO_IDS);
        assertThat(live(VOICEMAIL_PREFERENCES, "201").fields()).containsEntry("email", "jdoe@example.com")
                .containsEntry("emailAttachType", "YES").containsEntry("greeting", "STANDARD");
    }

    private static String sha256(String text) throws RuntimeException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
