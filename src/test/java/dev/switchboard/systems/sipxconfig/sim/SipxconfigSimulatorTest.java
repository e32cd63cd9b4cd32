package dev.switchboard.systems.sipxconfig.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator over real HTTP, call by call, as the seed document and the sipXecs source describe them. */
class SipxconfigSimulatorTest {

    private SimServer server;
    private SipxHttp http;
    private SipxconfigSimulator simulator;

    private void start(Map<String, String> options) {
        simulator = new SipxconfigSimulator(SipxconfigSimOptions.parse(options));
        server = SimServer.start(SimOptions.DEFAULT, simulator);
        http = new SipxHttp(server.baseUri());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theDocumentsCurlExampleReplacesTheCallForwardingOfUser201() throws Exception {
        start(Map.of());
        // curl -v -k -X PUT -H "Content-Type: application/json" -d '{...}' https://201:password@HOST/sipxconfig/rest/my/callfwd
        HttpResponse<String> put = http.put("/my/callfwd", "201",
                "{\"expiration\":20,\"rings\":[{\"expiration\":30,\"type\":\"If no response\",\"enabled\":true,\"number\":\"5551212\"}]}");
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode sequence = http.json("/my/callfwd", "201").get("callsequence");
        assertThat(sequence.path("expiration").asInt()).isEqualTo(20);
        assertThat(sequence.path("withVoicemail").asBoolean()).isTrue();
        assertThat(sequence.path("rings")).hasSize(1);
        assertThat(sequence.path("rings").get(0).path("number").asText()).isEqualTo("5551212");
        assertThat(sequence.path("rings").get(0).path("type").asText()).isEqualTo("If no response");
        HttpResponse<String> xml = http.getXml("/my/callfwd", "201");
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).contains("xml");
        assertThat(xml.body()).contains("<callsequence><rings><ring><expiration>30</expiration><type>If no response</type>"
                + "<enabled>true</enabled><number>5551212</number></ring></rings><expiration>20</expiration>"
                + "<withVoicemail>true</withVoicemail></callsequence>");
        // another user's settings are untouched: every call acts as the user who authenticates
        assertThat(http.json("/my/callfwd", "202").get("callsequence").path("rings")).isEmpty();
    }

    @Test
    void refusesCallsWithoutTheUsersOwnPassword() throws Exception {
        start(Map.of());
        assertThat(http.send("GET", "/my/callfwd", null, null, null, null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = http.send("GET", "/my/callfwd", "201", "nope", null, null, null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"sipXconfig\"");
        assertThat(http.send("GET", "/my/callfwd", "999", "password", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theSipxecsDialectAnswersCallForwardingBareWithWithVm() throws Exception {
        start(Map.of("dialect", "sipxecs"));
        JsonNode bare = http.json("/my/callfwd", "200");
        assertThat(bare.has("callsequence")).isFalse();
        assertThat(bare.path("withVM").asBoolean()).isTrue();
        assertThat(bare.has("withVoicemail")).isFalse();
        assertThat(http.put("/my/callfwd", "200", "{\"rings\":[{\"type\":\"sometimes\",\"number\":\"1\"}]}").statusCode())
                .as("Jackson cannot read a ring type it does not know").isEqualTo(500);
        assertThat(http.put("/my/callfwd", "200", "not json").statusCode()).isEqualTo(500);
        assertThat(http.put("/my/callfwd", "200", "{\"rings\":[{\"type\":\"At the same time\",\"number\":\"232\"}]}")
                .statusCode()).isEqualTo(200);
        assertThat(http.json("/my/callfwd", "200").path("expiration").asInt()).as("a missing expiration is 0").isZero();
    }

    @Test
    void createsPhonebookEntriesWithNoIdAnd747ForADuplicate() throws Exception {
        start(Map.of());
        String entry = "{\"entry\": {\"firstname\": \"John\", \"lastname\": \"Smith\", \"number\": \"300\","
                + " \"contactinformation\": {\"jobTitle\": \"title\", \"companyName\": \"Acme\","
                + " \"homeAddress\": {\"street\": \"street\"}, \"officeAddress\": {\"zip\": \"1234\"}}}}";
        HttpResponse<String> created = http.post("/my/phonebook/entry/0", "201", entry);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).isEmpty();
        assertThat(created.headers().firstValue("Location")).isEmpty();
        assertThat(http.post("/my/phonebook/entry/0", "201", entry).statusCode()).isEqualTo(747);
        assertThat(http.post("/my/phonebook/entry/0", "201", "{\"entry\": {\"lastname\": \"X\", \"number\": \"1\"}}").body())
                .isEqualTo("First Name cannot be Null");
        HttpResponse<String> badEmail = http.post("/my/phonebook/entry/0", "201", "{\"entry\": {\"firstName\": \"A\","
                + " \"lastName\": \"B\", \"number\": \"301\", \"contact-information\": {\"emailAddress\": \"a@b.museum\"}}}");
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(badEmail.body()).isEqualTo("Invalid Email Address");

        JsonNode legacy = http.json("/my/phonebook", "201").get("phonebook");
        assertThat(legacy).hasSize(1);
        assertThat(legacy.get(0).has("id")).as("legacy sipXecs lists entries without ids").isFalse();
        assertThat(legacy.get(0).path("first-name").asText()).isEqualTo("John");
        assertThat(legacy.get(0).path("contact-information").path("officeAddress").path("zip").asText()).isEqualTo("1234");
        assertThat(http.json("/my/phonebook", "202").get("phonebook")).as("a private phonebook is private").isEmpty();

        JsonNode paged = http.json("/my/pagedphonebook?start=0&end=10", "201").get("phonebook");
        assertThat(paged.path("size").asInt()).isEqualTo(1);
        String id = paged.path("entries").get(0).path("id").asText();
        assertThat(id).isNotEmpty();
        assertThat(http.json("/my/phonebook/entry/" + id, "201").path("entry").path("last-name").asText()).isEqualTo("Smith");
        assertThat(http.put("/my/phonebook/entry/" + id, "201", "{\"entry\": {\"firstName\": \"Johnny\","
                + " \"lastName\": \"Smith\", \"number\": \"300\"}}").statusCode()).isEqualTo(200);
        assertThat(http.getXml("/my/phonebook", "201").body()).contains("<phonebook><entry><first-name>Johnny</first-name>");
        assertThat(http.getXml("/my/search/phonebook?query=johnny", "201").body()).contains("<number>300</number>");
        assertThat(http.put("/my/phonebook/entry/abc", "201", "{}").statusCode()).isEqualTo(500);
        assertThat(http.delete("/my/phonebook/entry/" + id, "202").statusCode()).as("not 202's: a silent no-op").isEqualTo(200);
        assertThat(http.json("/my/phonebook", "201").get("phonebook")).hasSize(1);
        assertThat(http.delete("/my/phonebook/entry/" + id, "201").statusCode()).isEqualTo(200);
        assertThat(http.json("/my/phonebook", "201").get("phonebook")).isEmpty();
    }

    @Test
    void theSipxcomVersionListsEntryIdsAndAcceptsXmlBodies() throws Exception {
        start(Map.of("version", "sipxcom"));
        HttpResponse<String> created = http.send("POST", "/my/phonebook/entry/0", "200", "password", null,
                "application/xml", "<entry><firstname>name</firstname><lastname>lastName</lastname><number>200</number>"
                        + "<contactinformation><jobTitle>title</jobTitle><officeAddress><zip>1234</zip></officeAddress>"
                        + "</contactinformation></entry>");
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode list = http.json("/my/phonebook", "200").get("phonebook");
        assertThat(list.get(0).path("id").asLong()).isPositive();
        assertThat(list.get(0).path("contact-information").path("jobTitle").asText()).isEqualTo("title");
    }

    @Test
    void conferencesBelongToTheirOwner() throws Exception {
        start(Map.of());
        JsonNode conferences = http.json("/my/conferences", "201").get("conferences");
        assertThat(conferences).hasSize(1);
        assertThat(conferences.get(0).path("name").asText()).isEqualTo("conf201");
        assertThat(http.getXml("/my/conferences", "201").body()).contains("<conferences><conference><enabled>true</enabled>"
                + "<name>conf201</name>");
        assertThat(http.get("/my/conferences/conf200", "201").statusCode()).isEqualTo(403);
        assertThat(http.get("/my/conferences/nope", "201").statusCode()).isEqualTo(404);
        assertThat(http.put("/my/conferences/conf201", "201", "{\"setting\": {\"autorecorded\": true, \"maxMembers\": 10,"
                + " \"publicRoom\": false}}").statusCode()).isEqualTo(200);
        JsonNode setting = http.json("/my/conferences/conf201", "201").get("setting");
        assertThat(setting.path("autorecorded").asBoolean()).isTrue();
        assertThat(setting.path("maxMembers").asInt()).isEqualTo(10);
        assertThat(setting.path("quickstart").asBoolean()).as("not sent, kept").isTrue();
        assertThat(http.getXml("/my/conferences/conf201", "201").body()).contains("<setting><enabled>true</enabled>"
                + "<name>conf201</name><autorecorded>true</autorecorded>");
        assertThat(http.get("/my/conferencedetails/conf201", "201").statusCode()).as("no participant").isEqualTo(406);
        assertThat(http.get("/my/conferencedetails/conf200", "201").statusCode()).isEqualTo(403);
        assertThat(http.get("/my/conferencedetails/nope", "201").statusCode()).isEqualTo(404);
    }

    @Test
    void voicemailPreferencesMergeAndRefuseUnknownValues() throws Exception {
        start(Map.of());
        assertThat(http.put("/my/vmprefs", "201", "{\"email\": \"jdoe@example.com\", \"greeting\": null}").statusCode())
                .isEqualTo(200);
        JsonNode prefs = http.json("/my/vmprefs", "201");
        assertThat(prefs.path("email").asText()).isEqualTo("jdoe@example.com");
        assertThat(prefs.path("greeting").asText()).as("null keeps the old value").isEqualTo("STANDARD");
        assertThat(prefs.path("voicemailPermission").asBoolean()).isTrue();
        assertThat(http.put("/my/vmprefs", "201", "{\"emailFormat\": \"SHORT\"}").statusCode()).isEqualTo(500);
        assertThat(http.put("/my/voicemail/attendant", "201", "{\"depositVM\": false}").statusCode()).isEqualTo(200);
        assertThat(http.json("/my/voicemail/attendant", "201").path("depositVM").asBoolean()).isFalse();
        assertThat(http.json("/my/voicemail/attendant", "201").path("personalAttendantPermission").asBoolean()).isTrue();
    }

    @Test
    void setsAVoicemailPinOnlyWhenItCanBeSaved() throws Exception {
        start(Map.of());
        assertThat(http.put("/my/voicemail/pin/12", "201", "").statusCode()).isEqualTo(400);
        assertThat(http.put("/my/voicemail/pin/4321", "201", "").statusCode()).isEqualTo(200);
        assertThat(simulator.users().get("201").path("pinHash").asText()).isEqualTo(SipxconfigStore.pinHash("4321"));
        assertThat(simulator.snapshot().toString()).doesNotContain("4321");
        assertThat(http.get("/my/voicemail/pin/4321", "201").statusCode()).isEqualTo(405);
    }

    @Test
    void aUserWithoutAPersonalSpeedDialSeesTheGroupsAndCannotChangeIt() throws Exception {
        start(Map.of("speedDial", "group"));
        assertThat(http.json("/my/speeddial", "201").path("groupSpeedDial").asBoolean()).isTrue();
        assertThat(http.put("/my/speeddial", "201", "{\"buttons\": []}").statusCode()).isEqualTo(404);
        assertThat(http.post("/my/speeddial", "201", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void servesTheReadOnlyResourcesAsDocumented() throws Exception {
        start(Map.of());
        assertThat(http.json("/my/logindetails", "200").path("login-details").path("userName").asText()).isEqualTo("200");
        assertThat(http.getXml("/my/logindetails", "200").body()).contains("<login-details><userName>200</userName>");
        assertThat(http.json("/my/activecdrs", "200").path("cdrs").isArray()).isTrue();
        assertThat(http.getXml("/my/activecdrs", "200").body()).contains("<cdrs></cdrs>");
        assertThat(http.json("/my/faxprefs", "200").has("did")).isTrue();
        assertThat(http.put("/my/faxprefs", "200", "{}").statusCode()).isEqualTo(405);
        assertThat(http.json("/my/im/prefs", "200").has("otpMessage")).isTrue();
        assertThat(http.put("/my/imbot/prefs", "200", "{\"confEnter\": true}").statusCode()).isEqualTo(200);
        assertThat(http.json("/my/imbot/prefs", "200").path("confEnter").asBoolean()).isTrue();
        assertThat(http.json("/my/contact-information", "200").path("contact-information").has("officeAddress")).isTrue();
        assertThat(http.getXml("/my/forward", "200").body()).contains("<call-sequence>");
    }

    @Test
    void schedulesNeedAnIdToChangeAndPeriodsThatDoNotOverlap() throws Exception {
        start(Map.of());
        assertThat(http.put("/my/callfwdsched", "200", "{}").statusCode()).isEqualTo(403);
        assertThat(http.delete("/my/callfwdsched", "200").statusCode()).isEqualTo(403);
        assertThat(http.post("/my/callfwdsched", "200", "{\"name\": \"Sunday\", \"periods\": [{\"start\": \"09:00\","
                + " \"end\": \"12:00\", \"scheduledDay\": 7}, {\"start\": \"11:00\", \"end\": \"13:00\", \"scheduledDay\": 7}]}")
                .statusCode()).isEqualTo(422);
        HttpResponse<String> made = http.post("/my/callfwdsched", "200", "{\"name\": \"Sunday\", \"periods\": [{\"start\":"
                + " \"09:00\", \"end\": \"12:00\", \"scheduledDay\": 7}]}");
        assertThat(made.statusCode()).isEqualTo(200);
        long id = SipxHttp.JSON.readTree(made.body()).path("scheduleId").asLong();
        assertThat(http.json("/my/callfwdsched/" + id, "200").path("name").asText()).isEqualTo("Sunday");
        assertThat(http.json("/my/callfwdsched", "200")).hasSize(1);
    }

    @Test
    void aStateFileMayNameOnlyUsersAndPasswords() {
        simulator = new SipxconfigSimulator();
        simulator.restore(SipxHttp.JSON.createObjectNode().set("users",
                SipxHttp.JSON.createObjectNode().set("300", SipxHttp.JSON.createObjectNode().put("password", "s3cret"))));
        assertThat(simulator.users()).containsOnlyKeys("300");
        assertThat(simulator.users().get("300").path("callfwd").path("expiration").asInt()).isEqualTo(20);
        assertThat(simulator.snapshot().path("conferences").has("conf300")).isTrue();
    }
}
