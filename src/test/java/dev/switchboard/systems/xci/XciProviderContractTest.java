package dev.switchboard.systems.xci;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.systems.xci.XciFixtures.desired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.systems.xci.XciKinds;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.RetryPolicy;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

/**
 * Every call the XCI document lists (26, login included), checked against WireMock for its exact
 * method, path, headers and body, answered with the document's own examples; and the faults around them.
 */
@QuarkusTest
class XciProviderContractTest {

    private static final String ROOT = "/api/1.0";
    private static final String COOKIE = "PLAY_SESSION=3f2a9c";
    private static final String XIVO_221_UUID = "15585b75-1d75-45b1-8678-520d1210ec59";
    private static final String ANALOG = "default_analogique@" + XIVO_221_UUID;
    private static final ResourceKey ANALOG_KEY = ResourceKey.of(XciKinds.ENTITY, "default_analogique@xivo-221");
    private static final ResourceKey XIVO_221_KEY = ResourceKey.of(XciKinds.XIVO, "xivo-221");
    private static final ResourceKey TEMPLATE_KEY = ResourceKey.of(XciKinds.TEMPLATE, "Modèle 220");

    private static WireMockServer wiremock;

    private XciProvider provider;
    private XciClient client;
    private final XciFixtures.Ids ids = new XciFixtures.Ids();

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
        wiremock.stubFor(post(urlPathEqualTo(ROOT + "/login"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Cookie", absent())
                .withRequestBody(equalToJson("{\"login\": \"admin\", \"password\": \"superpass\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Set-Cookie", COOKIE + "; Path=/; HttpOnly")));
        URI base = URI.create(wiremock.baseUrl());
        RetryPolicy quick = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));
        provider = new XciProviderFactory(ApiObserver.NONE)
                .open(XciFixtures.target(base.toString(), "admin", "superpass"), base, quick);
        client = provider.client();
    }

    @AfterEach
    void close() {
        provider.close();
    }

    // ---- helpers

    private static String example(String name) {
        try (InputStream in = XciProviderContractTest.class.getResourceAsStream("/systems/xci/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A call as the document's general form wants it: session cookie and JSON content type. */
    private static MappingBuilder call(String method, String path) {
        return request(method, urlPathEqualTo(ROOT + path))
                .withHeader("Cookie", equalTo(COOKIE))
                .withHeader("Content-Type", equalTo("application/json"));
    }

    private static void stub(String method, String path, ResponseDefinitionBuilder answer) {
        wiremock.stubFor(call(method, path).willReturn(answer));
    }

    private static void stub(String method, String path, String exactBody, ResponseDefinitionBuilder answer) {
        wiremock.stubFor(call(method, path).withRequestBody(equalToJson(exactBody)).willReturn(answer));
    }

    private static void verifyCalledOnce(String method, String path) {
        wiremock.verify(exactly(1), requestedFor(method, urlPathEqualTo(ROOT + path)));
    }

    private static void stubDirectory() {
        stub("GET", "/xivo", okJson(example("xivo-list.json")));
        stub("GET", "/entities", okJson(example("entity-list.json")));
    }

    private void knowDocumentIds() {
        ids.remember(Resource.live(XIVO_221_KEY, "2", Map.of(), Set.of()));
        ids.remember(Resource.live(ResourceKey.of(XciKinds.XIVO, "xivo-220"), "1", Map.of(), Set.of()));
        ids.remember(Resource.live(ANALOG_KEY, ANALOG, Map.of(), Set.of()));
        ids.remember(Resource.live(TEMPLATE_KEY, "1", Map.of(), Set.of()));
    }

    // ---- 1: login, and the cookie it sets on the calls after it

    @Test
    void logsInOnceWithTheDocumentedPayloadAndSendsItsCookieOnEveryCall() {
        stub("GET", "/xivo", okJson(example("xivo-list.json")));
        stub("GET", "/templates", okJson(example("template-list.json")));
        client.listXivos();
        client.listTemplates();
        wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(ROOT + "/login")));
        verifyCalledOnce("GET", "/xivo");
        verifyCalledOnce("GET", "/templates");
    }

    // ---- 2-5: XiVOs

    @Test
    void listsXivos() {
        stub("GET", "/xivo", okJson(example("xivo-list.json")));
        assertThat(client.listXivos()).extracting(x -> x.get("name").asText()).containsExactly("xivo-220", "xivo-221");
    }

    @Test
    void getsAXivoById() {
        stub("GET", "/xivo/1", okJson(example("xivo.json")));
        assertThat(client.getXivo(1, java.util.Optional.empty()).get("uuid").asText()).startsWith("8f159082");
    }

    @Test
    void createsAXivoWithNameHostAndConfigure() {
        stub("POST", "/xivo", "{\"name\": \"xivo-220\", \"host\": \"10.0.0.220\", \"configure\": true}",
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(example("xivo.json")));
        Resource created = new XivoType(client).create(desired(XciKinds.XIVO,
                Map.of("name", "xivo-220", "host", "10.0.0.220", "configure", true), "xivo-220"), ids);
        assertThat(created.requireId()).isEqualTo("1");
        verifyCalledOnce("POST", "/xivo");
    }

    @Test
    void synchronizesConfigFiles() {
        stub("GET", "/xivo/synchronize_config_files", aResponse().withStatus(200));
        client.synchronizeConfigFiles();
        verifyCalledOnce("GET", "/xivo/synchronize_config_files");
    }

    // ---- 6-12: entities

    @Test
    void listsEntities() {
        stub("GET", "/entities", okJson(example("entity-list.json")));
        assertThat(client.listEntities()).hasSize(2);
    }

    @Test
    void getsAnEntityByItsCombinedIdKeepingTheAtSign() {
        stub("GET", "/entities/" + ANALOG, okJson(example("entity.json")));
        assertThat(client.getEntity(ANALOG, java.util.Optional.empty())).get()
                .extracting(e -> e.get("id").asLong()).isEqualTo(22L);
    }

    @Test
    void createsAnEntityWithItsXivoIdAndIntervals() {
        knowDocumentIds();
        stub("POST", "/entities", """
                {"name": "default_analogique", "displayName": "default_analogique", "xivoId": 2,
                 "intervals": [{"start": "3990000", "end": "3999999"}, {"start": "39990000", "end": "39999999"}],
                 "presentedNumber": "inbNo"}""",
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(example("entity.json")));
        Resource created = new EntityType(client).create(desired(XciKinds.ENTITY, Map.of(
                "name", "default_analogique", "xivo", "xivo-221", "displayName", "default_analogique",
                "intervals", List.of(Map.of("start", "3990000", "end", "3999999"),
                        Map.of("start", "39990000", "end", "39999999")),
                "presentedNumber", "inbNo"), "default_analogique@xivo-221"), ids);
        assertThat(created.key()).isEqualTo(ANALOG_KEY);
        assertThat(created.requireId()).isEqualTo(ANALOG);
    }

    @Test
    void editsAnEntityByGettingItAndPuttingTheDocumentedFieldsBack() {
        knowDocumentIds();
        stub("GET", "/entities/" + ANALOG, okJson(example("entity.json")));
        stub("PUT", "/entities/" + ANALOG, """
                {"name": "default_analogique", "displayName": "Analog lines", "xivoId": 2,
                 "intervals": [{"start": "3990000", "end": "3999999"}, {"start": "39990000", "end": "39999999"}],
                 "presentedNumber": "inbNo"}""", okJson(example("entity.json")));
        Resource live = Resource.live(ANALOG_KEY, ANALOG, Map.of(), Set.of());
        new EntityType(client).update(live, desired(XciKinds.ENTITY,
                Map.of("displayName", "Analog lines"), "default_analogique@xivo-221"), Set.of("displayName"), ids);
        verifyCalledOnce("PUT", "/entities/" + ANALOG);
    }

    @Test
    void deletesAnEntityByItsCombinedId() {
        stub("DELETE", "/entities/" + ANALOG, noContent());
        new EntityType(client).delete(Resource.live(ANALOG_KEY, ANALOG, Map.of(), Set.of()));
        verifyCalledOnce("DELETE", "/entities/" + ANALOG);
    }

    @Test
    void listsTheUsersOfAnEntity() {
        stub("GET", "/entities/" + ANALOG + "/users", okJson(example("entity-users.json")));
        assertThat(client.listUsersOfEntity(ANALOG)).singleElement()
                .extracting(u -> u.get("internalNumber").asText()).isEqualTo("6260");
    }

    @Test
    void listsTheAvailableNumbersOfAnEntityInOrder() {
        stub("GET", "/entities/" + ANALOG + "/available_numbers", okJson(example("available-numbers.json")));
        assertThat(client.listAvailableNumbers(ANALOG)).startsWith("3990000", "3990001").hasSize(5);
    }

    // ---- 13-16: users

    @Test
    void getsAUserById() {
        stub("GET", "/users/559", okJson(example("user.json")));
        Resource user = XciMapping.user(client.getUser(559, ResourceKey.of(XciKinds.USER, "xivo-221", "6260")));
        assertThat(user.key()).isEqualTo(ResourceKey.of(XciKinds.USER, "xivo-221", "6260"));
        assertThat(user.fields()).containsEntry("entity", "default_analogique@xivo-221")
                .doesNotContainKeys("ctiLogin", "ctiPassword", "template");
    }

    @Test
    void createsAUserWithEntityCIdAndTemplateIdResolvedFromNames() {
        knowDocumentIds();
        stub("POST", "/users", """
                {"entityCId": "%s", "templateId": 1, "internalNumber": "6260", "firstName": "Sous sol Logistique",
                 "lastName": "CLF 88:40 P3", "ctiLogin": "logistics", "ctiPassword": "cti-secret"}""".formatted(ANALOG),
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(example("user.json")));
        Resource created = new UserType(client).create(desired(XciKinds.USER, Map.of(
                "entity", "default_analogique@xivo-221", "internalNumber", "6260",
                "firstName", "Sous sol Logistique", "lastName", "CLF 88:40 P3", "template", "Modèle 220",
                "ctiLogin", "logistics", "ctiPassword", Secret.fromReference("${env:CTI}", "cti-secret")),
                "xivo-221", "6260"), ids);
        assertThat(created.requireId()).isEqualTo("559");
    }

    @Test
    void editsAUserWithEntityCIdAndTheTemplateIdOfTheDesiredTemplate() {
        knowDocumentIds();
        stub("GET", "/users/559", okJson(example("user.json")));
        stub("PUT", "/users/559", """
                {"entityCId": "%s", "templateId": 1, "firstName": "Sous sol Logistique", "lastName": "Basement",
                 "internalNumber": "6260"}""".formatted(ANALOG), okJson(example("user.json")));
        ResourceKey key = ResourceKey.of(XciKinds.USER, "xivo-221", "6260");
        new UserType(client).update(Resource.live(key, "559", Map.of(), Set.of()), desired(XciKinds.USER,
                Map.of("entity", "default_analogique@xivo-221", "lastName", "Basement", "template", "Modèle 220"),
                "xivo-221", "6260"), Set.of("lastName"), ids);
        verifyCalledOnce("PUT", "/users/559");
    }

    @Test
    void deletesAUserById() {
        stub("DELETE", "/users/559", noContent());
        new UserType(client).delete(Resource.live(ResourceKey.of(XciKinds.USER, "xivo-221", "6260"), "559",
                Map.of(), Set.of()));
        verifyCalledOnce("DELETE", "/users/559");
    }

    // ---- 17-21: templates

    @Test
    void listsTemplatesFromABareArray() {
        stub("GET", "/templates", okJson(example("template-list.json")));
        assertThat(client.listTemplates()).singleElement().extracting(t -> t.get("name").asText())
                .isEqualTo("Modèle 220");
    }

    @Test
    void getsATemplateById() {
        stub("GET", "/templates/1", okJson(example("template.json")));
        assertThat(client.getTemplate(1, TEMPLATE_KEY).get("callerIdMode").asText()).isEqualTo("incomingNo");
    }

    @Test
    void createsATemplateWithXivoIdsAndEntityCombinedIds() {
        knowDocumentIds();
        stubDirectory();
        stub("POST", "/templates", """
                {"name": "Modèle 220", "xivos": [2], "entities": ["%s"], "peerSipName": "auto", "ringingTime": 30,
                 "routedInbound": true, "routedInboundPrefix": "0142", "callerIdMode": "custom",
                 "customCallerId": "0142000000", "voiceMailEnabled": true, "voiceMailNumberMode": "custom",
                 "voiceMailCustomNumber": "8000", "voiceMailSendEmail": true}""".formatted(ANALOG),
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(example("template.json")));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "Modèle 220");
        fields.put("xivos", List.of("xivo-221"));
        fields.put("entities", List.of("default_analogique@xivo-221"));
        fields.put("peerSipName", "auto");
        fields.put("ringingTime", 30L);
        fields.put("routedInbound", true);
        fields.put("routedInboundPrefix", "0142");
        fields.put("callerIdMode", "custom");
        fields.put("customCallerId", "0142000000");
        fields.put("voiceMailEnabled", true);
        fields.put("voiceMailNumberMode", "custom");
        fields.put("voiceMailCustomNumber", "8000");
        fields.put("voiceMailSendEmail", true);
        Resource created = new TemplateType(client).create(desired(XciKinds.TEMPLATE, fields, "Modèle 220"), ids);
        assertThat(created.fields()).containsEntry("xivos", List.of("xivo-220"))
                .containsEntry("entities", List.of("default@xivo-220"));
    }

    @Test
    void editsATemplateByGettingItAndPuttingTheDocumentedFieldsBack() {
        knowDocumentIds();
        stub("GET", "/templates/1", okJson(example("template.json")));
        stub("PUT", "/templates/1", """
                {"name": "Modèle 220", "xivos": [1], "entities": ["default@8f159082-4b25-48b3-afec-1873491a60be"],
                 "peerSipName": "auto", "ringingTime": 45, "routedInbound": false, "callerIdMode": "incomingNo",
                 "voiceMailEnabled": false, "voiceMailNumberMode": "short_number"}""", okJson(example("template.json")));
        new TemplateType(client).update(Resource.live(TEMPLATE_KEY, "1", Map.of(), Set.of()),
                desired(XciKinds.TEMPLATE, Map.of("ringingTime", 45L), "Modèle 220"), Set.of("ringingTime"), ids);
        verifyCalledOnce("PUT", "/templates/1");
    }

    @Test
    void deletesATemplateById() {
        stub("DELETE", "/templates/1", noContent());
        new TemplateType(client).delete(Resource.live(TEMPLATE_KEY, "1", Map.of(), Set.of()));
        verifyCalledOnce("DELETE", "/templates/1");
    }

    // ---- 22-26: administrators

    @Test
    void listsAdministrators() {
        stub("GET", "/administrators", okJson(example("administrator-list.json")));
        assertThat(client.listAdministrators()).singleElement().extracting(a -> a.get("login").asText())
                .isEqualTo("admin");
    }

    @Test
    void getsAnAdministratorById() {
        stub("GET", "/administrators/1", okJson(example("administrator.json")));
        assertThat(client.getAdministrator(1, ResourceKey.of(XciKinds.ADMINISTRATOR, "admin")).get("superAdmin")
                .asBoolean()).isTrue();
    }

    @Test
    void createsAnAdministratorWithItsPasswordAndEntityIds() {
        knowDocumentIds();
        stubDirectory();
        stub("GET", "/entities/" + ANALOG, okJson(example("entity.json")));
        stub("POST", "/administrators", """
                {"login": "ops", "name": "Ops team", "superAdmin": false, "ldap": false, "password": "ops-pass",
                 "entityIds": [22]}""",
                aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(example("administrator.json").replace("\"admin\"", "\"ops\"")));
        Resource created = new AdministratorType(client, "admin").create(desired(XciKinds.ADMINISTRATOR, Map.of(
                "login", "ops", "name", "Ops team", "superAdmin", false, "ldap", false,
                "password", Secret.fromReference("${env:OPS}", "ops-pass"),
                "entities", List.of("default_analogique@xivo-221")), "ops"), ids);
        assertThat(created.fields()).doesNotContainKey("password");
    }

    @Test
    void editsAnAdministratorWithItsDeclaredPasswordWhileLdapIsOff() {
        // "password (String) Compulsory if ldap is false", and an edit takes the fields of create
        knowDocumentIds();
        stub("GET", "/administrators/1", okJson(example("administrator.json")));
        stub("PUT", "/administrators/1", """
                {"login": "admin", "name": "Administrator", "superAdmin": true, "ldap": false, "entityIds": [],
                 "password": "unchanged"}""",
                okJson(example("administrator.json")));
        new AdministratorType(client, "admin").update(Resource.live(ResourceKey.of(XciKinds.ADMINISTRATOR, "admin"), "1",
                Map.of(), Set.of()), desired(XciKinds.ADMINISTRATOR, Map.of("name", "Administrator",
                "password", Secret.fromReference("${env:P}", "unchanged")), "admin"), Set.of("name"), ids);
        verifyCalledOnce("PUT", "/administrators/1");
    }

    @Test
    void deletesAnAdministratorById() {
        stub("DELETE", "/administrators/1", noContent());
        new AdministratorType(client, "admin").delete(Resource.live(ResourceKey.of(XciKinds.ADMINISTRATOR, "ops"), "1",
                Map.of(), Set.of()));
        verifyCalledOnce("DELETE", "/administrators/1");
    }

    // ---- the document's examples, mapped

    @Test
    void fetchMapsTheDocumentsExamplesToTheDesiredShape() {
        stubDirectory();
        stub("GET", "/templates", okJson(example("template-list.json")));
        stub("GET", "/administrators", okJson(example("administrator-list.json")));
        stub("GET", "/entities/default@" + XIVO_221_UUID + "/users", okJson("{\"items\": []}"));
        stub("GET", "/entities/" + ANALOG + "/users", okJson(example("entity-users.json")));
        ResourceSet live = provider.fetchLiveState(FetchProgress.NONE);
        assertThat(live.get(ResourceKey.of(XciKinds.ENTITY, "default@xivo-221")).orElseThrow().fields())
                .containsEntry("xivo", "xivo-221").containsEntry("intervals", List.of(
                        Map.of("start", "1700", "end", "1799"), Map.of("start", "1961", "end", ""),
                        Map.of("start", "2600", "end", "2799")));
        assertThat(live.get(TEMPLATE_KEY).orElseThrow().fields()).containsEntry("ringingTime", 30L)
                .containsEntry("xivos", List.of("xivo-220")).containsEntry("entities", List.of("default@xivo-220"));
        assertThat(live.get(ResourceKey.of(XciKinds.USER, "xivo-221", "6260"))).isPresent();
        assertThat(live.get(ResourceKey.of(XciKinds.ADMINISTRATOR, "admin")).orElseThrow().fields())
                .containsEntry("superAdmin", true).containsEntry("entities", List.of());
        assertThat(live.size()).isEqualTo(2 + 2 + 1 + 1 + 1);
    }

    @Test
    void anAnswerThatIsNoListIsRefusedNotReadAsAnEmptyServer() {
        stub("GET", "/xivo", okJson("{\"status\": \"ok\"}"));
        stub("GET", "/entities", okJson("{\"items\": []}"));
        assertThatThrownBy(() -> provider.fetchLiveState(FetchProgress.NONE))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("GET /api/1.0/xivo -> HTTP 200: a list was expected, got an object with keys status");
    }

    @Test
    void administratorEntitiesAreReadAsIdsCombinedIdsOrEmbeddedEntities() {
        stubDirectory();
        XciDirectory directory = XciDirectory.of(client.listXivos(), client.listEntities());
        for (String entities : List.of("[22]", "[\"" + ANALOG + "\"]", "[" + example("entity.json") + "]")) {
            String json = example("administrator.json").replace("\"entities\": []", "\"entities\": " + entities);
            Resource admin = XciMapping.administrator(readJson(json), directory);
            assertThat(admin.fields()).as(entities).containsEntry("entities", List.of("default_analogique@xivo-221"));
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- faults

    @Test
    void anIdempotentGetAnswered500IsRetried() {
        wiremock.stubFor(call("GET", "/xivo").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"message\": \"busy\"}")).willSetStateTo("ok"));
        wiremock.stubFor(call("GET", "/xivo").inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson(example("xivo-list.json"))));
        assertThat(client.listXivos()).hasSize(2);
        wiremock.verify(exactly(2), requestedFor("GET", urlPathEqualTo(ROOT + "/xivo")));
    }

    @Test
    void aPostWhoseConnectionDroppedHasAnUnknownOutcomeAndIsNotRetried() {
        knowDocumentIds();
        wiremock.stubFor(call("POST", "/users").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> new UserType(client).create(desired(XciKinds.USER, Map.of(
                "entity", "default_analogique@xivo-221", "internalNumber", "6260", "firstName", "A",
                "lastName", "B", "template", "Modèle 220"), "xivo-221", "6260"), ids))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).contains("user xivo-221/6260").contains("POST /api/1.0/users");
                });
        verifyCalledOnce("POST", "/users");
    }

    @Test
    void aSessionRefusedMidRunIsRenewedOnceAndTheCallRetried() {
        String renewed = "PLAY_SESSION=9b7e1d";
        wiremock.stubFor(call("GET", "/xivo").willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"session expired\"}")));
        wiremock.stubFor(post(urlPathEqualTo(ROOT + "/login")).withHeader("Cookie", equalTo(COOKIE))
                .willReturn(aResponse().withStatus(200).withHeader("Set-Cookie", renewed + "; Path=/")));
        wiremock.stubFor(request("GET", urlPathEqualTo(ROOT + "/xivo")).withHeader("Cookie", equalTo(renewed))
                .willReturn(okJson(example("xivo-list.json"))));
        assertThat(client.listXivos()).hasSize(2);
        wiremock.verify(exactly(2), postRequestedFor(urlPathEqualTo(ROOT + "/login")));
        wiremock.verify(exactly(2), requestedFor("GET", urlPathEqualTo(ROOT + "/xivo")));
    }

    @Test
    void aRefusalNamesTargetObjectCallStatusAndTheServersMessageButNoSecret() {
        knowDocumentIds();
        stub("POST", "/users", aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"The internal number 1800 is outside the intervals\"}"));
        assertThatThrownBy(() -> new UserType(client).create(desired(XciKinds.USER, Map.of(
                "entity", "default_analogique@xivo-221", "internalNumber", "1800", "firstName", "A",
                "lastName", "B", "template", "Modèle 220",
                "ctiPassword", Secret.fromReference("${env:CTI}", "cti-secret")), "xivo-221", "1800"), ids))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("target xci-test, user xivo-221/1800: POST /api/1.0/users -> HTTP 400: "
                                + "The internal number 1800 is outside the intervals")
                        .doesNotContain("cti-secret").doesNotContain("superpass").doesNotContain("3f2a9c"));
    }

    @Test
    void refusesToDeleteTheAdministratorSwitchboardLogsInWith() {
        AdministratorType administrators = new AdministratorType(client, "admin");
        assertThat(administrators.deletionRefusal(Resource.live(ResourceKey.of(XciKinds.ADMINISTRATOR, "admin"), "1",
                Map.of("login", "admin"), Set.of()))).hasValueSatisfying(r -> assertThat(r).contains("lock Switchboard out"));
        assertThat(administrators.deletionRefusal(Resource.live(ResourceKey.of(XciKinds.ADMINISTRATOR, "ops"), "2",
                Map.of("login", "ops"), Set.of()))).isEmpty();
    }
}
