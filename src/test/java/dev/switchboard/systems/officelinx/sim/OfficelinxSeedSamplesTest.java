package dev.switchboard.systems.officelinx.sim;

import static dev.switchboard.systems.officelinx.sim.OfficelinxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Python samples of the seed document ("REST APIs sample code"), replayed call for call against
 * the simulator as {@code switchboard sim} serves it (from the catalog, default credentials): same
 * paths, payloads and headers, and the answers the document promises.
 */
class OfficelinxSeedSamplesTest {

    private SimServer server;
    private OfficelinxHttp s;

    @BeforeEach
    void start() {
        server = SimServer.start(SimOptions.DEFAULT,
                new OfficelinxSimulator(SimCredentials.DEFAULT));
        s = new OfficelinxHttp(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** What requests_oauth2's get_token posts: redirect_uri, client_id, client_secret, code, then the grant. */
    private HttpResponse<String> getToken(Map<String, String> grant) throws Exception {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("redirect_uri", "");
        data.put("client_id", "switchboard");
        data.put("client_secret", "switchboard");
        data.put("code", "");
        data.putAll(grant);
        return s.form("/UCOAuth2/oauth2/token", data);
    }

    private JsonNode fetchToken() throws Exception {
        HttpResponse<String> response = getToken(Map.of("grant_type", "password", "username", "admin",
                "password", "admin", "scope", "http://localhost/"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode token = json(response);
        for (String field : new String[] {"access_token", "expires_in", "refresh_token", "scope", "token_type"}) {
            assertThat(token.has(field)).as(field).isTrue();
        }
        s.useToken(token.path("access_token").asText());
        return token;
    }

    @Test
    void authorizationSamplesFetchAndRefreshATokenTheAPIAccepts() throws Exception {
        JsonNode token = fetchToken();
        assertThat(token.path("scope").asText()).isEqualTo("http://localhost/");

        HttpResponse<String> refreshed = getToken(Map.of("grant_type", "refresh_token",
                "refresh_token", token.path("refresh_token").asText()));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        s.useToken(json(refreshed).path("access_token").asText());
        assertThat(s.send("GET", "/UCBusinessRest/api/EEAMFGroups/1").statusCode()).isEqualTo(200);
    }

    @Test
    void featureGroupSamplesBehaveAsDocumented() throws Exception {
        fetchToken();
        // GetFeatureGroup, GetListOfFGroupsInCompany
        HttpResponse<String> group = s.send("GET", "/UCBusinessRest/api/EEAMFGroups/1");
        assertThat(group.statusCode()).isEqualTo(200);
        assertThat(json(group).path("Name").isTextual()).isTrue();
        HttpResponse<String> groups = s.send("GET", "/UCBusinessRest/api/EEAMFGroups?companyid=1");
        assertThat(groups.statusCode()).isEqualTo(200);
        assertThat(json(groups)).extracting(g -> g.path("FGroupID").asLong()).contains(1L);

        // FeatureGroupAdd, with the sample's upper-case keys and trailing slash
        HttpResponse<String> added = s.send("POST", "/UCBusinessRest/api/EEAMFGroups/",
                "{\"COMPANYID\": 1, \"FGNUMBER\": 56, \"NAME\": \"TestFG\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/EEAMFGroups/2"));

        // FeatureGroupUpdate: GET, payload['Name'] = 'New ' + payload['Name'], PUT
        ObjectNode payload = (ObjectNode) json(s.send("GET", "/UCBusinessRest/api/EEAMFGroups/2"));
        payload.put("Name", "New " + payload.path("Name").asText());
        HttpResponse<String> put = s.send("PUT", "/UCBusinessRest/api/EEAMFGroups/2", payload);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).isEmpty();
        assertThat(json(s.send("GET", "/UCBusinessRest/api/EEAMFGroups/2")).path("Name").asText()).isEqualTo("New TestFG");

        // DeleteFeatureGroup 3: 404 while it does not exist, 200 once it does
        assertThat(s.send("DELETE", "/UCBusinessRest/api/EEAMFGroups/3").statusCode()).isEqualTo(404);
        s.send("POST", "/UCBusinessRest/api/EEAMFGroups/", "{\"COMPANYID\": 1, \"FGNUMBER\": 57, \"NAME\": \"Other\"}");
        assertThat(s.send("DELETE", "/UCBusinessRest/api/EEAMFGroups/3").statusCode()).isEqualTo(200);
    }

    @Test
    void mailboxSamplesBehaveAsDocumented() throws Exception {
        fetchToken();
        // MailboxAdd: 201, "the content of the response shows all of the entities created with the mailbox"
        String sample = "{\"UserName\": \"test@esna.com\", \"MailboxNo\": \"55\", \"CompanyID\": 1, "
                + "\"FirstName\": \"TestFirstName\", \"LastName\": \"TestLastName\", \"FGroupID\": 1}";
        HttpResponse<String> added = s.send("POST", "/UCBusinessRest/api/EEAMMailboxes/", sample);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(json(added).path("Folders")).extracting(JsonNode::asText)
                .containsExactly("TOP", "DRAFT", "INBOX", "OUTBOX", "SENT", "TRASH");
        for (String number : new String[] {"56", "57", "58"}) {
            assertThat(s.send("POST", "/UCBusinessRest/api/EEAMMailboxes/", sample.replace("\"55\"", "\"" + number + "\""))
                    .statusCode()).isEqualTo(201);
        }

        // MailboxDelete 3
        assertThat(s.send("DELETE", "/UCBusinessRest/api/EEAMMailboxes/3").statusCode()).isEqualTo(200);

        // MailboxUpdate 4: GET, payload['FirstName'] = 'New ' + payload['FirstName'], PUT
        ObjectNode payload = (ObjectNode) json(s.send("GET", "/UCBusinessRest/api/EEAMMailboxes/4"));
        payload.put("FirstName", "New " + payload.path("FirstName").asText());
        assertThat(s.send("PUT", "/UCBusinessRest/api/EEAMMailboxes/4", payload).statusCode()).isEqualTo(200);

        // GetMailbox 4
        HttpResponse<String> mailbox = s.send("GET", "/UCBusinessRest/api/EEAMMailboxes/4");
        assertThat(mailbox.statusCode()).isEqualTo(200);
        assertThat(json(mailbox).path("FirstName").asText()).isEqualTo("New TestFirstName");
        assertThat(json(mailbox).path("Folders")).hasSize(6);

        // GetListOfMailboxesByPage
        HttpResponse<String> page = s.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=1&page=1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(json(page)).extracting(m -> m.path("MailboxNo").asText()).containsExactly("55", "56", "58");
    }

    @Test
    void departmentSamplesBehaveAsDocumented() throws Exception {
        fetchToken();
        // DepartmentAdd (no trailing slash this time)
        HttpResponse<String> added = s.send("POST", "/UCBusinessRest/api/EEAMDepartments",
                "{\"CompanyID\": 1, \"DepartmentName\": \"APITEST\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(json(added).path("DepartmentID").asLong()).isEqualTo(1);

        // GetDepartment, GetListOfDepartmentsInCompany
        assertThat(s.send("GET", "/UCBusinessRest/api/EEAMDepartments/1").statusCode()).isEqualTo(200);
        HttpResponse<String> list = s.send("GET", "/UCBusinessRest/api/EEAMDepartments?companyid=1");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list)).hasSize(1);

        // DepartmentUpdate: payload['DepartmentName'] = 'New' + payload['DepartmentName']
        ObjectNode payload = (ObjectNode) json(s.send("GET", "/UCBusinessRest/api/EEAMDepartments/1"));
        payload.put("DepartmentName", "New" + payload.path("DepartmentName").asText());
        assertThat(s.send("PUT", "/UCBusinessRest/api/EEAMDepartments/1", payload).statusCode()).isEqualTo(200);
        assertThat(json(s.send("GET", "/UCBusinessRest/api/EEAMDepartments/1")).path("DepartmentName").asText())
                .isEqualTo("NewAPITEST");

        // DeleteDepartment as ?id=1&parentid=0; the list then has nothing, which is a 404 with no content
        assertThat(s.send("DELETE", "/UCBusinessRest/api/EEAMDepartments?id=1&parentid=0").statusCode()).isEqualTo(200);
        HttpResponse<String> empty = s.send("GET", "/UCBusinessRest/api/EEAMDepartments?companyid=1");
        assertThat(empty.statusCode()).isEqualTo(404);
        assertThat(empty.body()).isEmpty();
    }
}
