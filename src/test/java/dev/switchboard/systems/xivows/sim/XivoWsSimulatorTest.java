package dev.switchboard.systems.xivows.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator over real HTTP, against seed 004 and api-notes 1b, with the document's examples as bodies. */
class XivoWsSimulatorTest {

    static final String CONF = "/xivo/configuration/json.php/restricted/";
    static final String IPBX = "/service/ipbx/json.php/restricted/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The document's entity add example, verbatim. */
    static final String ENTITY_EXAMPLE = """
            {
               "name": "proformatique",
               "displayname": "Proformatique",
               "phonenumber": "0033141389960",
               "faxnumber": "0033141389970",
               "email": "contact@proformatique.com",
               "url": "http://www.proformatique.com",
               "address1": "10 bis, rue Lucien VOILIN",
               "address2": "",
               "city": "Puteaux",
               "state": "Hauts de Seine",
               "zipcode": "92800",
               "country": "FR",
               "description": ""
            }""";

    /** The document's line content, wrapped in an object as it must be to be JSON. */
    static final String LINE_EXAMPLE = """
            { "protocol": {
                  "name": "reh58f", "secret": "FV4S9W", "protocol": "sip", "context": "default", "language": "fr_FR",
                  "nat": "", "subscribemwi": "1", "buggymwi": "0", "disallow": "all", "allow": ["alaw", "ulaw"],
                  "callerid": "\\"John Doe\\" <666>", "host-type": "dynamic", "amaflags": "default" } }""";

    /** The document's minimum user, with the entity the simulator has at id 2 once the example entity is added. */
    static final String MINIMUM_USER = """
            { "userfeatures": { "entityid": "2", "firstname": "John" },
              "dialaction": { "noanswer": { "actiontype": "none" }, "busy": { "actiontype": "none" },
                              "congestion": { "actiontype": "none" }, "chanunavail": { "actiontype": "none" } } }""";

    private SimServer server;
    private XivoWsSimulator simulator;
    private final HttpClient http = HttpClient.newHttpClient();

    private void start(Map<String, String> options) {
        simulator = new XivoWsSimulator(SimCredentials.DEFAULT, options);
        server = SimServer.start(SimOptions.DEFAULT, simulator);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(String path, String login, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path)).GET();
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return get(path, "admin", "admin");
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void startsAsAFreshlyInstalledXivo() throws Exception {
        start(Map.of());
        JsonNode entities = json(get(CONF + "manage/entity/?act=list"));
        assertThat(entities).hasSize(1);
        assertThat(entities.get(0).path("name").asText()).isEqualTo("xivo");
        assertThat(entities.get(0).path("id").isTextual()).as("ids are strings").isTrue();
        JsonNode mail = json(get(CONF + "network/mail/?act=view"));
        assertThat(mail.path("id").asText()).isEqualTo("1");
        assertThat(mail.path("mydomain").asText()).isEqualTo("localdomain");
        assertThat(get(IPBX + "pbx_settings/lines/?act=list").statusCode()).as("no line: 204").isEqualTo(204);
        assertThat(get(IPBX + "pbx_settings/users/?act=list").statusCode()).isEqualTo(204);
        assertThat(get(IPBX + "call_management/pickup/?act=list").statusCode()).isEqualTo(204);
        assertThat(get(IPBX + "pbx_settings/devices/?act=list").statusCode()).isEqualTo(204);
    }

    @Test
    void authenticatesWithBasicOrTheSourceIpAndSaysItsVersion() throws Exception {
        start(Map.of());
        HttpResponse<String> none = get(CONF + "manage/entity/?act=list", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Access Restricted\"");
        assertThat(none.headers().firstValue("X-XIVO-WS-VERSION")).contains("1.0");
        assertThat(get(CONF + "manage/entity/?act=list", "admin", "wrong").statusCode()).isEqualTo(401);
        assertThat(get(CONF + "manage/entity/?act=list", "noaccess", "noaccess").statusCode()).isEqualTo(403);
        assertThat(get(CONF + "manage/entity/?act=list").headers().firstValue("X-XIVO-WS-VERSION")).contains("1.0");
        stop();
        start(Map.of("access", "ip"));
        assertThat(get(CONF + "manage/entity/?act=list", null, null).statusCode()).as("loopback is allowed").isEqualTo(200);
    }

    @Test
    void entitiesAreAddedWithNoAnswerAndCannotBeDeletedWhileInstalledOrInUse() throws Exception {
        start(Map.of());
        HttpResponse<String> add = post(CONF + "manage/entity/?act=add", ENTITY_EXAMPLE);
        assertThat(add.statusCode()).isEqualTo(200);
        assertThat(add.body()).as("no id in the answer").isEmpty();
        assertThat(post(CONF + "manage/entity/?act=add", ENTITY_EXAMPLE).statusCode()).as("duplicate").isEqualTo(400);
        assertThat(post(CONF + "manage/entity/?act=add", "{\"name\": \"x\"}").statusCode()).isEqualTo(400);
        JsonNode found = json(get(CONF + "manage/entity/?act=search&search=Puteaux"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("id").asText()).isEqualTo("2");
        assertThat(json(get(CONF + "manage/entity/?act=view&id=2")).path("city").asText()).isEqualTo("Puteaux");
        assertThat(get(CONF + "manage/entity/?act=view&id=99").statusCode()).isEqualTo(404);
        assertThat(get(CONF + "manage/entity/?act=search&search=nowhere").statusCode()).isEqualTo(204);
        assertThat(get(CONF + "manage/entity/?act=delete&id=1").statusCode()).as("the installation's").isEqualTo(405);
        assertThat(post(IPBX + "pbx_settings/users/?act=add", MINIMUM_USER).statusCode()).isEqualTo(200);
        assertThat(get(CONF + "manage/entity/?act=delete&id=2").statusCode()).as("it has a user").isEqualTo(405);
        assertThat(json(get(CONF + "manage/entity/?act=edit&id=2"))).as("an unknown act lists").hasSize(2);
    }

    @Test
    void listsSearchesAndViewsAnswer304WhenTheSumIsUnchanged() throws Exception {
        start(Map.of());
        HttpResponse<String> list = get(CONF + "manage/entity/?act=list");
        String sum = XivoWsSimulator.md5(list.body().getBytes(StandardCharsets.UTF_8));
        assertThat(get(CONF + "manage/entity/?act=list&sum=" + sum).statusCode()).isEqualTo(304);
        assertThat(get(CONF + "manage/entity/?act=list&sum=0123").statusCode()).isEqualTo(200);
        HttpResponse<String> view = get(CONF + "network/mail/?act=view");
        assertThat(get(CONF + "network/mail/?act=view&sum="
                + XivoWsSimulator.md5(view.body().getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(304);
        assertThat(simulator.notModifiedCount()).isEqualTo(2);
        post(CONF + "manage/entity/?act=add", ENTITY_EXAMPLE);
        assertThat(get(CONF + "manage/entity/?act=list&sum=" + sum).statusCode()).as("changed since").isEqualTo(200);
    }

    @Test
    void mailSettingsAreViewedAndEditedAsTheDocumentShows() throws Exception {
        start(Map.of());
        String edit = """
                { "mydomain": "proformatique.com", "origin": "devel.proformatique.com", "relayhost": "smtp.free.fr",
                  "fallback_relayhost": "smtp.orange.fr",
                  "canonical": [ { "pattern": "@proformatique.com", "result": "support@proformatique.com" } ] }""";
        assertThat(post(CONF + "network/mail/?act=edit", edit).statusCode()).isEqualTo(200);
        JsonNode mail = json(get(CONF + "network/mail/?act=view"));
        assertThat(mail.path("id").asText()).isEqualTo("1");
        assertThat(mail.path("fallback_relayhost").asText()).isEqualTo("smtp.orange.fr");
        assertThat(mail.path("canonical").get(0).path("result").asText()).isEqualTo("support@proformatique.com");
    }

    @Test
    void linesFollowTheDocumentsFiltersAndNeverShowTheirSecret() throws Exception {
        start(Map.of());
        assertThat(post(IPBX + "pbx_settings/lines/?act=add", LINE_EXAMPLE).statusCode()).isEqualTo(200);
        assertThat(post(IPBX + "pbx_settings/lines/?act=add", "{\"protocol\": {\"protocol\": \"h323\"}}").statusCode())
                .isEqualTo(400);
        JsonNode lines = json(get(IPBX + "pbx_settings/lines/?act=list"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("id").asText()).isEqualTo("1");
        assertThat(lines.get(0).has("secret")).isFalse();
        assertThat(json(get(IPBX + "pbx_settings/lines/?act=list&free=1&protocol=sip"))).hasSize(1);
        assertThat(get(IPBX + "pbx_settings/lines/?act=list&free=0").statusCode()).isEqualTo(204);
        assertThat(get(IPBX + "pbx_settings/lines/?act=list&protocol=iax").statusCode()).isEqualTo(204);
        assertThat(json(get(IPBX + "pbx_settings/lines/?act=search&search=reh5&context=default"))).hasSize(1);
        JsonNode view = json(get(IPBX + "pbx_settings/lines/?act=view&id=1"));
        assertThat(view.path("protocol").path("allow")).hasSize(2);
        assertThat(view.path("protocol").has("secret")).isFalse();
        assertThat(post(IPBX + "pbx_settings/lines/?act=edit&id=9", LINE_EXAMPLE).statusCode()).isEqualTo(404);
        assertThat(get(IPBX + "pbx_settings/lines/?act=delete&id=1").statusCode()).isEqualTo(200);
        assertThat(get(IPBX + "pbx_settings/lines/?act=delete&id=1").statusCode()).isEqualTo(404);
    }

    @Test
    void userLinefeaturesCreateAttachAndNumberLinesAsTheDocumentSays() throws Exception {
        start(Map.of());
        post(CONF + "manage/entity/?act=add", ENTITY_EXAMPLE);
        post(IPBX + "pbx_settings/lines/?act=add", LINE_EXAMPLE); // line 1, free, no number
        // "1st line create, 2d associated with id 1" (the document's example, with id 45 made 1)
        String body = MINIMUM_USER.replace("\"dialaction\"", """
                "linefeatures": { "id": ["0","1"], "protocol": ["sip",""], "context": ["default",""],
                                  "number": ["","4000"], "rules_type": ["",""], "rules_time": ["",""],
                                  "rules_order": ["",""], "rules_group": ["",""] },
                "dialaction\"""");
        HttpResponse<String> add = post(IPBX + "pbx_settings/users/?act=add", body);
        assertThat(add.statusCode()).isEqualTo(200);
        assertThat(json(add).asText()).as("a user add answers its id, as a string").isEqualTo("1");
        assertThat(json(add).isTextual()).isTrue();

        JsonNode user = json(get(IPBX + "pbx_settings/users/?act=view&id=1"));
        assertThat(user.path("linefeatures")).hasSize(2);
        assertThat(user.path("linefeatures").get(1).path("number").asText()).isEqualTo("4000");
        assertThat(user.path("userfeatures").path("ringseconds").asText()).as("defaults filled").isEqualTo("30");
        JsonNode lines = json(get(IPBX + "pbx_settings/lines/?act=list&free=0"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).path("iduserfeatures").asText()).isEqualTo("1");

        String taken = MINIMUM_USER.replace("\"dialaction\"", "\"linefeatures\": {\"id\": [\"1\"]}, \"dialaction\"");
        assertThat(post(IPBX + "pbx_settings/users/?act=add", taken).statusCode()).as("line 1 is not free").isEqualTo(400);
        String usedNumber = MINIMUM_USER.replace("\"dialaction\"",
                "\"linefeatures\": {\"protocol\": [\"sip\"], \"context\": [\"default\"], \"number\": [\"4000\"]}, \"dialaction\"");
        assertThat(post(IPBX + "pbx_settings/users/?act=add", usedNumber).statusCode()).as("4000 is not free").isEqualTo(400);
        assertThat(post(IPBX + "pbx_settings/users/?act=add", "{\"userfeatures\": {\"entityid\": \"2\"}}").statusCode())
                .isEqualTo(400);
        JsonNode free = json(get(IPBX + "system_management/extensions/?act=search&context=default&obj=user&number=400"));
        assertThat(free.toString()).as("4000 is used").contains("4001").doesNotContain("4000");

        assertThat(get(IPBX + "pbx_settings/users/?act=delete&id=1").statusCode()).isEqualTo(200);
        assertThat(json(get(IPBX + "pbx_settings/lines/?act=list&free=1"))).as("its lines are free again").hasSize(2);
        assertThat(get(IPBX + "pbx_settings/users/?act=view&id=1").statusCode()).isEqualTo(404);
    }

    @Test
    void pickupGroupsTakeTheDocumentsAddExampleAndHaveNoEdit() throws Exception {
        start(Map.of());
        post(CONF + "manage/entity/?act=add", ENTITY_EXAMPLE);
        for (int i = 0; i < 3; i++) {
            post(IPBX + "pbx_settings/users/?act=add", MINIMUM_USER);
        }
        String add = """
                { "name": "unittest", "description": "sample unittest pickup group", "members": [
                    { "category": "member", "membertype": "group", "memberid": 1 },
                    { "category": "member", "membertype": "queue", "memberid": 1 },
                    { "category": "member", "membertype": "user", "memberid": 1 },
                    { "category": "member", "membertype": "user", "memberid": 3 },
                    { "category": "pickup", "membertype": "group", "memberid": 1 },
                    { "category": "member", "membertype": "queue", "memberid": 1 },
                    { "category": "member", "membertype": "user", "memberid": 1 },
                    { "category": "member", "membertype": "user", "memberid": 2 } ] }""";
        HttpResponse<String> added = post(IPBX + "call_management/pickup/?act=add", add);
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).isEmpty();
        assertThat(post(IPBX + "call_management/pickup/?act=add", add).statusCode()).as("same name").isEqualTo(400);
        JsonNode list = json(get(IPBX + "call_management/pickup/?act=list"));
        assertThat(list.get(0).path("id").asInt()).as("the document's first group is id 0").isZero();
        assertThat(list.get(0).path("id").isNumber()).as("numbers, as the document's example").isTrue();
        JsonNode view = json(get(IPBX + "call_management/pickup/?act=view&id=0"));
        assertThat(view.path("pickup").path("name").asText()).isEqualTo("unittest");
        assertThat(view.path("members")).hasSize(7);
        assertThat(view.path("pickups")).hasSize(1);
        assertThat(view.path("pickups").get(0).path("category").asText()).isEqualTo("pickup");
        assertThat(json(get(IPBX + "call_management/pickup/?act=edit&id=0"))).as("no edit: lists").hasSize(1);
        assertThat(get(IPBX + "call_management/pickup/?act=view&id=7").statusCode()).isEqualTo(404);
        assertThat(get(IPBX + "call_management/pickup/?act=delete&id=0").statusCode()).isEqualTo(200);
        assertThat(get(IPBX + "call_management/pickup/?act=delete&id=0").statusCode()).isEqualTo(404);
    }

    @Test
    void servesDevicesReadOnlyFromItsState() throws Exception {
        start(Map.of());
        simulator.restore(JSON.readTree("""
                { "devices": [ { "id": 2, "deviceid": "43dafbd0cb8d447a85ebd02b2639861d", "ip": "10.0.0.13",
                                 "mac": "00:08:5d:2a:4f:b1", "vendor": "Aastra", "model": "6731i" } ] }"""));
        assertThat(json(get(IPBX + "pbx_settings/devices/?act=list"))).hasSize(1);
        assertThat(json(get(IPBX + "pbx_settings/devices/?act=search&search=00:08:5d:2a:4f:b1"))).hasSize(1);
        assertThat(get(IPBX + "pbx_settings/devices/?act=search&search=00:08:5d").statusCode()).as("exact").isEqualTo(204);
        JsonNode view = json(get(IPBX + "pbx_settings/devices/?act=view&id=43dafbd0cb8d447a85ebd02b2639861d"));
        assertThat(view.get(0).path("id").isNumber()).isTrue();
        assertThat(get(IPBX + "pbx_settings/devices/?act=view&id=nope").statusCode()).isEqualTo(404);
    }

    @Test
    void playsEachIdDialectAndRefusesUnknownKnobs() throws Exception {
        start(Map.of("ids", "number"));
        assertThat(json(get(CONF + "manage/entity/?act=list")).get(0).path("id").isNumber()).isTrue();
        stop();
        start(Map.of("ids", "string"));
        post(CONF + "manage/entity/?act=add", ENTITY_EXAMPLE);
        post(IPBX + "pbx_settings/users/?act=add", MINIMUM_USER);
        post(IPBX + "call_management/pickup/?act=add", "{\"name\": \"p\", \"members\": [{\"category\": \"member\","
                + " \"membertype\": \"user\", \"memberid\": \"1\"}]}");
        assertThat(json(get(IPBX + "call_management/pickup/?act=list")).get(0).path("id").isTextual()).isTrue();
        assertThatThrownBy(() -> new XivoWsSimulator(SimCredentials.DEFAULT, Map.of("dialect", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no option dialect");
        assertThatThrownBy(() -> new XivoWsSimulator(SimCredentials.DEFAULT, Map.of("ids", "uuid")))
                .hasMessageContaining("xivo-ws.ids");
    }

    @Test
    void aLineAddThatReadsOnlyTheProtocolLeavesTheNumberToTheUser() throws Exception {
        start(Map.of("lineAdd", "protocol-only"));
        post(IPBX + "pbx_settings/lines/?act=add", LINE_EXAMPLE.replace("} }", "}, \"linefeatures\": {\"number\": \"4000\"} }"));
        assertThat(json(get(IPBX + "pbx_settings/lines/?act=list")).get(0).path("number").asText()).isEmpty();
        stop();
        start(Map.of());
        post(IPBX + "pbx_settings/lines/?act=add", LINE_EXAMPLE.replace("} }", "}, \"linefeatures\": {\"number\": \"4000\"} }"));
        assertThat(json(get(IPBX + "pbx_settings/lines/?act=list")).get(0).path("number").asText()).isEqualTo("4000");
    }

    @Test
    void keepsItsStateInASnapshot() throws Exception {
        start(Map.of());
        post(CONF + "manage/entity/?act=add", ENTITY_EXAMPLE);
        JsonNode snapshot = simulator.snapshot();
        XivoWsSimulator restarted = new XivoWsSimulator(SimCredentials.DEFAULT);
        restarted.restore(snapshot);
        assertThat(restarted.snapshot()).isEqualTo(snapshot);
        assertThat(snapshot.path("entities")).hasSize(2);
    }
}
