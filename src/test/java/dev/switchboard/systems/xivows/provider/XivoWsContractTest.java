package dev.switchboard.systems.xivows.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.switchboard.systems.xivows.provider.XivoWsFixtures.desired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.switchboard.apply.ChangeResult;
import dev.switchboard.apply.TargetApplier;
import dev.switchboard.apply.TargetApplyReport;
import dev.switchboard.apply.WriteOnlyFingerprints;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.plan.Change;
import dev.switchboard.plan.TargetPlan;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.RetryPolicy;
import dev.switchboard.provider.Updater;
import dev.switchboard.systems.xivows.XivoWsKinds;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 * The exact requests of the provider (method, act, path, HTTP Basic, JSON bodies with the parallel arrays),
 * answered as seed 004 and the xivo-web-interface source answer, and the faults around them.
 */
@QuarkusTest
class XivoWsContractTest {

    static final String CONF = "/xivo/configuration/json.php/restricted/";
    static final String IPBX = "/service/ipbx/json.php/restricted/";
    static final String BASIC = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("ws-admin:s3cret".getBytes(StandardCharsets.UTF_8));

    private static WireMockServer wiremock;
    private XivoWsProvider provider;
    private final XivoWsFixtures.Ids ids = new XivoWsFixtures.Ids();

    @TempDir
    Path dir;

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
        URI base = URI.create(wiremock.baseUrl());
        provider = new XivoWsProviderFactory(ApiObserver.NONE, new SumCache())
                .open(XivoWsFixtures.target(base.toString(), "ws-admin", "s3cret"), base,
                        new RetryPolicy(3, Duration.ZERO, Duration.ZERO));
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void addsAnEntityWithTheDocumentsFieldsAndFindsItByNameSinceTheAnswerHasNoId() {
        wiremock.stubFor(post(urlEqualTo(CONF + "manage/entity/?act=add")).withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"name": "proformatique", "displayname": "Proformatique", "phonenumber": "0033141389960",
                         "faxnumber": "", "email": "", "url": "", "address1": "", "address2": "", "city": "",
                         "state": "", "zipcode": "", "country": "FR", "description": ""}"""))
                .willReturn(aResponse().withStatus(200)));
        wiremock.stubFor(get(urlEqualTo(CONF + "manage/entity/?act=search&search=proformatique"))
                .withHeader("Authorization", equalTo(BASIC))
                .willReturn(aResponse().withStatus(200).withBody("""
                        [{"id": "2", "name": "proformatique", "displayname": "Proformatique", "country": "FR"},
                         {"id": "3", "name": "proformatique-old", "displayname": "Old"}]""")));

        Resource created = ((Creator) provider.type(XivoWsKinds.ENTITY).orElseThrow()).create(
                desired(XivoWsKinds.entityKey("proformatique"), Map.of("name", "proformatique",
                        "displayname", "Proformatique", "phonenumber", "0033141389960", "country", "FR")), ids);

        assertThat(created.requireId()).isEqualTo("2");
        wiremock.verify(1, postRequestedFor(urlEqualTo(CONF + "manage/entity/?act=add")));
    }

    @Test
    void addsAUserWithTheParallelArraysAndReadsTheIdItAnswers() {
        ids.remember(Resource.live(XivoWsKinds.entityKey("proformatique"), "2", Map.of(), Set.of()));
        ids.remember(Resource.live(ResourceKey.of(XivoWsKinds.LINE, "default", "4000"), "5", Map.of(), Set.of()));
        ids.remember(Resource.live(ResourceKey.of(XivoWsKinds.LINE, "default", "4001"), "6", Map.of(), Set.of()));
        wiremock.stubFor(post(urlEqualTo(IPBX + "pbx_settings/users/?act=add")).withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("""
                        {"userfeatures": {"entityid": "2", "firstname": "John", "lastname": "Doe", "ringseconds": "30",
                                          "enablevoicemail": "1", "passwdclient": "8888"},
                         "linefeatures": {"id": ["5", "6"], "number": ["4000", "4001"]},
                         "voicemail": {"mailbox": "4000", "password": "0000", "attach": "1"},
                         "dialaction": {"noanswer": {"actiontype": "voicemail"}, "busy": {"actiontype": "none"},
                                        "congestion": {"actiontype": "none"}, "chanunavail": {"actiontype": "none"}},
                         "group-select": ["tous"], "group": {"tous": {"chantype": "default", "call-limit": "3"}},
                         "phonefunckey": {"fknum": ["13"], "type": ["user"], "typeval": ["41"], "supervision": ["1"]}}"""))
                .willReturn(aResponse().withStatus(200).withBody("\"12\"")));
        wiremock.stubFor(get(urlEqualTo(IPBX + "pbx_settings/users/?act=view&id=12")).willReturn(aResponse()
                .withStatus(200).withBody("""
                        {"userfeatures": {"id": "12", "entityid": "2", "firstname": "John", "lastname": "Doe"},
                         "linefeatures": [{"id": "5", "context": "default", "number": "4000", "protocol": "sip"},
                                          {"id": "6", "context": "default", "number": "4001", "protocol": "sip"}]}""")));
        wiremock.stubFor(get(urlEqualTo(CONF + "manage/entity/?act=list"))
                .willReturn(aResponse().withStatus(200).withBody("[{\"id\": \"2\", \"name\": \"proformatique\"}]")));

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("entity", "proformatique");
        fields.put("lines", List.of("default/4000", "default/4001"));
        fields.put("firstname", "John");
        fields.put("lastname", "Doe");
        fields.put("ringseconds", 30L);
        fields.put("enablevoicemail", true);
        fields.put("passwdclient", Secret.fromReference("${env:CTI}", "8888"));
        fields.put("voicemail.mailbox", "4000");
        fields.put("voicemail.password", Secret.fromReference("${env:VM}", "0000"));
        fields.put("voicemail.attach", true);
        fields.put("dialaction.noanswer", Map.of("actiontype", "voicemail"));
        fields.put("groups", List.of(Map.of("name", "tous", "chantype", "default", "call-limit", 3L)));
        fields.put("funckeys", List.of(Map.of("fknum", 13L, "type", "user", "typeval", "41", "supervision", true)));
        Resource created = ((Creator) provider.type(XivoWsKinds.USER).orElseThrow())
                .create(desired(ResourceKey.of(XivoWsKinds.USER, "default", "4000"), fields), ids);

        assertThat(created.requireId()).isEqualTo("12");
        assertThat(created.key()).isEqualTo(ResourceKey.of(XivoWsKinds.USER, "default", "4000"));
        assertThat(created.fields()).containsEntry("entity", "proformatique")
                .containsEntry("lines", List.of("default/4000", "default/4001"));
    }

    @Test
    void aPickupAddWhoseAnswerIsLostIsLookedUpByNameAndNeverAddedTwice() {
        ids.remember(Resource.live(ResourceKey.of(XivoWsKinds.USER, "default", "4000"), "12", Map.of(), Set.of()));
        wiremock.stubFor(post(urlEqualTo(IPBX + "call_management/pickup/?act=add"))
                .withRequestBody(equalToJson("""
                        {"name": "accueil", "description": "Front desk",
                         "members": [{"category": "member", "membertype": "user", "memberid": "12"},
                                     {"category": "pickup", "membertype": "group", "memberid": "1"}]}"""))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wiremock.stubFor(get(urlEqualTo(IPBX + "call_management/pickup/?act=list")).willReturn(aResponse()
                .withStatus(200).withBody("[{\"commented\": 0, \"description\": \"Front desk\", \"id\": 0, \"name\": \"accueil\"}]")));
        wiremock.stubFor(get(urlEqualTo(IPBX + "call_management/pickup/?act=view&id=0")).willReturn(aResponse()
                .withStatus(200).withBody("""
                        {"members": [{"category": "member", "memberid": 12, "membertype": "user", "pickupid": 0}],
                         "pickup": {"commented": 0, "description": "Front desk", "id": 0, "name": "accueil"},
                         "pickups": [{"category": "pickup", "memberid": 1, "membertype": "group", "pickupid": 0}]}""")));
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("category", "member");
        member.put("user", "default/4000");
        Map<String, Object> picker = new LinkedHashMap<>();
        picker.put("category", "pickup");
        picker.put("group", 1L);
        Resource pickup = desired(ResourceKey.of(XivoWsKinds.PICKUP, "accueil"),
                Map.of("name", "accueil", "description", "Front desk", "members", List.of(member, picker)));
        Resource user = Resource.live(ResourceKey.of(XivoWsKinds.USER, "default", "4000"), "12", Map.of(), Set.of());

        TargetPlan plan = new TargetPlan("xivo-lyon", provider.target().policy(), 1,
                List.of(Change.create("xivo-lyon", pickup)), List.of());
        TargetApplyReport report = new TargetApplier(provider, ResourceSet.of("xivo-lyon", List.of(user)),
                WriteOnlyFingerprints.open(dir, "xivo-lyon"), Clock.systemUTC()).apply(plan, dir, 1, n -> { });

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ChangeResult.Status.APPLIED);
            assertThat(r.note()).contains("the server had created it although its answer was lost");
        });
        wiremock.verify(1, postRequestedFor(urlEqualTo(IPBX + "call_management/pickup/?act=add")));
    }

    @Test
    void sendsTheSumOfTheLastAnswerAndAnswersFromItsCacheOn304() {
        String body = "[{\"id\": \"1\", \"name\": \"xivo\", \"displayname\": \"XiVO\"}]";
        String sum = XivoWsClient.md5(body.getBytes(StandardCharsets.UTF_8));
        wiremock.stubFor(get(urlEqualTo(CONF + "manage/entity/?act=list"))
                .willReturn(aResponse().withStatus(200).withBody(body)));
        wiremock.stubFor(get(urlEqualTo(CONF + "manage/entity/?act=list&sum=" + sum))
                .willReturn(aResponse().withStatus(304)));
        for (String module : List.of("pbx_settings/lines", "pbx_settings/users", "call_management/pickup")) {
            wiremock.stubFor(get(urlEqualTo(IPBX + module + "/?act=list")).willReturn(aResponse().withStatus(204)));
        }
        wiremock.stubFor(get(urlEqualTo(CONF + "network/mail/?act=view")).willReturn(aResponse().withStatus(200)
                .withBody("{\"id\": \"1\", \"mydomain\": \"example.com\", \"canonical\": []}")));
        wiremock.stubFor(get(urlEqualTo(CONF + "network/mail/?act=view&sum="
                + XivoWsClient.md5("{\"id\": \"1\", \"mydomain\": \"example.com\", \"canonical\": []}".getBytes(StandardCharsets.UTF_8))))
                .willReturn(aResponse().withStatus(304)));

        ResourceSet first = provider.fetchLiveState(FetchProgress.NONE);
        ResourceSet second = provider.fetchLiveState(FetchProgress.NONE);

        assertThat(second).isEqualTo(first);
        assertThat(second.get(XivoWsKinds.entityKey("xivo"))).isPresent();
        assertThat(second.get(XivoWsKinds.mailKey()).orElseThrow().fields()).containsEntry("mydomain", "example.com");
        wiremock.verify(1, getRequestedFor(urlEqualTo(CONF + "manage/entity/?act=list&sum=" + sum)));
        wiremock.verify(2, getRequestedFor(urlEqualTo(IPBX + "pbx_settings/lines/?act=list")));
    }

    @Test
    void editsAUserWholeWithTheDeclaredFieldLaidOverItsView() {
        wiremock.stubFor(get(urlEqualTo(IPBX + "pbx_settings/users/?act=view&id=12")).willReturn(aResponse()
                .withStatus(200).withBody("""
                        {"userfeatures": {"id": "12", "entityid": "2", "firstname": "John", "lastname": "Doe",
                                          "musiconhold": "jazz"},
                         "linefeatures": [{"id": "5", "context": "default", "number": "4000", "protocol": "sip",
                                           "rules_type": "", "rules_time": "", "rules_order": "1", "rules_group": ""}],
                         "voicemail": {"mailbox": "4000", "email": "jdoe@example.com", "uniqueid": "3"},
                         "dialaction": {"noanswer": {"actiontype": "none"}, "busy": {"actiontype": "none"},
                                        "congestion": {"actiontype": "none"}, "chanunavail": {"actiontype": "none"}}}""")));
        wiremock.stubFor(post(urlEqualTo(IPBX + "pbx_settings/users/?act=edit&id=12"))
                .withRequestBody(equalToJson("""
                        {"userfeatures": {"entityid": "2", "firstname": "John", "lastname": "Dow", "musiconhold": "jazz"},
                         "linefeatures": {"id": ["5"], "number": ["4000"], "rules_type": [""], "rules_time": [""],
                                          "rules_order": ["1"], "rules_group": [""]},
                         "voicemail": {"mailbox": "4000", "email": "jdoe@example.com"},
                         "dialaction": {"noanswer": {"actiontype": "none"}, "busy": {"actiontype": "none"},
                                        "congestion": {"actiontype": "none"}, "chanunavail": {"actiontype": "none"}}}"""))
                .willReturn(aResponse().withStatus(200)));
        ResourceKey key = ResourceKey.of(XivoWsKinds.USER, "default", "4000");
        ((Updater) provider.type(XivoWsKinds.USER).orElseThrow()).update(Resource.live(key, "12", Map.of(), Set.of()),
                desired(key, Map.of("lastname", "Dow")), Set.of("lastname"), ids);
        wiremock.verify(1, postRequestedFor(urlEqualTo(IPBX + "pbx_settings/users/?act=edit&id=12")));
    }

    @Test
    void deletesWithAGetAndTakesA404AsGoneAlready() {
        wiremock.stubFor(get(urlEqualTo(IPBX + "pbx_settings/lines/?act=delete&id=5")).withHeader("Authorization", equalTo(BASIC))
                .willReturn(aResponse().withStatus(200)));
        wiremock.stubFor(get(urlEqualTo(IPBX + "call_management/pickup/?act=delete&id=0"))
                .willReturn(aResponse().withStatus(404)));
        ((Deleter) provider.type(XivoWsKinds.LINE).orElseThrow())
                .delete(Resource.live(ResourceKey.of(XivoWsKinds.LINE, "default", "4000"), "5", Map.of(), Set.of()));
        ((Deleter) provider.type(XivoWsKinds.PICKUP).orElseThrow())
                .delete(Resource.live(ResourceKey.of(XivoWsKinds.PICKUP, "accueil"), "0", Map.of(), Set.of()));
        wiremock.verify(1, getRequestedFor(urlEqualTo(IPBX + "pbx_settings/lines/?act=delete&id=5")));
    }

    @Test
    void aRefusedAddNamesTargetObjectCallAndStatusButNoSecret() {
        wiremock.stubFor(post(urlEqualTo(IPBX + "pbx_settings/lines/?act=add")).willReturn(aResponse().withStatus(400)));
        wiremock.stubFor(get(urlEqualTo(IPBX + "system_management/extensions/?act=search&context=default&obj=user&number=4000"))
                .willReturn(aResponse().withStatus(200).withBody("[4000, 4001]")));
        Resource line = desired(ResourceKey.of(XivoWsKinds.LINE, "default", "4000"), Map.of("context", "default",
                "number", "4000", "protocol", "sip", "secret", Secret.fromReference("${env:S}", "FV4S9W")));
        assertThatThrownBy(() -> ((Creator) provider.type(XivoWsKinds.LINE).orElseThrow()).create(line, ids))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("target xivo-lyon, line default/4000: POST " + IPBX + "pbx_settings/lines/?act=add -> HTTP 400")
                .message().doesNotContain("FV4S9W").doesNotContain("s3cret");
    }

    @Test
    void aWrongPasswordIsA401ThatIsNotRetried() {
        wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).willReturn(aResponse().withStatus(401)
                        .withHeader("WWW-Authenticate", "Basic realm=\"Access Restricted\"")));
        String path = IPBX + "system_management/extensions/?act=search&context=default&obj=user&number=40";
        assertThatThrownBy(() -> provider.freeExtensions("default", "user", "40")).isInstanceOf(ProviderException.class)
                .hasMessageContaining("GET " + path + " -> HTTP 401");
        wiremock.verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aDeleteWhoseAnswerIsLostIsNotRetriedBlindlyButReportedAsOfUnknownOutcome() {
        wiremock.stubFor(get(urlEqualTo(IPBX + "call_management/pickup/?act=delete&id=0"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Resource live = Resource.live(ResourceKey.of(XivoWsKinds.PICKUP, "accueil"), "0", Map.of(), Set.of());
        assertThatThrownBy(() -> ((Deleter) provider.type(XivoWsKinds.PICKUP).orElseThrow()).delete(live))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        wiremock.verify(1, getRequestedFor(urlEqualTo(IPBX + "call_management/pickup/?act=delete&id=0")));
    }

    @Test
    void aListAnswered500IsRetriedAndAnAddAnswered429IsSentAgain() {
        wiremock.stubFor(get(urlEqualTo(IPBX + "call_management/pickup/?act=list")).inScenario("500")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        wiremock.stubFor(get(urlEqualTo(IPBX + "call_management/pickup/?act=list")).inScenario("500")
                .whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(204)));
        wiremock.stubFor(post(urlEqualTo(CONF + "manage/entity/?act=add")).inScenario("429")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("accepted"));
        wiremock.stubFor(post(urlEqualTo(CONF + "manage/entity/?act=add")).inScenario("429")
                .whenScenarioStateIs("accepted").willReturn(aResponse().withStatus(200)));
        wiremock.stubFor(get(urlEqualTo(CONF + "manage/entity/?act=search&search=sales"))
                .willReturn(aResponse().withStatus(200).withBody("[{\"id\": \"4\", \"name\": \"sales\"}]")));

        assertThat(((PickupType) provider.type(XivoWsKinds.PICKUP).orElseThrow())
                .findByKey(desired(ResourceKey.of(XivoWsKinds.PICKUP, "accueil"), Map.of()), ids)).isEmpty();
        Resource entity = ((Creator) provider.type(XivoWsKinds.ENTITY).orElseThrow()).create(
                desired(XivoWsKinds.entityKey("sales"), Map.of("name", "sales", "displayname", "Sales")), ids);

        assertThat(entity.requireId()).isEqualTo("4");
        wiremock.verify(2, getRequestedFor(urlEqualTo(IPBX + "call_management/pickup/?act=list")));
        wiremock.verify(2, postRequestedFor(urlEqualTo(CONF + "manage/entity/?act=add")));
    }
}
