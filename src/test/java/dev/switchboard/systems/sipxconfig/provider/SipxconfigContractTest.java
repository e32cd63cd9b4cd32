package dev.switchboard.systems.sipxconfig.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.*;
import static dev.switchboard.systems.sipxconfig.provider.SipxFixtures.NO_IDS;
import static dev.switchboard.systems.sipxconfig.provider.SipxFixtures.desired;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.apply.ChangeResult;
import dev.switchboard.apply.TargetApplier;
import dev.switchboard.apply.TargetApplyReport;
import dev.switchboard.apply.WriteOnlyFingerprints;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.plan.Planner;
import dev.switchboard.plan.TargetCapabilities;
import dev.switchboard.plan.TargetPlan;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.RetryPolicy;
import dev.switchboard.provider.Updater;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every manageable call of seed 001 checked against WireMock for its exact method, path, user's Basic auth
 * and body, answered with the document's own examples; and the faults around a phonebook entry's create.
 */
@QuarkusTest
class SipxconfigContractTest {

    private static final String MY = "/sipxconfig/rest/my";
    private static final String AUTH_201 = basic("201", "s3cret");
    private static final String AUTH_202 = basic("202", "other");
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private static WireMockServer wiremock;
    private Provider provider;

    @TempDir
    Path work;

    @BeforeAll
    static void startWireMock() {
        wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wiremock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wiremock.stop();
    }

    @BeforeEach
    void open() {
        wiremock.resetAll();
        var target = SipxFixtures.target(wiremock.baseUrl(), "s3cret", "201");
        @SuppressWarnings("unchecked")
        Map<String, Secret> users = new java.util.LinkedHashMap<>((Map<String, Secret>) target.options().get("users"));
        users.put("202", Secret.fromReference("${env:SIPX_202_PASSWORD}", "other"));
        target = new dev.switchboard.model.TargetSpec(target.name(), target.kind(), target.url(), target.auth(),
                Map.of("users", users), target.tls(), target.policy());
        provider = new SipxconfigProviderFactory(ApiObserver.NONE).open(target, java.net.URI.create(wiremock.baseUrl()), FAST);
    }

    @AfterEach
    void close() {
        provider.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void stubGet(String path, String auth, String json) {
        wiremock.stubFor(get(urlEqualTo(MY + path)).withHeader("Authorization", equalTo(auth))
                .withHeader("Accept", equalTo("application/json")).willReturn(okJson(json)));
    }

    private static void stubPut(String path, String auth) {
        wiremock.stubFor(put(urlEqualTo(MY + path)).withHeader("Authorization", equalTo(auth))
                .willReturn(aResponse().withStatus(200)));
    }

    // the document's examples
    private static final String CALLFWD = "{\"callsequence\": {\"rings\": [{\"expiration\": 30, \"type\": \"If no response\","
            + " \"enabled\": true, \"number\": \"333\"}, {\"expiration\": 30, \"type\": \"At the same time\", \"enabled\": true,"
            + " \"number\": \"232\"}], \"expiration\": 20, \"withVoicemail\": true}}";
    private static final String VMPREFS = "{\"voicemailPermission\":true,\"emailFormat\":\"FULL\",\"altEmailFormat\":null,"
            + "\"greeting\":\"STANDARD\",\"emailAttachType\":\"YES\",\"emailIncludeAudioAttachment\":true,\"altEmail\":null,"
            + "\"altEmailAttachType\":null,\"altEmailIncludeAudioAttachment\":false,\"email\":\"aaa@bbb\"}";
    private static final String ATTENDANT = "{\"personalAttendantPermission\":true,\"language\":null,\"operator\":null,"
            + "\"menu\":{},\"overrideLanguage\":false,\"depositVM\":true,\"playVMDefaultOptions\":true}";
    private static final String CONTACT = "{\"contact-information\": {\"jobTitle\": \"Data Entry Assistant\", \"jobDept\":"
            + " \"Data Management Services\", \"companyName\": \"Museum of Science\", \"homeAddress\": {\"city\": \"NY\"},"
            + " \"officeAddress\": {\"street\": \"1 Science Park\", \"city\": \"Boston\", \"country\": \"US\", \"state\": \"MA\","
            + " \"zip\": \"02114\"}, \"branchAddress\": {}, \"imId\": \"myId\", \"imDisplayName\": \"myId\", \"emailAddress\":"
            + " \"john.doe@example.com\", \"useBranchAddress\": false, \"salutation\": \"Prof\", \"twiterName\": \"Twitter\","
            + " \"linkedinName\": \"Linkedin\", \"facebookName\": \"Facebook\", \"xingName\": \"Xing\", \"timestamp\": 0,"
            + " \"enabled\": true, \"ldapManaged\": false, \"firstName\": \"John\", \"lastName\": \"Doe\"}}";
    private static final String IM = "{\"statusCallInfo\":false,\"otpMessage\":\"Onthe phone\",\"voicemailOnDnd\":true,"
            + "\"statusPhonePresence\":true}";
    private static final String IMBOT = "{\"confExit\":true,\"vmBegin\":true,\"vmEnd\":true,\"confEnter\":true}";
    private static final String SPEEDDIAL = "{\"buttons\":[{\"number\":\"200\",\"label\":\"Reception\",\"blf\":true}],"
            + "\"groupSpeedDial\":false}";
    private static final String CONFERENCES = "{\"conferences\": [{\"enabled\": true, \"name\": \"MirceaConf\","
            + " \"description\": \"description\", \"extension\": \"22123\", \"accessCode\": \"555\"}]}";
    private static final String SETTING = "{\"setting\": {\"enabled\": true, \"name\": \"MirceaConf\", \"autorecorded\": true,"
            + " \"quickstart\": true, \"video\": false, \"sendActiveVideoOnly\": false, \"maxMembers\": 0, \"moh\": \"FILES_SRC\","
            + " \"moderatedRoom\": false, \"publicRoom\": true}}";
    private static final String EMPTY_PHONEBOOK = "{\"phonebook\": {\"size\": 0, \"filteredsize\": 0, \"startrow\": 0,"
            + " \"endrow\": 0, \"showonphone\": \"n/a\", \"googledomain\": \"gmail.com\", \"entries\": []}}";
    private static final String PHONEBOOK_300 = "{\"phonebook\": {\"size\": 1, \"filteredsize\": 1, \"startrow\": 0,"
            + " \"endrow\": 1, \"showonphone\": \"n/a\", \"googledomain\": \"gmail.com\", \"entries\": [{\"id\": 17,"
            + " \"first-name\": \"John\", \"last-name\": \"Smith\", \"number\": \"300\", \"contact-information\": {"
            + "\"homeAddress\": {}, \"officeAddress\": {}, \"companyName\": \"Acme\"}}]}}";

    private void stubEveryReadOf201() {
        stubGet("/callfwd", AUTH_201, CALLFWD);
        stubGet("/vmprefs", AUTH_201, VMPREFS);
        stubGet("/voicemail/attendant", AUTH_201, ATTENDANT);
        stubGet("/contact-information", AUTH_201, CONTACT);
        stubGet("/im/prefs", AUTH_201, IM);
        stubGet("/imbot/prefs", AUTH_201, IMBOT);
        stubGet("/speeddial", AUTH_201, SPEEDDIAL);
        stubGet("/conferences", AUTH_201, CONFERENCES);
        stubGet("/conferences/MirceaConf", AUTH_201, SETTING);
        stubGet("/pagedphonebook?start=0&end=500", AUTH_201, PHONEBOOK_300);
        for (String path : List.of("/callfwd", "/vmprefs", "/voicemail/attendant", "/contact-information", "/im/prefs",
                "/imbot/prefs", "/speeddial", "/conferences", "/pagedphonebook?start=0&end=500")) {
            stubGet(path, AUTH_202, path.equals("/conferences") ? "{\"conferences\": []}"
                    : path.startsWith("/paged") ? EMPTY_PHONEBOOK : "{}");
        }
    }

    private Resource live(ResourceSet set, dev.switchboard.model.ResourceKind kind, String... key) {
        return set.get(ResourceKey.of(kind, key)).orElseThrow();
    }

    @Test
    void readsTheDocumentsExamplesAsEachUser() {
        stubEveryReadOf201();
        ResourceSet live = provider.fetchLiveState(FetchProgress.NONE);
        assertThat(live(live, CALL_FORWARDING, "201").fields()).containsEntry("expiration", 20L)
                .containsEntry("withVoicemail", true).containsEntry("rings", List.of(
                        Map.of("number", "333", "expiration", 30L, "type", "If no response", "enabled", true),
                        Map.of("number", "232", "expiration", 30L, "type", "At the same time", "enabled", true)));
        assertThat(live(live, VOICEMAIL_PREFERENCES, "201").fields()).containsEntry("emailFormat", "FULL")
                .containsEntry("email", "aaa@bbb").doesNotContainKey("altEmail").doesNotContainKey("voicemailPermission");
        assertThat(live(live, PERSONAL_ATTENDANT, "201").fields()).containsEntry("menu", Map.of()).containsEntry("depositVM", true);
        assertThat(live(live, CONTACT_INFORMATION, "201").fields()).containsEntry("officeAddress.zip", "02114")
                .containsEntry("homeAddress.city", "NY").containsEntry("salutation", "Prof").doesNotContainKey("timestamp");
        assertThat(live(live, IM_PREFERENCES, "201").fields()).containsEntry("otpMessage", "Onthe phone");
        assertThat(live(live, IM_BOT_PREFERENCES, "201").fields()).containsEntry("vmEnd", true);
        assertThat(live(live, SPEED_DIAL, "201").fields()).containsEntry("buttons",
                List.of(Map.of("number", "200", "label", "Reception", "blf", true)));
        assertThat(live(live, CONFERENCE_SETTINGS, "201", "MirceaConf").fields()).containsEntry("publicRoom", true);
        Resource entry = live(live, PHONEBOOK_ENTRY, "201", "300");
        assertThat(entry.id()).contains("17");
        assertThat(entry.fields()).containsEntry("firstName", "John").containsEntry("contactInformation.companyName", "Acme");
        assertThat(live.all().stream().filter(r -> r.key().parts().get(0).equals("202")).count())
                .as("user 202's settings, read as 202").isEqualTo(8);
        wiremock.verify(exactly(0), getRequestedFor(urlPathEqualTo(MY + "/callfwd")).withHeader("Authorization", absent()));
    }

    @Test
    void putsCallForwardingBareAsTheDocumentsCurlExampleDoes() {
        stubGet("/callfwd", AUTH_201, CALLFWD);
        stubPut("/callfwd", AUTH_201);
        Resource live = Resource.live(ResourceKey.of(CALL_FORWARDING, "201"), "201", Map.of(), Set.of());
        provider.type(CALL_FORWARDING).map(Updater.class::cast).orElseThrow().update(live, desired(CALL_FORWARDING,
                Map.of("rings", List.of(Map.of("number", "5551212", "expiration", 30L, "type", "If no response",
                        "enabled", true)), "withVoicemail", false), "201"), Set.of("rings", "withVoicemail"), NO_IDS);
        wiremock.verify(putRequestedFor(urlEqualTo(MY + "/callfwd")).withHeader("Authorization", equalTo(AUTH_201))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"expiration\":20,\"withVoicemail\":false,\"rings\":[{\"expiration\":30,"
                        + "\"type\":\"If no response\",\"enabled\":true,\"number\":\"5551212\"}]}")));
    }

    @Test
    void putsEachSettingWholeWithTheDeclaredFieldsOverlaid() {
        stubEveryReadOf201();
        for (String path : List.of("/vmprefs", "/voicemail/attendant", "/contact-information", "/im/prefs", "/imbot/prefs",
                "/speeddial", "/conferences/MirceaConf")) {
            stubPut(path, AUTH_201);
        }
        ResourceSet live = provider.fetchLiveState(FetchProgress.NONE);
        update(live, VOICEMAIL_PREFERENCES, Map.of("greeting", "OUT_OF_OFFICE"), "201");
        update(live, PERSONAL_ATTENDANT, Map.of("operator", "0"), "201");
        update(live, CONTACT_INFORMATION, Map.of("officeAddress.city", "Cambridge"), "201");
        update(live, IM_PREFERENCES, Map.of("voicemailOnDnd", false), "201");
        update(live, IM_BOT_PREFERENCES, Map.of("vmBegin", false), "201");
        update(live, SPEED_DIAL, Map.of("buttons", List.of(Map.of("number", "201", "blf", false))), "201");
        update(live, CONFERENCE_SETTINGS, Map.of("maxMembers", 10L), "201", "MirceaConf");
        wiremock.verify(putRequestedFor(urlEqualTo(MY + "/vmprefs")).withHeader("Authorization", equalTo(AUTH_201))
                .withRequestBody(equalToJson(VMPREFS.replace("STANDARD", "OUT_OF_OFFICE"))));
        wiremock.verify(putRequestedFor(urlEqualTo(MY + "/voicemail/attendant"))
                .withRequestBody(equalToJson(ATTENDANT.replace("\"operator\":null", "\"operator\":\"0\""))));
        wiremock.verify(putRequestedFor(urlEqualTo(MY + "/contact-information"))
                .withRequestBody(equalToJson(CONTACT.replace("\"Boston\"", "\"Cambridge\""))));
        wiremock.verify(putRequestedFor(urlEqualTo(MY + "/im/prefs"))
                .withRequestBody(equalToJson(IM.replace("\"voicemailOnDnd\":true", "\"voicemailOnDnd\":false"))));
        wiremock.verify(putRequestedFor(urlEqualTo(MY + "/imbot/prefs"))
                .withRequestBody(equalToJson(IMBOT.replace("\"vmBegin\":true", "\"vmBegin\":false"))));
        wiremock.verify(putRequestedFor(urlEqualTo(MY + "/speeddial"))
                .withRequestBody(equalToJson("{\"buttons\":[{\"number\":\"201\",\"blf\":false}],\"groupSpeedDial\":false}")));
        wiremock.verify(putRequestedFor(urlEqualTo(MY + "/conferences/MirceaConf"))
                .withRequestBody(equalToJson(SETTING.replace("\"maxMembers\": 0", "\"maxMembers\": 10"))));
    }

    private void update(ResourceSet live, dev.switchboard.model.ResourceKind kind, Map<String, Object> fields, String... key) {
        provider.type(kind).map(Updater.class::cast).orElseThrow().update(live(live, kind, key), desired(kind, fields, key),
                fields.keySet(), NO_IDS);
    }

    @Test
    void putsTheVoicemailPinInThePathWithNoBody() {
        stubPut("/voicemail/pin/4321", AUTH_201);
        provider.type(VOICEMAIL_PIN).map(Updater.class::cast).orElseThrow().update(
                Resource.live(ResourceKey.of(VOICEMAIL_PIN, "201"), "201", Map.of(), Set.of()),
                desired(VOICEMAIL_PIN, Map.of("pin", Secret.fromReference("${env:PIN}", "4321")), "201"), Set.of("pin"), NO_IDS);
        wiremock.verify(exactly(1), putRequestedFor(urlEqualTo(MY + "/voicemail/pin/4321"))
                .withHeader("Authorization", equalTo(AUTH_201)));
    }

    @Test
    void createsUpdatesAndDeletesEntriesAsTheirUserInTheDocumentsSpelling() {
        wiremock.stubFor(post(urlEqualTo(MY + "/phonebook/entry/0")).willReturn(aResponse().withStatus(200)));
        stubGet("/pagedphonebook?start=0&end=500", AUTH_201, PHONEBOOK_300);
        Resource desired = desired(PHONEBOOK_ENTRY, Map.of("firstName", "John", "lastName", "Smith",
                "contactInformation.companyName", "Acme", "contactInformation.officeAddress.zip", "1234"), "201", "300");
        PhonebookEntryType entries = (PhonebookEntryType) provider.type(PHONEBOOK_ENTRY).orElseThrow();
        assertThat(entries.create(desired, NO_IDS).id()).contains("17");
        wiremock.verify(postRequestedFor(urlEqualTo(MY + "/phonebook/entry/0")).withHeader("Authorization", equalTo(AUTH_201))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"entry\": {\"firstname\": \"John\", \"lastname\": \"Smith\", \"number\": \"300\","
                        + " \"contactinformation\": {\"companyName\": \"Acme\", \"officeAddress\": {\"zip\": \"1234\"}}}}")));

        stubGet("/phonebook/entry/17", AUTH_201, "{\"entry\": {\"first-name\": \"John\", \"last-name\": \"Smith\","
                + " \"number\": \"300\", \"contact-information\": {\"homeAddress\": {}, \"officeAddress\": {\"zip\": \"1234\"},"
                + " \"companyName\": \"Acme\", \"avatar\": \"https://sipx/sipxconfig/rest/avatar/300\"}}}");
        stubPut("/phonebook/entry/17", AUTH_201);
        Resource live = Resource.live(desired.key(), "17", Map.of(), Set.of());
        entries.update(live, desired(PHONEBOOK_ENTRY, Map.of("lastName", "Smyth"), "201", "300"), Set.of("lastName"), NO_IDS);
        wiremock.verify(putRequestedFor(urlEqualTo(MY + "/phonebook/entry/17"))
                .withRequestBody(equalToJson("{\"entry\": {\"firstname\": \"John\", \"lastname\": \"Smyth\", \"number\": \"300\","
                        + " \"contactinformation\": {\"homeAddress\": {}, \"officeAddress\": {\"zip\": \"1234\"},"
                        + " \"companyName\": \"Acme\"}}}")));

        wiremock.stubFor(delete(urlEqualTo(MY + "/phonebook/entry/17")).willReturn(aResponse().withStatus(200)));
        entries.delete(live);
        wiremock.verify(deleteRequestedFor(urlEqualTo(MY + "/phonebook/entry/17")).withHeader("Authorization", equalTo(AUTH_201)));

        Resource other = desired(PHONEBOOK_ENTRY, Map.of("firstName", "A", "lastName", "B"), "202", "400");
        stubGet("/pagedphonebook?start=0&end=500", AUTH_202, PHONEBOOK_300.replace("\"300\"", "\"400\""));
        entries.create(other, NO_IDS);
        wiremock.verify(postRequestedFor(urlEqualTo(MY + "/phonebook/entry/0")).withHeader("Authorization", equalTo(AUTH_202)));
    }

    // ---- faults: a phonebook entry is never created twice

    /** Applies the creation of entry 201/300 through the real executor, which checks lost answers by natural key. */
    private TargetApplyReport applyCreate() {
        Resource desired = desired(PHONEBOOK_ENTRY, Map.of("firstName", "John", "lastName", "Smith"), "201", "300");
        TargetPlan plan = new Planner().plan(provider.target(), ResourceSet.of("sipx-test", List.of(desired)),
                ResourceSet.empty("sipx-test"), TargetCapabilities.of(TargetCapabilities.KindCapabilities.full(PHONEBOOK_ENTRY)));
        return new TargetApplier(provider, ResourceSet.empty("sipx-test"), WriteOnlyFingerprints.open(work, "sipx-test"),
                Clock.systemUTC()).apply(plan, work, 1, done -> { });
    }

    private static void phonebookEmptyThenHolding300() {
        wiremock.stubFor(get(urlEqualTo(MY + "/pagedphonebook?start=0&end=500")).inScenario("entry")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(EMPTY_PHONEBOOK)));
        wiremock.stubFor(get(urlEqualTo(MY + "/pagedphonebook?start=0&end=500")).inScenario("entry")
                .whenScenarioStateIs("saved").willReturn(okJson(PHONEBOOK_300)));
    }

    @Test
    void aResetAfterThePostIsLookedUpAndNotPostedAgain() {
        wiremock.stubFor(get(urlEqualTo(MY + "/pagedphonebook?start=0&end=500")).willReturn(okJson(PHONEBOOK_300)));
        wiremock.stubFor(post(urlEqualTo(MY + "/phonebook/entry/0"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        TargetApplyReport report = applyCreate();
        assertThat(report.count(ChangeResult.Status.APPLIED)).isEqualTo(1);
        assertThat(report.results().get(0).note()).hasValueSatisfying(n -> assertThat(n).contains("answer was lost"));
        wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(MY + "/phonebook/entry/0")));
    }

    @Test
    void a500AfterTheServerSavedTheEntryIsNotPostedAgain() {
        wiremock.stubFor(get(urlEqualTo(MY + "/pagedphonebook?start=0&end=500")).willReturn(okJson(PHONEBOOK_300)));
        wiremock.stubFor(post(urlEqualTo(MY + "/phonebook/entry/0")).willReturn(aResponse().withStatus(500)
                .withBody("Internal Server Error")));
        assertThat(applyCreate().count(ChangeResult.Status.APPLIED)).isEqualTo(1);
        wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(MY + "/phonebook/entry/0")));
    }

    @Test
    void a500BeforeTheServerSavedItIsPostedOnceMoreAfterTheLookUp() {
        phonebookEmptyThenHolding300();
        wiremock.stubFor(post(urlEqualTo(MY + "/phonebook/entry/0")).inScenario("entry")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(500)).willSetStateTo("refused"));
        wiremock.stubFor(get(urlEqualTo(MY + "/pagedphonebook?start=0&end=500")).inScenario("entry")
                .whenScenarioStateIs("refused").willReturn(okJson(EMPTY_PHONEBOOK)));
        wiremock.stubFor(post(urlEqualTo(MY + "/phonebook/entry/0")).inScenario("entry")
                .whenScenarioStateIs("refused").willReturn(aResponse().withStatus(200)).willSetStateTo("saved"));
        assertThat(applyCreate().count(ChangeResult.Status.APPLIED)).isEqualTo(1);
        wiremock.verify(exactly(2), postRequestedFor(urlEqualTo(MY + "/phonebook/entry/0")));
        // one look-up after the 500 (nothing there), one after the create to learn the id it was given
        wiremock.verify(exactly(2), getRequestedFor(urlPathEqualTo(MY + "/pagedphonebook")).withHeader("Authorization",
                equalTo(AUTH_201)));
    }

    @Test
    void a429IsRetriedAndTheEntryCreatedOnce() {
        phonebookEmptyThenHolding300();
        wiremock.stubFor(post(urlEqualTo(MY + "/phonebook/entry/0")).inScenario("entry")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("throttled"));
        wiremock.stubFor(post(urlEqualTo(MY + "/phonebook/entry/0")).inScenario("entry")
                .whenScenarioStateIs("throttled").willReturn(aResponse().withStatus(200)).willSetStateTo("saved"));
        assertThat(applyCreate().count(ChangeResult.Status.APPLIED)).isEqualTo(1);
        wiremock.verify(exactly(2), postRequestedFor(urlEqualTo(MY + "/phonebook/entry/0")));
    }

    @Test
    void a747DuplicateAdoptsTheEntryThere() {
        wiremock.stubFor(get(urlEqualTo(MY + "/pagedphonebook?start=0&end=500")).willReturn(okJson(PHONEBOOK_300)));
        wiremock.stubFor(post(urlEqualTo(MY + "/phonebook/entry/0")).willReturn(aResponse().withStatus(747)
                .withBody("Duplicate Entry")));
        assertThat(applyCreate().count(ChangeResult.Status.APPLIED)).isEqualTo(1);
        wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(MY + "/phonebook/entry/0")));
    }

    @Test
    void aFailedPutOfTheSettingsIsRetriedAsItIsIdempotent() {
        stubGet("/imbot/prefs", AUTH_201, IMBOT);
        wiremock.stubFor(put(urlEqualTo(MY + "/imbot/prefs")).inScenario("put").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("once"));
        wiremock.stubFor(put(urlEqualTo(MY + "/imbot/prefs")).inScenario("put").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(200)));
        provider.type(IM_BOT_PREFERENCES).map(Updater.class::cast).orElseThrow().update(
                Resource.live(ResourceKey.of(IM_BOT_PREFERENCES, "201"), "201", Map.of(), Set.of()),
                desired(IM_BOT_PREFERENCES, Map.of("vmEnd", false), "201"), Set.of("vmEnd"), NO_IDS);
        wiremock.verify(exactly(2), putRequestedFor(urlEqualTo(MY + "/imbot/prefs")));
    }

    @Test
    void aPutOfAUsersOwnSettingsWhoseAnswerWasLostIsSentAgain() {
        stubGet("/im/prefs", AUTH_201, IM);
        wiremock.stubFor(put(urlEqualTo(MY + "/im/prefs")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("once"));
        wiremock.stubFor(put(urlEqualTo(MY + "/im/prefs")).inScenario("lost").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(200)));
        provider.type(IM_PREFERENCES).map(Updater.class::cast).orElseThrow().update(
                Resource.live(ResourceKey.of(IM_PREFERENCES, "201"), "201", Map.of(), Set.of()),
                desired(IM_PREFERENCES, Map.of("voicemailOnDnd", false), "201"), Set.of("voicemailOnDnd"), NO_IDS);
        wiremock.verify(exactly(2), putRequestedFor(urlEqualTo(MY + "/im/prefs")));
    }
}
