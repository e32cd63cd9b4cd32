package dev.switchboard.systems.officelinx.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each Officelinx dialect over real HTTP: the simulator answers as that reading of the document says. */
class OfficelinxDialectsTest {

    private static final Map<String, String> PASSWORD_GRANT = Map.of("grant_type", "password", "client_id", "switchboard",
            "client_secret", "switchboard", "username", "admin", "password", "admin");

    private SimServer server;
    private OfficelinxHttp http;

    private void start(String... dialects) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String dialect : dialects) {
            options.put(dialect, "true");
        }
        server = SimServer.start(SimOptions.DEFAULT, new OfficelinxSimulator(SimCredentials.DEFAULT,
                OfficelinxDialects.of(options)));
        http = new OfficelinxHttp(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void emptyList404AnswersEveryEmptyListWithA404AndNoContent() throws Exception {
        start(OfficelinxDialects.EMPTY_LIST_404);
        http.login();
        JsonNode company = OfficelinxHttp.json(http.send("POST", "/UCBusinessRest/api/EEAMCompanies",
                "{\"CompanyName\":\"Acme\",\"PBXID\":1}"));
        long id = company.path("CompanyID").asLong();
        HttpResponse<String> groups = http.send("GET", "/UCBusinessRest/api/EEAMFGroups?companyid=" + id);
        assertThat(groups.statusCode()).isEqualTo(404);
        assertThat(groups.body()).isEmpty();
        assertThat(http.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=" + id + "&page=1").statusCode()).isEqualTo(404);

        server.close();
        start();
        http.login();
        assertThat(http.send("GET", "/UCBusinessRest/api/EEAMFGroups?companyid=1").statusCode())
                .as("lenient: company 1 has feature group 1").isEqualTo(200);
        assertThat(http.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=1&page=1").body())
                .as("lenient: an empty page is an empty list").isEqualTo("[]");
    }

    @Test
    void addresstypeRequiredHasNoRouteWithoutIt() throws Exception {
        start(OfficelinxDialects.ADDRESSTYPE_REQUIRED);
        http.login();
        long mailbox = OfficelinxHttp.json(http.send("POST", "/UCBusinessRest/api/EEAMMailboxes",
                "{\"MailboxNo\":\"55\",\"CompanyID\":1,\"UserName\":\"t@esna.com\",\"FirstName\":\"F\",\"LastName\":\"L\",\"FGroupID\":1}")).path("MailboxID").asLong();
        HttpResponse<String> without = http.send("GET", "/UCBusinessRest/api/EEAMMailboxAddresses?mailboxid=" + mailbox);
        assertThat(without.statusCode()).isEqualTo(404);
        assertThat(without.body()).contains("No HTTP resource was found");
        assertThat(http.send("GET", "/UCBusinessRest/api/EEAMMailboxAddresses?mailboxid=" + mailbox + "&addresstype=0")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void pagesFrom0ServeTheFirstPageAsPage0() throws Exception {
        server = SimServer.start(SimOptions.DEFAULT, new OfficelinxSimulator(SimCredentials.DEFAULT,
                java.time.Clock.systemUTC(), 2, OfficelinxDialects.of(Map.of(OfficelinxDialects.PAGES_FROM_0, "true"))));
        http = new OfficelinxHttp(server.baseUri());
        http.login();
        for (String number : new String[] {"1", "2", "3"}) {
            http.send("POST", "/UCBusinessRest/api/EEAMMailboxes", "{\"MailboxNo\":\"" + number
                    + "\",\"CompanyID\":1,\"UserName\":\"u" + number + "@esna.com\",\"FirstName\":\"F\",\"LastName\":\"L\",\"FGroupID\":1}");
        }
        assertThat(OfficelinxHttp.json(http.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=1&page=0")).size())
                .isEqualTo(2);
        assertThat(OfficelinxHttp.json(http.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=1&page=1"))
                .get(0).path("MailboxNo").asText()).isEqualTo("3");
    }

    @Test
    void theTokenDialectsMoveTheEndpointEncodeTheAnswerAndWantBasic() throws Exception {
        start(OfficelinxDialects.TOKEN_PATH_SHORT, OfficelinxDialects.TOKEN_FORM_ENCODED, OfficelinxDialects.CLIENT_BASIC_ONLY);
        assertThat(http.form("/UCOAuth2/oauth2/token", PASSWORD_GRANT).statusCode()).isEqualTo(404);
        HttpResponse<String> inBody = http.form("/UCOAuth2/token", PASSWORD_GRANT);
        assertThat(inBody.statusCode()).as("client in the body only").isEqualTo(401);
        assertThat(inBody.body()).contains("invalid_client");

        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/UCOAuth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("switchboard:switchboard".getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=password&username=admin&password=admin"))
                .build();
        HttpResponse<String> basic = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/x-www-form-urlencoded"));
        assertThat(basic.body()).contains("access_token=").contains("&expires_in=3600").contains("scope=http%3A%2F%2Flocalhost%2F");
    }

    @Test
    void departmentDeleteQueryHasNoRouteByIdAndDeletesInTheSamplesForm() throws Exception {
        start(OfficelinxDialects.DEPARTMENT_DELETE_QUERY);
        http.login();
        long id = OfficelinxHttp.json(http.send("POST", "/UCBusinessRest/api/EEAMDepartments",
                "{\"CompanyID\":1,\"DepartmentName\":\"APITEST\"}")).path("DepartmentID").asLong();
        HttpResponse<String> byId = http.send("DELETE", "/UCBusinessRest/api/EEAMDepartments/" + id);
        assertThat(byId.statusCode()).isEqualTo(404);
        assertThat(byId.body()).contains("No HTTP resource was found");
        assertThat(http.send("GET", "/UCBusinessRest/api/EEAMDepartments/" + id).statusCode()).as("still there").isEqualTo(200);
        assertThat(http.send("DELETE", "/UCBusinessRest/api/EEAMDepartments?id=" + id + "&parentid=0").statusCode()).isEqualTo(200);
        assertThat(http.send("GET", "/UCBusinessRest/api/EEAMDepartments/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void apiRootBareAnswersUnderApiOnly() throws Exception {
        start(OfficelinxDialects.API_ROOT_BARE);
        http.login();
        assertThat(http.send("GET", "/api/EEAMFGroups?companyid=1").statusCode()).isEqualTo(200);
        assertThat(http.send("GET", "/UCBusinessRest/api/EEAMFGroups?companyid=1").statusCode()).isEqualTo(404);
    }

    @Test
    void noContent204AndCreatedWithoutLocationChangeTheWriteAnswers() throws Exception {
        start(OfficelinxDialects.NO_CONTENT_204, OfficelinxDialects.CREATED_WITHOUT_LOCATION);
        http.login();
        HttpResponse<String> created = http.send("POST", "/UCBusinessRest/api/EEAMFGroups",
                "{\"CompanyID\":1,\"FGNumber\":56,\"Name\":\"Standard\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isEmpty();
        long id = OfficelinxHttp.json(created).path("FGroupID").asLong();
        JsonNode group = OfficelinxHttp.json(http.send("GET", "/UCBusinessRest/api/EEAMFGroups/" + id));
        assertThat(http.send("PUT", "/UCBusinessRest/api/EEAMFGroups/" + id, group).statusCode()).isEqualTo(204);
        assertThat(http.send("DELETE", "/UCBusinessRest/api/EEAMFGroups/" + id).statusCode()).isEqualTo(204);
    }

    @Test
    void createdStatusOnlyAnswers201WithNeitherLocationNorBody() throws Exception {
        start(OfficelinxDialects.CREATED_STATUS_ONLY);
        http.login();
        HttpResponse<String> created = http.send("POST", "/UCBusinessRest/api/EEAMFGroups",
                "{\"CompanyID\":1,\"FGNumber\":56,\"Name\":\"Standard\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isEmpty();
        assertThat(created.body()).isEmpty();
        assertThat(http.send("GET", "/UCBusinessRest/api/EEAMFGroups?companyid=1").body()).contains("\"FGNumber\":56");
    }

    private void startWithMailboxes(int pageSize, int mailboxes, String dialect) throws Exception {
        server = SimServer.start(SimOptions.DEFAULT, new OfficelinxSimulator(SimCredentials.DEFAULT,
                java.time.Clock.systemUTC(), pageSize, OfficelinxDialects.of(Map.of(dialect, "true"))));
        http = new OfficelinxHttp(server.baseUri());
        http.login();
        for (int number = 1; number <= mailboxes; number++) {
            http.send("POST", "/UCBusinessRest/api/EEAMMailboxes", "{\"MailboxNo\":\"" + number
                    + "\",\"CompanyID\":1,\"UserName\":\"u" + number + "@esna.com\",\"FirstName\":\"F\",\"LastName\":\"L\",\"FGroupID\":1}");
        }
    }

    @Test
    void pagePastEnd404AnswersAPagePastTheLastWithANotFoundMessage() throws Exception {
        startWithMailboxes(2, 4, OfficelinxDialects.PAGE_PAST_END_404);
        assertThat(OfficelinxHttp.json(http.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=1&page=2")).size())
                .isEqualTo(2);
        HttpResponse<String> past = http.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=1&page=3");
        assertThat(past.statusCode()).isEqualTo(404);
        assertThat(OfficelinxHttp.json(past).path("Message").asText()).contains("Page 3");
        server.close();

        startWithMailboxes(2, 0, OfficelinxDialects.PAGE_PAST_END_404);
        assertThat(http.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=1&page=1").body())
                .as("the first page is never past the last: empty, it is an empty list").isEqualTo("[]");
    }

    @Test
    void pageIgnoredListsEveryMailboxWhateverThePage() throws Exception {
        startWithMailboxes(2, 3, OfficelinxDialects.PAGE_IGNORED);
        for (String page : new String[] {"0", "1", "7"}) {
            assertThat(OfficelinxHttp.json(http.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=1&page=" + page))
                    .size()).as("page " + page).isEqualTo(3);
        }
    }

    @Test
    void anUnknownDialectOrValueIsRefusedNamingThem() {
        assertThatThrownBy(() -> OfficelinxDialects.of(Map.of("empty-list-405", "true")))
                .hasMessageContaining("no option empty-list-405").hasMessageContaining("empty-list-404");
        assertThatThrownBy(() -> OfficelinxDialects.of(Map.of("empty-list-404", "yes")))
                .hasMessageContaining("true or false");
        start();
    }
}
