package dev.switchboard.systems.officelinx.sim;

import static dev.switchboard.systems.officelinx.sim.OfficelinxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.sim.FaultRule;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import dev.switchboard.sim.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficelinxSimulatorTest {

    private static final int PAGE_SIZE = 3;

    private final MutableClock clock = new MutableClock();
    private OfficelinxSimulator simulator;
    private SimServer server;
    private OfficelinxHttp api;

    @BeforeEach
    void start() throws Exception {
        simulator = new OfficelinxSimulator(SimCredentials.DEFAULT.withSessionLifetime(Duration.ofSeconds(60)),
                clock, PAGE_SIZE);
        server = SimServer.start(SimOptions.DEFAULT.withSlowDelay(Duration.ofSeconds(3)), simulator);
        api = new OfficelinxHttp(server.baseUri());
        api.login();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long create(String resource, String body) throws Exception {
        HttpResponse<String> response = api.send("POST", "/UCBusinessRest/api/" + resource, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long createCompany(String name) throws Exception {
        return create("EEAMCompanies", "{\"CompanyName\":\"" + name + "\",\"PBXID\":1}");
    }

    private long createMailbox(long company, long featureGroup, String number) throws Exception {
        return create("EEAMMailboxes", "{\"UserName\":\"u" + number + "@x\",\"MailboxNo\":\"" + number
                + "\",\"CompanyID\":" + company + ",\"FirstName\":\"F\",\"LastName\":\"L\",\"FGroupID\":"
                + featureGroup + "}");
    }

    // ---- OAuth2 ---------------------------------------------------------------------------------

    @Test
    void passwordGrantAnswersTheDocumentedTokenFields() throws Exception {
        JsonNode token = api.login();
        assertThat(token.path("access_token").asText()).isNotBlank();
        assertThat(token.path("refresh_token").asText()).isNotBlank();
        assertThat(token.path("expires_in").asLong()).isEqualTo(60);
        assertThat(token.path("scope").asText()).isEqualTo("http://localhost/");
        assertThat(token.path("token_type").asText()).isEqualTo("bearer");
    }

    @Test
    void badUserCredentialsAreRefusedWithInvalidGrant() throws Exception {
        HttpResponse<String> response = api.form("/UCOAuth2/oauth2/token", Map.of("grant_type", "password",
                "client_id", "switchboard", "client_secret", "switchboard", "username", "admin", "password", "wrong"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void anUnknownClientIsRefused() throws Exception {
        HttpResponse<String> response = api.form("/UCOAuth2/oauth2/token", Map.of("grant_type", "password",
                "client_id", "someone", "client_secret", "switchboard", "username", "admin", "password", "admin"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void aRefreshTokenBuysANewAccessTokenOnceOnly() throws Exception {
        String refresh = api.login().path("refresh_token").asText();
        Map<String, String> grant = Map.of("grant_type", "refresh_token", "client_id", "switchboard",
                "client_secret", "switchboard", "refresh_token", refresh);
        HttpResponse<String> refreshed = api.form("/UCOAuth2/oauth2/token", grant);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        api.useToken(json(refreshed).path("access_token").asText());
        assertThat(api.send("GET", "/UCBusinessRest/api/EEAMCompanies/1").statusCode()).isEqualTo(200);

        HttpResponse<String> reused = api.form("/UCOAuth2/oauth2/token", grant);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json(reused).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void apiCallsWithoutAValidBearerTokenAreDenied() throws Exception {
        api.useToken("");
        HttpResponse<String> anonymous = api.send("GET", "/UCBusinessRest/api/EEAMCompanies/1");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).path("Message").asText()).isEqualTo("Authorization has been denied for this request.");
        api.useToken("forged");
        assertThat(api.send("GET", "/UCBusinessRest/api/EEAMCompanies/1").statusCode()).isEqualTo(401);
    }

    @Test
    void accessTokensExpireAfterTheConfiguredLifetime() throws Exception {
        assertThat(api.send("GET", "/UCBusinessRest/api/EEAMCompanies/1").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(61));
        assertThat(api.send("GET", "/UCBusinessRest/api/EEAMCompanies/1").statusCode()).isEqualTo(401);
    }

    @Test
    void revokedTokensAreDenied() throws Exception {
        simulator.revokeTokens();
        assertThat(api.send("GET", "/UCBusinessRest/api/EEAMCompanies/1").statusCode()).isEqualTo(401);
    }

    // ---- a freshly installed server -------------------------------------------------------------

    @Test
    void startsWithCompanyOneOnPbxOneAndItsDefaultFeatureGroup() throws Exception {
        JsonNode companies = json(api.send("GET", "/UCBusinessRest/api/EEAMCompanies?pbxid=1"));
        assertThat(companies).hasSize(1);
        assertThat(companies.get(0).path("CompanyID").asLong()).isEqualTo(1);
        assertThat(companies.get(0).path("PBXID").asLong()).isEqualTo(1);
        JsonNode group = json(api.send("GET", "/UCBusinessRest/api/EEAMFGroups/1"));
        assertThat(group.path("CompanyID").asLong()).isEqualTo(1);
        assertThat(group.path("FGNumber").asLong()).isEqualTo(1);
    }

    // ---- create, read, update, delete -----------------------------------------------------------

    @Test
    void postAnswers201WithLocationAndTheCreatedObject() throws Exception {
        HttpResponse<String> response = api.send("POST", "/UCBusinessRest/api/EEAMMailboxes",
                "{\"UserName\":\"test@esna.com\",\"MailboxNo\":\"55\",\"CompanyID\":1,\"FirstName\":\"T\","
                        + "\"LastName\":\"L\",\"FGroupID\":1}");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/UCBusinessRest/api/EEAMMailboxes/1").startsWith("http://"));
        JsonNode mailbox = json(response);
        assertThat(mailbox.path("MailboxID").asLong()).isEqualTo(1);
        assertThat(mailbox.path("DepartmentID").asLong()).isZero();
        assertThat(mailbox.path("Folders")).extracting(JsonNode::asText)
                .containsExactly("TOP", "DRAFT", "INBOX", "OUTBOX", "SENT", "TRASH");
        assertThat(mailbox.path("Language").asText()).isNotBlank();
        assertThat(mailbox.path("CreationDate").asText()).startsWith("2026-01-01T00:00");
    }

    @Test
    void inputKeysAreMatchedCaseInsensitivelyAndWrittenBackPascalCase() throws Exception {
        long id = create("EEAMFGroups", "{\"COMPANYID\":1,\"FGNUMBER\":56,\"NAME\":\"TestFG\"}");
        JsonNode group = json(api.send("GET", "/UCBusinessRest/api/EEAMFGroups/" + id));
        assertThat(group.path("Name").asText()).isEqualTo("TestFG");
        assertThat(group.path("FGNumber").asLong()).isEqualTo(56);
        assertThat(group.path("CompanyID").asLong()).isEqualTo(1);
        assertThat(group.has("NAME")).isFalse();
    }

    @Test
    void numbersAreAcceptedAsStringsAndMailboxNumbersAsNumbers() throws Exception {
        long id = create("EEAMMailboxes", "{\"UserName\":\"a@b\",\"MailboxNo\":1001,\"CompanyID\":\"1\","
                + "\"FirstName\":\"F\",\"LastName\":\"L\",\"FGroupID\":1}");
        JsonNode mailbox = json(api.send("GET", "/UCBusinessRest/api/EEAMMailboxes/" + id));
        assertThat(mailbox.path("MailboxNo").isTextual()).isTrue();
        assertThat(mailbox.path("MailboxNo").asText()).isEqualTo("1001");
        assertThat(mailbox.path("CompanyID").isIntegralNumber()).isTrue();
    }

    @Test
    void unknownInputFieldsAreKeptAndReturned() throws Exception {
        long id = create("EEAMCompanies", "{\"CompanyName\":\"Acme\",\"PBXID\":1,\"TimeZone\":\"UTC+1\"}");
        assertThat(json(api.send("GET", "/UCBusinessRest/api/EEAMCompanies/" + id)).path("TimeZone").asText())
                .isEqualTo("UTC+1");
    }

    @Test
    void putReplacesTheWholeRecordAndAnswers200WithNoBody() throws Exception {
        long id = createMailbox(1, 1, "1001");
        JsonNode mailbox = json(api.send("GET", "/UCBusinessRest/api/EEAMMailboxes/" + id));
        ((com.fasterxml.jackson.databind.node.ObjectNode) mailbox).put("FirstName", "Alice");
        HttpResponse<String> put = api.send("PUT", "/UCBusinessRest/api/EEAMMailboxes/" + id, mailbox);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).isEmpty();
        JsonNode after = json(api.send("GET", "/UCBusinessRest/api/EEAMMailboxes/" + id));
        assertThat(after.path("FirstName").asText()).isEqualTo("Alice");
        assertThat(after.path("Folders")).hasSize(6);

        // a PUT that does not carry the server's own fields back loses them: the reason to GET first
        api.send("PUT", "/UCBusinessRest/api/EEAMMailboxes/" + id, "{\"UserName\":\"u@x\",\"MailboxNo\":\"1001\","
                + "\"CompanyID\":1,\"FirstName\":\"A\",\"LastName\":\"L\",\"FGroupID\":1}");
        JsonNode stripped = json(api.send("GET", "/UCBusinessRest/api/EEAMMailboxes/" + id));
        assertThat(stripped.path("Folders").isNull()).isTrue();
        assertThat(stripped.path("CreationDate").isNull()).isTrue();
    }

    @Test
    void unknownIdsAnswer404WithNoContent() throws Exception {
        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> response = api.send(method, "/UCBusinessRest/api/EEAMMailboxes/99");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEmpty();
        }
        assertThat(api.send("PUT", "/UCBusinessRest/api/EEAMFGroups/99", "{\"CompanyID\":1,\"FGNumber\":2,\"Name\":\"x\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void newIdsAreTheMaximumPlusOneSoTheHighestIdComesBackAfterItIsDeleted() throws Exception {
        long first = createCompany("A");
        long second = createCompany("B");
        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(3);
        assertThat(api.send("DELETE", "/UCBusinessRest/api/EEAMCompanies/3").statusCode()).isEqualTo(200);
        assertThat(createCompany("C")).isEqualTo(3);
    }

    @Test
    void aFormEncodedBodyIsNotAccepted() throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        server.baseUri().resolve("/UCBusinessRest/api/EEAMFGroups/"))
                .header("Authorization", "Bearer " + api.login().path("access_token").asText())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("COMPANYID=1&FGNUMBER=56&NAME=x")).build();
        HttpResponse<String> form = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(json(form).path("Message").asText()).contains("media type");
    }

    // ---- 400s -----------------------------------------------------------------------------------

    @Test
    void aMailboxNeedsEveryDocumentedField() throws Exception {
        for (String field : List.of("UserName", "MailboxNo", "CompanyID", "FirstName", "LastName", "FGroupID")) {
            com.fasterxml.jackson.databind.node.ObjectNode body = OfficelinxHttp.JSON.createObjectNode()
                    .put("UserName", "u@x").put("MailboxNo", "1").put("CompanyID", 1).put("FirstName", "F")
                    .put("LastName", "L").put("FGroupID", 1);
            body.remove(field);
            HttpResponse<String> response = api.send("POST", "/UCBusinessRest/api/EEAMMailboxes", body);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("Message").asText()).contains(field);
        }
    }

    @Test
    void aDuplicateMailboxNumberInACompanyIsRefused() throws Exception {
        createMailbox(1, 1, "1001");
        HttpResponse<String> duplicate = api.send("POST", "/UCBusinessRest/api/EEAMMailboxes",
                "{\"UserName\":\"v@x\",\"MailboxNo\":\"1001\",\"CompanyID\":1,\"FirstName\":\"F\",\"LastName\":\"L\",\"FGroupID\":1}");
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(json(duplicate).path("Message").asText()).contains("1001");
    }

    @Test
    void aNumberIsTakenInItsCompanyOnlyUntilItsRowIsRenumberedOrDeletedAndStillAfterARestore() throws Exception {
        long acme = createCompany("Acme");
        long acmeGroup = create("EEAMFGroups", "{\"CompanyID\":" + acme + ",\"FGNumber\":1,\"Name\":\"x\"}");
        long first = createMailbox(1, 1, "1001");
        createMailbox(acme, acmeGroup, "1001");
        assertThat(api.send("POST", "/UCBusinessRest/api/EEAMFGroups", "{\"CompanyID\":1,\"FGNumber\":\"01\",\"Name\":\"y\"}")
                .statusCode()).as("feature group numbers are integers: 01 is 1").isEqualTo(400);

        api.send("PUT", "/UCBusinessRest/api/EEAMMailboxes/" + first, "{\"UserName\":\"u@x\",\"MailboxNo\":\"1002\","
                + "\"CompanyID\":1,\"FirstName\":\"F\",\"LastName\":\"L\",\"FGroupID\":1}");
        assertThat(api.send("PUT", "/UCBusinessRest/api/EEAMMailboxes/" + first, "{\"UserName\":\"u@x\",\"MailboxNo\":\"1002\","
                + "\"CompanyID\":1,\"FirstName\":\"G\",\"LastName\":\"L\",\"FGroupID\":1}").statusCode())
                .as("a mailbox keeps its own number").isEqualTo(200);
        long second = createMailbox(1, 1, "1001");
        HttpResponse<String> taken = api.send("POST", "/UCBusinessRest/api/EEAMMailboxes",
                "{\"UserName\":\"v@x\",\"MailboxNo\":\"1002\",\"CompanyID\":1,\"FirstName\":\"F\",\"LastName\":\"L\",\"FGroupID\":1}");
        assertThat(json(taken).path("Message").asText()).contains("Mailbox number 1002 already exists in company 1");

        OfficelinxSimulator restored = new OfficelinxSimulator(SimCredentials.DEFAULT, clock, PAGE_SIZE);
        restored.restore(simulator.snapshot());
        try (SimServer again = SimServer.start(SimOptions.DEFAULT, restored)) {
            OfficelinxHttp other = new OfficelinxHttp(again.baseUri());
            other.login();
            assertThat(other.send("POST", "/UCBusinessRest/api/EEAMMailboxes", "{\"UserName\":\"w@x\",\"MailboxNo\":\"1001\","
                    + "\"CompanyID\":1,\"FirstName\":\"F\",\"LastName\":\"L\",\"FGroupID\":1}").statusCode()).isEqualTo(400);
        }

        assertThat(api.send("DELETE", "/UCBusinessRest/api/EEAMMailboxes/" + second).statusCode()).isEqualTo(200);
        createMailbox(1, 1, "1001");
    }

    @Test
    void unknownParentsAreRefused() throws Exception {
        assertThat(api.send("POST", "/UCBusinessRest/api/EEAMDepartments", "{\"CompanyID\":9,\"DepartmentName\":\"X\"}")
                .statusCode()).isEqualTo(400);
        assertThat(api.send("POST", "/UCBusinessRest/api/EEAMDepartments",
                "{\"CompanyID\":1,\"ParentID\":7,\"DepartmentName\":\"X\"}").statusCode()).isEqualTo(400);
        long acme = createCompany("Acme");
        // feature group 1 belongs to company 1, not to Acme
        HttpResponse<String> foreignGroup = api.send("POST", "/UCBusinessRest/api/EEAMMailboxes",
                "{\"UserName\":\"u@x\",\"MailboxNo\":\"1\",\"CompanyID\":" + acme
                        + ",\"FirstName\":\"F\",\"LastName\":\"L\",\"FGroupID\":1}");
        assertThat(foreignGroup.statusCode()).isEqualTo(400);
        assertThat(api.send("POST", "/UCBusinessRest/api/EEAMMailboxAddresses",
                "{\"MailboxID\":5,\"AddressType\":0,\"Address\":\"1\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aParentWithChildrenIsNotDeletedAndCompanyOneNever() throws Exception {
        HttpResponse<String> defaultCompany = api.send("DELETE", "/UCBusinessRest/api/EEAMCompanies/1");
        assertThat(defaultCompany.statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/UCBusinessRest/api/EEAMCompanies/1").statusCode()).isEqualTo(200);

        long acme = createCompany("Acme");
        long sales = create("EEAMDepartments", "{\"CompanyID\":" + acme + ",\"DepartmentName\":\"Sales\"}");
        long emea = create("EEAMDepartments", "{\"CompanyID\":" + acme + ",\"ParentID\":" + sales
                + ",\"DepartmentName\":\"EMEA\"}");
        assertThat(api.send("DELETE", "/UCBusinessRest/api/EEAMDepartments/" + sales).statusCode()).isEqualTo(400);
        assertThat(api.send("DELETE", "/UCBusinessRest/api/EEAMCompanies/" + acme).statusCode()).isEqualTo(400);
        assertThat(api.send("DELETE", "/UCBusinessRest/api/EEAMDepartments/" + emea).statusCode()).isEqualTo(200);
        assertThat(api.send("DELETE", "/UCBusinessRest/api/EEAMDepartments/" + sales).statusCode()).isEqualTo(200);
        assertThat(api.send("DELETE", "/UCBusinessRest/api/EEAMCompanies/" + acme).statusCode()).isEqualTo(200);
    }

    @Test
    void aDepartmentIsDeletedByIdAndParentIdAsTheSampleDoes() throws Exception {
        long sales = create("EEAMDepartments", "{\"CompanyID\":1,\"DepartmentName\":\"Sales\"}");
        assertThat(api.send("DELETE", "/UCBusinessRest/api/EEAMDepartments?id=" + sales + "&parentid=5")
                .statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/UCBusinessRest/api/EEAMDepartments?id=" + sales + "&parentid=0")
                .statusCode()).isEqualTo(200);
        assertThat(api.send("GET", "/UCBusinessRest/api/EEAMDepartments/" + sales).statusCode()).isEqualTo(404);
    }

    @Test
    void deletingAMailboxTakesItsAddressesWithIt() throws Exception {
        long mailbox = createMailbox(1, 1, "1001");
        long address = create("EEAMMailboxAddresses", "{\"MailboxID\":" + mailbox + ",\"AddressType\":0,\"Address\":\"1001\"}");
        assertThat(api.send("DELETE", "/UCBusinessRest/api/EEAMMailboxes/" + mailbox).statusCode()).isEqualTo(200);
        assertThat(api.send("GET", "/UCBusinessRest/api/EEAMMailboxAddresses/" + address).statusCode()).isEqualTo(404);
    }

    // ---- lists ----------------------------------------------------------------------------------

    @Test
    void companyAndDepartmentListsAnswer404WithNoContentWhenNothingMatches() throws Exception {
        HttpResponse<String> companies = api.send("GET", "/UCBusinessRest/api/EEAMCompanies?pbxid=2");
        assertThat(companies.statusCode()).isEqualTo(404);
        assertThat(companies.body()).isEmpty();
        HttpResponse<String> departments = api.send("GET", "/UCBusinessRest/api/EEAMDepartments?companyid=1");
        assertThat(departments.statusCode()).isEqualTo(404);
        assertThat(departments.body()).isEmpty();
    }

    @Test
    void departmentsAreListedFlatWithTheirParentIds() throws Exception {
        long sales = create("EEAMDepartments", "{\"CompanyID\":1,\"DepartmentName\":\"Sales\"}");
        create("EEAMDepartments", "{\"companyid\":1,\"parentid\":" + sales + ",\"departmentname\":\"EMEA\"}");
        JsonNode departments = json(api.send("GET", "/UCBusinessRest/api/EEAMDepartments?companyid=1"));
        assertThat(departments).extracting(d -> d.path("DepartmentName").asText() + "<" + d.path("ParentID").asLong())
                .containsExactly("Sales<0", "EMEA<" + sales);
    }

    @Test
    void otherListsAnswer404OnlyForAnUnknownCompanyOrMailbox() throws Exception {
        long acme = createCompany("Acme");
        assertThat(json(api.send("GET", "/UCBusinessRest/api/EEAMFGroups?companyid=" + acme))).isEmpty();
        assertThat(json(api.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=" + acme + "&page=1"))).isEmpty();
        assertThat(api.send("GET", "/UCBusinessRest/api/EEAMFGroups?companyid=42").statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=42&page=1").statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/UCBusinessRest/api/EEAMMailboxAddresses?mailboxid=42&addresstype=0").statusCode())
                .isEqualTo(404);
    }

    @Test
    void mailboxesAreListedInPagesOfAFixedSize() throws Exception {
        for (int i = 1; i <= 7; i++) {
            createMailbox(1, 1, String.valueOf(1000 + i));
        }
        List<Integer> sizes = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            sizes.add(json(api.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=1&page=" + page)).size());
        }
        assertThat(sizes).containsExactly(PAGE_SIZE, PAGE_SIZE, 1, 0);
        JsonNode first = json(api.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=1"));
        assertThat(first).extracting(m -> m.path("MailboxNo").asText()).containsExactly("1001", "1002", "1003");
        // the document's misprint ?companyid=1,page=2 is read as company 1, page 2
        assertThat(json(api.send("GET", "/UCBusinessRest/api/EEAMMailboxes?companyid=1,page=2"))).hasSize(PAGE_SIZE);
    }

    @Test
    void addressesAreListedPerMailboxAndNarrowedByType() throws Exception {
        long mailbox = createMailbox(1, 1, "1001");
        create("EEAMMailboxAddresses", "{\"MailboxID\":" + mailbox + ",\"AddressType\":0,\"Address\":\"1001\"}");
        create("EEAMMailboxAddresses", "{\"MailboxID\":" + mailbox + ",\"AddressType\":2,\"Address\":\"a@b\"}");
        assertThat(json(api.send("GET", "/UCBusinessRest/api/EEAMMailboxAddresses?mailboxid=" + mailbox))).hasSize(2);
        JsonNode typeZero = json(api.send("GET", "/UCBusinessRest/api/EEAMMailboxAddresses?mailboxid=" + mailbox
                + "&addresstype=0"));
        assertThat(typeZero).extracting(a -> a.path("Address").asText()).containsExactly("1001");
    }

    // ---- state and concurrency ------------------------------------------------------------------

    @Test
    void snapshotAndRestoreCarryTheWholeState() throws Exception {
        long acme = createCompany("Acme");
        createMailbox(1, 1, "1001");
        JsonNode snapshot = simulator.snapshot();
        OfficelinxSimulator copy = new OfficelinxSimulator(SimCredentials.DEFAULT);
        copy.restore(snapshot);
        assertThat(copy.snapshot()).isEqualTo(snapshot);
        assertThat(snapshot.path("EEAMCompanies")).extracting(c -> c.path("CompanyID").asLong()).containsExactly(1L, acme);
    }

    @Test
    void stateSurvivesARestartThroughAStateFile(@TempDir Path dir) throws Exception {
        server.close();
        Path file = dir.resolve("olx.json");
        server = SimServer.start(SimOptions.DEFAULT.withStateFile(file), new OfficelinxSimulator(SimCredentials.DEFAULT));
        api = new OfficelinxHttp(server.baseUri());
        api.login();
        createCompany("Acme");
        server.close();
        server = SimServer.start(SimOptions.DEFAULT.withStateFile(file), new OfficelinxSimulator(SimCredentials.DEFAULT));
        api = new OfficelinxHttp(server.baseUri());
        api.login();
        assertThat(json(api.send("GET", "/UCBusinessRest/api/EEAMCompanies?pbxid=1")))
                .extracting(c -> c.path("CompanyName").asText()).contains("Acme");
    }

    @Test
    void concurrentCreatesGetDistinctIds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> creates = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String number = String.valueOf(2000 + i);
                creates.add(() -> createMailbox(1, 1, number));
            }
            Set<Long> ids = new TreeSet<>();
            for (Future<Long> id : pool.invokeAll(creates)) {
                ids.add(id.get());
            }
            assertThat(ids).hasSize(24);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- faults ---------------------------------------------------------------------------------

    @Test
    void error500AndTooManyRequestsDoNotProcessTheRequest() throws Exception {
        server.inject(FaultRule.parse("error-500:POST:/UCBusinessRest/api/EEAMCompanies"));
        server.inject(FaultRule.parse("too-many-requests:POST:/UCBusinessRest/api/EEAMCompanies"));
        String body = "{\"CompanyName\":\"Acme\",\"PBXID\":1}";
        assertThat(api.send("POST", "/UCBusinessRest/api/EEAMCompanies", body).statusCode()).isEqualTo(500);
        HttpResponse<String> throttled = api.send("POST", "/UCBusinessRest/api/EEAMCompanies", body);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(api.send("GET", "/UCBusinessRest/api/EEAMCompanies?pbxid=1"))).hasSize(1);
    }

    @Test
    void resetBeforeLeavesNothingCreated() throws Exception {
        server.inject(FaultRule.parse("reset-before:POST:/UCBusinessRest/api/EEAMCompanies"));
        assertThatThrownBy(() -> api.send("POST", "/UCBusinessRest/api/EEAMCompanies", "{\"CompanyName\":\"A\",\"PBXID\":1}"))
                .isInstanceOf(IOException.class);
        assertThat(json(api.send("GET", "/UCBusinessRest/api/EEAMCompanies?pbxid=1"))).hasSize(1);
    }

    @Test
    void resetAfterCreatesButNeverAnswers() throws Exception {
        server.inject(FaultRule.parse("reset-after:POST:/UCBusinessRest/api/EEAMCompanies"));
        assertThatThrownBy(() -> api.send("POST", "/UCBusinessRest/api/EEAMCompanies", "{\"CompanyName\":\"A\",\"PBXID\":1}"))
                .isInstanceOf(IOException.class);
        assertThat(json(api.send("GET", "/UCBusinessRest/api/EEAMCompanies?pbxid=1")))
                .extracting(c -> c.path("CompanyName").asText()).contains("A");
    }

    @Test
    void aSlowResponseOutlastsAClientTimeout() throws Exception {
        server.inject(FaultRule.parse("slow:GET:/UCBusinessRest/api/EEAMCompanies/1"));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        server.baseUri().resolve("/UCBusinessRest/api/EEAMCompanies/1"))
                .timeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aListAskedAgainIsAnsweredAlikeUntilAWriteChangesIt() throws Exception {
        String groups = "/UCBusinessRest/api/EEAMFGroups?companyid=1";
        String first = api.send("GET", groups).body();
        assertThat(api.send("GET", groups).body()).isEqualTo(first);
        long added = create("EEAMFGroups", "{\"CompanyID\":1,\"FGNumber\":7,\"Name\":\"Seven\"}");
        JsonNode afterCreate = json(api.send("GET", groups));
        assertThat(afterCreate).extracting(group -> group.path("Name").asText()).containsExactly("Default", "Seven");
        assertThat(api.send("PUT", "/UCBusinessRest/api/EEAMFGroups/" + added,
                "{\"CompanyID\":1,\"FGNumber\":7,\"Name\":\"Renamed\"}").statusCode()).isEqualTo(200);
        assertThat(json(api.send("GET", groups))).extracting(group -> group.path("Name").asText())
                .containsExactly("Default", "Renamed");
        assertThat(api.send("DELETE", "/UCBusinessRest/api/EEAMFGroups/" + added).statusCode()).isEqualTo(200);
        assertThat(api.send("GET", groups).body()).isEqualTo(first);
    }
}
