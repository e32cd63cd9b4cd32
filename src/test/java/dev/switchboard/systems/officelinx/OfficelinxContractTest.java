package dev.switchboard.systems.officelinx;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.ADDRESS;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.COMPANY;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.DEPARTMENT;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.FEATURE_GROUP;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.RetryPolicy;
import dev.switchboard.provider.Updater;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import dev.switchboard.sim.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider against WireMock: for each of the 26 calls the seed document describes (the two token
 * grants included), the exact request it sends and what it makes of each documented answer.
 *
 * <ul>
 *   <li>OAuth2 password grant, refresh grant: the {@code obtainsAToken...}, {@code refreshes...},
 *       {@code fallsBack...}, {@code reauthenticates...}, {@code concurrentCalls...} and
 *       {@code aRefusedPasswordGrant...} tests</li>
 *   <li>GetListOfCompanies, GetListOfDepartmentsInCompany, GetListOfGroupsInCompany,
 *       GetListOfMailboxesByPage, GetMailboxAddresses: {@code fetchReadsEveryList...},
 *       {@code aCompanyOrDepartmentList...404...}, {@code a404OnTheFeatureGroupMailboxOrAddressList...},
 *       {@code findByKey...} (GetMailboxAddresses with {@code addresstype})</li>
 *   <li>CompanyAdd, DepartmentAdd, FeatureGroupAdd, MailboxAdd, MailboxAddrAdd: {@code createsEachKind...},
 *       {@code aTopLevelDepartment...}, {@code readsTheNewIdFromTheBody...}, {@code aBadRequestOnCreate...}</li>
 *   <li>GetCompany, GetDepartment, GetFeatureGroup, GetMailbox and CompanyUpdate, DepartmentUpdate,
 *       FeatureGroupUpdate, MailboxUpdate, MailboxAddrUpdate: {@code updatesEachKind...},
 *       {@code anUpdateOfAnObjectThatIsGone...}, {@code aPutAnswered404Or400...}</li>
 *   <li>CompanyDelete, DeleteDepartment, DeleteFeatureGroup, MailboxDelete, MailboxAddrDelete:
 *       {@code deletesEachKindById}, {@code deleting404IsAlreadyDone...}, {@code companyOneIsRefused...}</li>
 * </ul>
 */
@QuarkusTest
class OfficelinxContractTest {

    static final String API = "/UCBusinessRest/api/";
    static final String TOKEN = "/UCOAuth2/oauth2/token";
    static final String PASSWORD = "pw-never-shown";
    static final String CLIENT_SECRET = "secret-never-shown";
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

    @Inject
    OfficelinxProviderFactory factory;

    private final MutableClock clock = new MutableClock();
    private WireMockServer wm;
    private Provider provider;

    private static final Map<ResourceKey, String> IDS = Map.of(
            ResourceKey.of(COMPANY, "Acme"), "5",
            ResourceKey.of(DEPARTMENT, "Acme", "Sales"), "20",
            ResourceKey.of(DEPARTMENT, "Acme", "Sales", "EMEA"), "21",
            ResourceKey.of(FEATURE_GROUP, "Acme", "56"), "30",
            ResourceKey.of(MAILBOX, "Acme", "1001"), "11");
    private final IdResolver ids = key -> Optional.ofNullable(IDS.get(key));

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        TargetSpec target = new TargetSpec("olx-contract", "officelinx", wm.baseUrl(),
                Map.of("clientId", "switchboard", "clientSecret", Secret.fromReference("${env:S}", CLIENT_SECRET),
                        "username", "admin", "password", Secret.fromReference("${env:P}", PASSWORD)),
                Map.of("pbx", 7L), TargetSpec.Tls.DEFAULT, TargetSpec.Policy.DEFAULT);
        provider = factory.open(target, java.net.URI.create(wm.baseUrl()), FAST_RETRIES, clock);
        stubPasswordGrant("T1", "R1");
    }

    @AfterEach
    void stop() {
        provider.close();
        wm.stop();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void stubPasswordGrant(String accessToken, String refreshToken) {
        wm.stubFor(post(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("password"))
                .willReturn(json(200, tokenBody(accessToken, refreshToken))));
    }

    private static String tokenBody(String accessToken, String refreshToken) {
        return "{\"access_token\":\"" + accessToken + "\",\"expires_in\":3600,\"refresh_token\":\"" + refreshToken
                + "\",\"scope\":\"http://localhost/\",\"token_type\":\"bearer\"}";
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    private static ResponseDefinitionBuilder created(String resource, String id, String body) {
        return json(201, body).withHeader("Location", "http://uc.example.com" + API + resource + "/" + id);
    }

    /** Every API call carries the bearer token and, when it has a body, says it is JSON. */
    private void verifyApi(RequestPatternBuilder request) {
        wm.verify(exactly(1), request.withHeader("Authorization", equalTo("Bearer T1")));
    }

    private static RequestPatternBuilder withJson(RequestPatternBuilder request, String body) {
        return request.withHeader("Content-Type", equalTo("application/json")).withRequestBody(equalToJson(body));
    }

    private static Resource desired(ResourceKind kind, Map<String, Object> fields, String... key) {
        return Resource.desired(ResourceKey.of(kind, key), fields, Set.of(), ResourceOptions.NONE,
                SourceLocation.startOf(Path.of("officelinx/acme.yaml")));
    }

    private static Resource live(ResourceKind kind, String id, String... key) {
        return Resource.live(ResourceKey.of(kind, key), id, Map.of(), Set.of());
    }

    private Creator creator(ResourceKind kind) {
        return (Creator) provider.type(kind).orElseThrow();
    }

    private Updater updater(ResourceKind kind) {
        return (Updater) provider.type(kind).orElseThrow();
    }

    private Deleter deleter(ResourceKind kind) {
        return (Deleter) provider.type(kind).orElseThrow();
    }

    /** Acme (company 5) on PBX 7, with Sales/EMEA, feature group 56, mailboxes over two pages, addresses. */
    private void stubAcme() {
        wm.stubFor(get(urlEqualTo(API + "EEAMCompanies?pbxid=7")).willReturn(json(200,
                "[{\"CompanyID\":5,\"PBXID\":7,\"CompanyName\":\"Acme\"}]")));
        // the server's casing is not trusted: keys are read case-insensitively
        wm.stubFor(get(urlEqualTo(API + "EEAMDepartments?companyid=5")).willReturn(json(200,
                "[{\"DepartmentID\":20,\"CompanyID\":5,\"ParentID\":0,\"DepartmentName\":\"Sales\"},"
                        + "{\"departmentid\":21,\"companyid\":5,\"parentid\":20,\"departmentname\":\"EMEA\"}]")));
        wm.stubFor(get(urlEqualTo(API + "EEAMFGroups?companyid=5")).willReturn(json(200,
                "[{\"FGroupID\":30,\"CompanyID\":5,\"FGNumber\":56,\"Name\":\"Standard\"}]")));
        // pages count from 1 on this server: it has no page 0, which the provider asks for first
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxes?companyid=5&page=0")).willReturn(aResponse().withStatus(404)));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxes?companyid=5&page=1")).willReturn(json(200,
                "[" + mailbox(11, "1001", 21) + "," + mailbox(12, "1002", 0) + "]")));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxes?companyid=5&page=2")).willReturn(json(200,
                "[" + mailbox(13, "1003", 20) + "]")));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=11")).willReturn(json(200,
                "[{\"AddressID\":40,\"MailboxID\":11,\"AddressType\":0,\"Address\":\"1001\"},"
                        + "{\"AddressID\":41,\"MailboxID\":11,\"AddressType\":2,\"Address\":\"alice@acme.example\"}]")));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=12")).willReturn(json(200, "[]")));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=13")).willReturn(json(200, "[]")));
    }

    private static String mailbox(long id, String number, long department) {
        return "{\"MailboxID\":" + id + ",\"CompanyID\":5,\"MailboxNo\":\"" + number + "\",\"UserName\":\"u" + number
                + "@acme.example\",\"FirstName\":\"F" + number + "\",\"LastName\":\"L\",\"FGroupID\":30,"
                + "\"DepartmentID\":" + department + ",\"Language\":\"en-US\",\"CreationDate\":\"2026-01-01T00:00:00\","
                + "\"Folders\":[\"TOP\",\"DRAFT\",\"INBOX\",\"OUTBOX\",\"SENT\",\"TRASH\"]}";
    }

    // ---- OAuth2: password grant, refresh grant ----------------------------------------------------

    @Test
    void obtainsATokenOnceWithThePasswordGrantAndSendsItAsBearer() {
        stubAcme();
        provider.fetchLiveState(FetchProgress.NONE);
        provider.fetchLiveState(FetchProgress.NONE);
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("password"))
                .withFormParam("client_id", equalTo("switchboard"))
                .withFormParam("client_secret", equalTo(CLIENT_SECRET))
                .withFormParam("username", equalTo("admin"))
                .withFormParam("password", equalTo(PASSWORD))
                .withFormParam("scope", equalTo("http://localhost/"))
                .withoutHeader("Authorization"));
        wm.verify(exactly(2), getRequestedFor(urlEqualTo(API + "EEAMCompanies?pbxid=7"))
                .withHeader("Authorization", equalTo("Bearer T1")));
    }

    @Test
    void refreshesTheTokenWithTheRefreshGrantShortlyBeforeItExpires() {
        wm.stubFor(post(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("refresh_token"))
                .willReturn(json(200, tokenBody("T2", "R2"))));
        wm.stubFor(get(urlEqualTo(API + "EEAMCompanies?pbxid=7")).willReturn(aResponse().withStatus(404)));
        provider.fetchLiveState(FetchProgress.NONE);
        clock.advance(Duration.ofSeconds(3600 - 4));
        provider.fetchLiveState(FetchProgress.NONE);
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("R1"))
                .withFormParam("client_id", equalTo("switchboard"))
                .withFormParam("client_secret", equalTo(CLIENT_SECRET))
                .withoutFormParam("password"));
        wm.verify(exactly(1), getRequestedFor(urlEqualTo(API + "EEAMCompanies?pbxid=7"))
                .withHeader("Authorization", equalTo("Bearer T2")));
    }

    @Test
    void fallsBackToThePasswordGrantWhenTheRefreshIsRefused() {
        wm.stubFor(post(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("refresh_token"))
                .willReturn(json(400, "{\"error\":\"invalid_grant\"}")));
        wm.stubFor(get(urlEqualTo(API + "EEAMCompanies?pbxid=7")).willReturn(aResponse().withStatus(404)));
        provider.fetchLiveState(FetchProgress.NONE);
        clock.advance(Duration.ofHours(2));
        provider.fetchLiveState(FetchProgress.NONE);
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("refresh_token")));
        wm.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("password")));
    }

    @Test
    void reauthenticatesOnceAfterA401AndRetriesTheCall() {
        wm.stubFor(post(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("refresh_token"))
                .willReturn(json(200, tokenBody("T2", "R2"))));
        wm.stubFor(get(urlEqualTo(API + "EEAMCompanies?pbxid=7")).withHeader("Authorization", equalTo("Bearer T1"))
                .willReturn(json(401, "{\"Message\":\"Authorization has been denied for this request.\"}")));
        wm.stubFor(get(urlEqualTo(API + "EEAMCompanies?pbxid=7")).withHeader("Authorization", equalTo("Bearer T2"))
                .willReturn(aResponse().withStatus(404)));
        assertThat(provider.fetchLiveState(FetchProgress.NONE).all()).isEmpty();
        wm.verify(exactly(2), getRequestedFor(urlEqualTo(API + "EEAMCompanies?pbxid=7")));
    }

    @Test
    void aSecond401InARowIsAnErrorNotALoop() {
        wm.stubFor(post(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("refresh_token"))
                .willReturn(json(200, tokenBody("T2", "R2"))));
        wm.stubFor(get(urlEqualTo(API + "EEAMCompanies?pbxid=7"))
                .willReturn(json(401, "{\"Message\":\"Authorization has been denied for this request.\"}")));
        assertThatThrownBy(() -> provider.fetchLiveState(FetchProgress.NONE))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("Authorization has been denied").doesNotContain("T1", "T2");
                });
        wm.verify(exactly(2), getRequestedFor(urlEqualTo(API + "EEAMCompanies?pbxid=7")));
    }

    @Test
    void concurrentCallsShareOneTokenFetch() throws Exception {
        wm.stubFor(post(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("password"))
                .willReturn(json(200, tokenBody("T1", "R1")).withFixedDelay(200)));
        wm.stubFor(get(urlEqualTo(API + "EEAMCompanies?pbxid=7")).willReturn(aResponse().withStatus(404)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Optional<Resource>>> lookups = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                lookups.add(() -> creator(COMPANY).findByKey(desired(COMPANY, Map.of(), "Acme"), ids));
            }
            for (Future<Optional<Resource>> lookup : pool.invokeAll(lookups)) {
                assertThat(lookup.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
        wm.verify(exactly(6), getRequestedFor(urlEqualTo(API + "EEAMCompanies?pbxid=7"))
                .withHeader("Authorization", equalTo("Bearer T1")));
    }

    @Test
    void aRefusedPasswordGrantIsAnErrorThatShowsNoSecret() {
        wm.stubFor(post(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("password"))
                .willReturn(json(400, "{\"error\":\"invalid_grant\"}")));
        assertThatThrownBy(() -> provider.fetchLiveState(FetchProgress.NONE))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("olx-contract", "POST", TOKEN, "invalid_grant")
                            .doesNotContain(PASSWORD, CLIENT_SECRET);
                });
        wm.verify(0, getRequestedFor(urlPathEqualTo(API + "EEAMCompanies")));
    }

    // ---- the lists: GetListOfCompanies, ...InCompany, ...ByPage, GetMailboxAddresses --------------

    @Test
    void fetchReadsEveryListAsDocumentedAndMapsToTheDesiredShape() {
        stubAcme();
        List<Integer> progress = new ArrayList<>();
        ResourceSet live = provider.fetchLiveState(progress::add);

        verifyApi(getRequestedFor(urlEqualTo(API + "EEAMCompanies?pbxid=7")));
        verifyApi(getRequestedFor(urlEqualTo(API + "EEAMDepartments?companyid=5")));
        verifyApi(getRequestedFor(urlEqualTo(API + "EEAMFGroups?companyid=5")));
        verifyApi(getRequestedFor(urlEqualTo(API + "EEAMMailboxes?companyid=5&page=1")));
        verifyApi(getRequestedFor(urlEqualTo(API + "EEAMMailboxes?companyid=5&page=2")));
        wm.verify(0, getRequestedFor(urlEqualTo(API + "EEAMMailboxes?companyid=5&page=3")));
        for (String mailbox : List.of("11", "12", "13")) {
            verifyApi(getRequestedFor(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=" + mailbox)));
        }

        assertThat(live.get(ResourceKey.of(COMPANY, "Acme")).orElseThrow().fields())
                .isEqualTo(Map.of("name", "Acme", "pbx", 7L));
        assertThat(live.get(ResourceKey.of(DEPARTMENT, "Acme", "Sales", "EMEA")).orElseThrow().requireId()).isEqualTo("21");
        assertThat(live.get(ResourceKey.of(FEATURE_GROUP, "Acme", "56")).orElseThrow().fields())
                .isEqualTo(Map.of("number", 56L, "name", "Standard"));
        assertThat(live.get(ResourceKey.of(MAILBOX, "Acme", "1001")).orElseThrow().fields()).isEqualTo(Map.of(
                "number", "1001", "userName", "u1001@acme.example", "firstName", "F1001", "lastName", "L",
                "featureGroup", 56L, "department", "Sales/EMEA"));
        assertThat(live.get(ResourceKey.of(MAILBOX, "Acme", "1002")).orElseThrow().fields()).doesNotContainKey("department");
        assertThat(live.get(ResourceKey.of(MAILBOX, "Acme", "1003")).orElseThrow().fields()).containsEntry("department", "Sales");
        assertThat(live.get(ResourceKey.of(ADDRESS, "Acme", "1001", "2", "alice@acme.example")).orElseThrow().fields())
                .isEqualTo(Map.of("type", 2L, "address", "alice@acme.example"));
        assertThat(live.size()).isEqualTo(1 + 2 + 1 + 3 + 2);
        // each call tells the objects that read brought: they add up to what was read
        assertThat(progress.stream().mapToInt(Integer::intValue).sum()).isEqualTo(live.size());
    }

    @Test
    void aCompanyOrDepartmentListAnswering404IsEmptyAsTheDocumentSays() {
        wm.stubFor(get(urlEqualTo(API + "EEAMCompanies?pbxid=7")).willReturn(json(200,
                "[{\"CompanyID\":5,\"PBXID\":7,\"CompanyName\":\"Acme\"}]")));
        wm.stubFor(get(urlEqualTo(API + "EEAMDepartments?companyid=5")).willReturn(aResponse().withStatus(404)));
        wm.stubFor(get(urlEqualTo(API + "EEAMFGroups?companyid=5")).willReturn(json(200, "[]")));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxes?companyid=5&page=0")).willReturn(json(200, "[]")));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxes?companyid=5&page=1")).willReturn(json(200, "[]")));
        assertThat(provider.fetchLiveState(FetchProgress.NONE).all()).extracting(Resource::key)
                .containsExactly(ResourceKey.of(COMPANY, "Acme"));

        wm.stubFor(get(urlEqualTo(API + "EEAMCompanies?pbxid=7")).willReturn(aResponse().withStatus(404)));
        assertThat(provider.fetchLiveState(FetchProgress.NONE).all()).isEmpty();
    }

    @Test
    void aBare404OnAnyListIsEmptyButARouteErrorIsAnErrorNamingApiRoot() {
        stubAcme();
        // "If the products do not exist, a 404 Not found status message is returned with no content": a server
        // may answer every empty list so
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=12")).willReturn(aResponse().withStatus(404)));
        wm.stubFor(get(urlEqualTo(API + "EEAMFGroups?companyid=5")).willReturn(aResponse().withStatus(404)));
        assertThat(provider.fetchLiveState(FetchProgress.NONE).ofKind(FEATURE_GROUP)).isEmpty();

        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxes?companyid=5&page=1")).willReturn(json(404,
                "{\"Message\":\"No HTTP resource was found that matches the request URI '" + API + "EEAMMailboxes'.\"}")));
        assertThatThrownBy(() -> provider.fetchLiveState(FetchProgress.NONE))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.path()).isEqualTo(API + "EEAMMailboxes?companyid=5&page=1");
                    assertThat(e.getMessage()).contains("No HTTP resource was found").contains("set apiRoot on the target");
                });
    }

    @Test
    void findByKeyListsTheParentScopeIncludingAddressesByType() {
        stubAcme();
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=11&addresstype=2")).willReturn(json(200,
                "[{\"AddressID\":41,\"MailboxID\":11,\"AddressType\":2,\"Address\":\"alice@acme.example\"}]")));
        Optional<Resource> address = creator(ADDRESS).findByKey(desired(ADDRESS, Map.of(), "Acme", "1001", "2",
                "alice@acme.example"), ids);
        assertThat(address).hasValueSatisfying(found -> assertThat(found.requireId()).isEqualTo("41"));
        verifyApi(getRequestedFor(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=11&addresstype=2")));

        assertThat(creator(MAILBOX).findByKey(desired(MAILBOX, Map.of(), "Acme", "1003"), ids))
                .hasValueSatisfying(found -> assertThat(found.requireId()).isEqualTo("13"));
        assertThat(creator(COMPANY).findByKey(desired(COMPANY, Map.of(), "Acme"), ids))
                .hasValueSatisfying(found -> assertThat(found.requireId()).isEqualTo("5"));
        assertThat(creator(FEATURE_GROUP).findByKey(desired(FEATURE_GROUP, Map.of(), "Acme", "57"), ids)).isEmpty();
    }

    // ---- CompanyAdd, DepartmentAdd, FeatureGroupAdd, MailboxAdd, MailboxAddrAdd -------------------

    @Test
    void createsEachKindWithTheDocumentedBodyAndReadsTheIdFromLocation() {
        wm.stubFor(post(urlEqualTo(API + "EEAMCompanies")).willReturn(created("EEAMCompanies", "5", "{}")));
        wm.stubFor(post(urlEqualTo(API + "EEAMDepartments")).willReturn(created("EEAMDepartments", "21", "{}")));
        wm.stubFor(post(urlEqualTo(API + "EEAMFGroups")).willReturn(created("EEAMFGroups", "30", "{}")));
        wm.stubFor(post(urlEqualTo(API + "EEAMMailboxes")).willReturn(created("EEAMMailboxes", "11", "{}")));
        wm.stubFor(post(urlEqualTo(API + "EEAMMailboxAddresses")).willReturn(created("EEAMMailboxAddresses", "40", "{}")));

        assertThat(creator(COMPANY).create(desired(COMPANY, Map.of("name", "Acme", "pbx", 7L), "Acme"), ids)
                .requireId()).isEqualTo("5");
        assertThat(creator(DEPARTMENT).create(desired(DEPARTMENT, Map.of("name", "EMEA"), "Acme", "Sales", "EMEA"), ids)
                .requireId()).isEqualTo("21");
        assertThat(creator(FEATURE_GROUP).create(desired(FEATURE_GROUP, Map.of("number", 56L, "name", "Standard"),
                "Acme", "56"), ids).requireId()).isEqualTo("30");
        Resource created = creator(MAILBOX).create(desired(MAILBOX, Map.of("number", "1001", "userName", "alice@acme.example",
                "firstName", "Alice", "lastName", "Liddell", "featureGroup", 56L, "department", "Sales/EMEA"),
                "Acme", "1001"), ids);
        assertThat(created.requireId()).isEqualTo("11");
        assertThat(created.fields()).containsEntry("department", "Sales/EMEA");
        assertThat(creator(ADDRESS).create(desired(ADDRESS, Map.of("type", 0L, "address", "1001"),
                "Acme", "1001", "0", "1001"), ids).requireId()).isEqualTo("40");

        verifyApi(withJson(postRequestedFor(urlEqualTo(API + "EEAMCompanies")),
                "{\"CompanyName\":\"Acme\",\"PBXID\":7}"));
        verifyApi(withJson(postRequestedFor(urlEqualTo(API + "EEAMDepartments")),
                "{\"CompanyID\":5,\"ParentID\":20,\"DepartmentName\":\"EMEA\"}"));
        verifyApi(withJson(postRequestedFor(urlEqualTo(API + "EEAMFGroups")),
                "{\"CompanyID\":5,\"FGNumber\":56,\"Name\":\"Standard\"}"));
        verifyApi(withJson(postRequestedFor(urlEqualTo(API + "EEAMMailboxes")),
                "{\"CompanyID\":5,\"MailboxNo\":\"1001\",\"UserName\":\"alice@acme.example\",\"FirstName\":\"Alice\","
                        + "\"LastName\":\"Liddell\",\"FGroupID\":30,\"DepartmentID\":21}"));
        verifyApi(withJson(postRequestedFor(urlEqualTo(API + "EEAMMailboxAddresses")),
                "{\"MailboxID\":11,\"AddressType\":0,\"Address\":\"1001\"}"));
    }

    @Test
    void aTopLevelDepartmentHasParentZeroAndAnUndeclaredPbxIsTheTargets() {
        wm.stubFor(post(urlEqualTo(API + "EEAMDepartments")).willReturn(created("EEAMDepartments", "20", "{}")));
        wm.stubFor(post(urlEqualTo(API + "EEAMCompanies")).willReturn(created("EEAMCompanies", "6", "{}")));
        creator(DEPARTMENT).create(desired(DEPARTMENT, Map.of("name", "Sales"), "Acme", "Sales"), ids);
        creator(COMPANY).create(desired(COMPANY, Map.of("name", "Beta"), "Beta"), ids);
        verifyApi(withJson(postRequestedFor(urlEqualTo(API + "EEAMDepartments")),
                "{\"CompanyID\":5,\"ParentID\":0,\"DepartmentName\":\"Sales\"}"));
        verifyApi(withJson(postRequestedFor(urlEqualTo(API + "EEAMCompanies")), "{\"CompanyName\":\"Beta\",\"PBXID\":7}"));
    }

    @Test
    void readsTheNewIdFromTheBodyWhenThereIsNoLocation() {
        wm.stubFor(post(urlEqualTo(API + "EEAMFGroups")).willReturn(json(201,
                "{\"FGroupID\":31,\"CompanyID\":5,\"FGNumber\":57,\"Name\":\"Other\"}")));
        assertThat(creator(FEATURE_GROUP).create(desired(FEATURE_GROUP, Map.of("number", 57L, "name", "Other"),
                "Acme", "57"), ids).requireId()).isEqualTo("31");
    }

    @Test
    void aCreateAnsweredWithTheStatusOnlyTakesTheIdOfTheObjectItsNaturalKeyFinds() {
        stubAcme();
        wm.stubFor(post(urlEqualTo(API + "EEAMFGroups")).willReturn(aResponse().withStatus(201)));
        wm.stubFor(get(urlEqualTo(API + "EEAMFGroups?companyid=5")).willReturn(json(200,
                "[{\"FGroupID\":30,\"CompanyID\":5,\"FGNumber\":56,\"Name\":\"Standard\"},"
                        + "{\"FGroupID\":31,\"CompanyID\":5,\"FGNumber\":57,\"Name\":\"Other\"}]")));
        assertThat(creator(FEATURE_GROUP).create(desired(FEATURE_GROUP, Map.of("number", 57L, "name", "Other"),
                "Acme", "57"), ids).requireId()).isEqualTo("31");
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(API + "EEAMFGroups")));
    }

    @Test
    void aCreateAnsweredWithTheStatusOnlyThatTheListDoesNotShowIsAnErrorThatIsNeverPostedAgain() {
        stubAcme();
        wm.stubFor(post(urlEqualTo(API + "EEAMFGroups")).willReturn(aResponse().withStatus(201)));
        assertThatThrownBy(() -> creator(FEATURE_GROUP).create(desired(FEATURE_GROUP,
                Map.of("number", 57L, "name", "Other"), "Acme", "57"), ids))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.outcomeUnknown()).as("answered: the apply must not create it again").isFalse();
                    assertThat(e.getMessage()).isEqualTo("target olx-contract, featureGroup Acme/57: POST " + API
                            + "EEAMFGroups -> HTTP 201: created, but neither Location nor the body names the new "
                            + "FGroupID, and reading the list does not find it by its natural key; it is not created "
                            + "again: look for it on the server");
                });
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(API + "EEAMFGroups")));
    }

    @Test
    void aBadRequestOnCreateCarriesTheServersMessageAndIsNotRetried() {
        wm.stubFor(post(urlEqualTo(API + "EEAMMailboxes")).willReturn(json(400,
                "{\"Message\":\"Mailbox number 1001 already exists in company 5.\"}")));
        assertThatThrownBy(() -> creator(MAILBOX).create(desired(MAILBOX, Map.of("number", "1001", "userName", "a",
                "firstName", "A", "lastName", "L", "featureGroup", 56L), "Acme", "1001"), ids))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.outcomeUnknown()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("target olx-contract, mailbox Acme/1001: POST "
                            + API + "EEAMMailboxes -> HTTP 400: Mailbox number 1001 already exists in company 5.");
                });
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(API + "EEAMMailboxes")));
    }

    // ---- the Gets by ID and the Updates: GET, overlay, PUT ---------------------------------------

    @Test
    void updatesEachKindByGetOverlayPutKeepingTheServersFieldsAndCasing() {
        wm.stubFor(get(urlEqualTo(API + "EEAMCompanies/5")).willReturn(json(200,
                "{\"CompanyID\":5,\"PBXID\":7,\"CompanyName\":\"Acme\",\"TimeZone\":\"UTC\"}")));
        wm.stubFor(get(urlEqualTo(API + "EEAMDepartments/21")).willReturn(json(200,
                "{\"DepartmentID\":21,\"CompanyID\":5,\"ParentID\":20,\"DEPARTMENTNAME\":\"EMEA\"}")));
        wm.stubFor(get(urlEqualTo(API + "EEAMFGroups/30")).willReturn(json(200,
                "{\"FGroupID\":30,\"CompanyID\":5,\"FGNumber\":56,\"Name\":\"Standard\",\"Features\":[1,2]}")));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxes/11")).willReturn(json(200, mailbox(11, "1001", 21))));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=11&addresstype=2")).willReturn(json(200,
                "[{\"AddressID\":41,\"MailboxID\":11,\"AddressType\":2,\"Address\":\"a@acme.example\",\"Primary\":true}]")));
        for (String path : List.of("EEAMCompanies/5", "EEAMDepartments/21", "EEAMFGroups/30", "EEAMMailboxes/11",
                "EEAMMailboxAddresses/41")) {
            wm.stubFor(put(urlEqualTo(API + path)).willReturn(aResponse().withStatus(200)));
        }

        updater(COMPANY).update(live(COMPANY, "5", "Acme"), desired(COMPANY, Map.of("pbx", 8L), "Acme"), Set.of("pbx"), ids);
        updater(DEPARTMENT).update(live(DEPARTMENT, "21", "Acme", "Sales", "EMEA"),
                desired(DEPARTMENT, Map.of("name", "Europe"), "Acme", "Sales", "EMEA"), Set.of("name"), ids);
        updater(FEATURE_GROUP).update(live(FEATURE_GROUP, "30", "Acme", "56"),
                desired(FEATURE_GROUP, Map.of("number", 56L, "name", "Premium"), "Acme", "56"), Set.of("name"), ids);
        updater(MAILBOX).update(live(MAILBOX, "11", "Acme", "1001"), desired(MAILBOX, Map.of("number", "1001",
                "firstName", "Alicia", "lastName", "Ignored"), "Acme", "1001"), Set.of("firstName", "department"), ids);
        updater(ADDRESS).update(live(ADDRESS, "41", "Acme", "1001", "2", "a@acme.example"),
                desired(ADDRESS, Map.of("type", 2L, "address", "b@acme.example"), "Acme", "1001", "2", "a@acme.example"),
                Set.of("address"), ids);

        verifyApi(getRequestedFor(urlEqualTo(API + "EEAMCompanies/5")));
        verifyApi(getRequestedFor(urlEqualTo(API + "EEAMDepartments/21")));
        verifyApi(getRequestedFor(urlEqualTo(API + "EEAMFGroups/30")));
        verifyApi(getRequestedFor(urlEqualTo(API + "EEAMMailboxes/11")));
        verifyApi(getRequestedFor(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=11&addresstype=2")));
        verifyApi(withJson(putRequestedFor(urlEqualTo(API + "EEAMCompanies/5")),
                "{\"CompanyID\":5,\"PBXID\":8,\"CompanyName\":\"Acme\",\"TimeZone\":\"UTC\"}"));
        verifyApi(withJson(putRequestedFor(urlEqualTo(API + "EEAMDepartments/21")),
                "{\"DepartmentID\":21,\"CompanyID\":5,\"ParentID\":20,\"DEPARTMENTNAME\":\"Europe\"}"));
        verifyApi(withJson(putRequestedFor(urlEqualTo(API + "EEAMFGroups/30")),
                "{\"FGroupID\":30,\"CompanyID\":5,\"FGNumber\":56,\"Name\":\"Premium\",\"Features\":[1,2]}"));
        // department no longer declared: DepartmentID 0; lastName not in the update set: untouched
        verifyApi(withJson(putRequestedFor(urlEqualTo(API + "EEAMMailboxes/11")),
                mailbox(11, "1001", 0).replace("\"FirstName\":\"F1001\"", "\"FirstName\":\"Alicia\"")));
        verifyApi(withJson(putRequestedFor(urlEqualTo(API + "EEAMMailboxAddresses/41")),
                "{\"AddressID\":41,\"MailboxID\":11,\"AddressType\":2,\"Address\":\"b@acme.example\",\"Primary\":true}"));
    }

    @Test
    void anUpdateOfAnObjectThatIsGoneFailsWithTheGets404() {
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxes/11")).willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> updater(MAILBOX).update(live(MAILBOX, "11", "Acme", "1001"),
                desired(MAILBOX, Map.of("firstName", "A"), "Acme", "1001"), Set.of("firstName"), ids))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.method()).isEqualTo("GET");
                });
        wm.verify(0, putRequestedFor(urlPathEqualTo(API + "EEAMMailboxes/11")));
    }

    @Test
    void aPutAnswered404Or400IsAnError() {
        wm.stubFor(get(urlEqualTo(API + "EEAMFGroups/30")).willReturn(json(200,
                "{\"FGroupID\":30,\"CompanyID\":5,\"FGNumber\":56,\"Name\":\"Standard\"}")));
        wm.stubFor(put(urlEqualTo(API + "EEAMFGroups/30")).willReturn(json(400,
                "{\"Message\":\"Feature group number 57 already exists in company 5.\"}")));
        assertThatThrownBy(() -> updater(FEATURE_GROUP).update(live(FEATURE_GROUP, "30", "Acme", "56"),
                desired(FEATURE_GROUP, Map.of("number", 57L), "Acme", "56"), Set.of("number"), ids))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage())
                        .contains("PUT " + API + "EEAMFGroups/30 -> HTTP 400: Feature group number 57"));
        wm.stubFor(put(urlEqualTo(API + "EEAMFGroups/30")).willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> updater(FEATURE_GROUP).update(live(FEATURE_GROUP, "30", "Acme", "56"),
                desired(FEATURE_GROUP, Map.of("name", "X"), "Acme", "56"), Set.of("name"), ids))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    // ---- the Deletes ----------------------------------------------------------------------------

    @Test
    void deletesEachKindById() {
        for (String path : List.of("EEAMCompanies/5", "EEAMDepartments/21", "EEAMFGroups/30", "EEAMMailboxes/11",
                "EEAMMailboxAddresses/40")) {
            wm.stubFor(delete(urlEqualTo(API + path)).willReturn(aResponse().withStatus(200)));
            wm.stubFor(get(urlEqualTo(API + path)).willReturn(aResponse().withStatus(404)));
        }
        deleter(ADDRESS).delete(live(ADDRESS, "40", "Acme", "1001", "0", "1001"));
        deleter(MAILBOX).delete(live(MAILBOX, "11", "Acme", "1001"));
        deleter(FEATURE_GROUP).delete(live(FEATURE_GROUP, "30", "Acme", "56"));
        deleter(DEPARTMENT).delete(live(DEPARTMENT, "21", "Acme", "Sales", "EMEA"));
        deleter(COMPANY).delete(live(COMPANY, "5", "Acme"));
        for (String path : List.of("EEAMCompanies/5", "EEAMDepartments/21", "EEAMFGroups/30", "EEAMMailboxes/11",
                "EEAMMailboxAddresses/40")) {
            verifyApi(deleteRequestedFor(urlEqualTo(API + path)).withRequestBody(absent()));
        }
        for (String path : List.of("EEAMCompanies/5", "EEAMDepartments/21", "EEAMFGroups/30", "EEAMMailboxes/11")) {
            verifyApi(getRequestedFor(urlEqualTo(API + path)));
        }
    }

    @Test
    void aDeleteTheServerAnsweredButDidNotCarryOutIsAnError() {
        wm.stubFor(delete(urlEqualTo(API + "EEAMFGroups/30")).willReturn(aResponse().withStatus(200)));
        wm.stubFor(get(urlEqualTo(API + "EEAMFGroups/30")).willReturn(json(200,
                "{\"FGroupID\":30,\"CompanyID\":5,\"FGNumber\":56,\"Name\":\"Standard\"}")));
        assertThatThrownBy(() -> deleter(FEATURE_GROUP).delete(live(FEATURE_GROUP, "30", "Acme", "56")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage())
                        .contains("featureGroup Acme/56", "DELETE", "EEAMFGroups/30", "it was not deleted"));

        // the server handed the ID to another object since ("the maximum ID + 1"): ours is gone
        wm.stubFor(get(urlEqualTo(API + "EEAMFGroups/30")).willReturn(json(200,
                "{\"FGroupID\":30,\"CompanyID\":5,\"FGNumber\":57,\"Name\":\"Executive\"}")));
        deleter(FEATURE_GROUP).delete(live(FEATURE_GROUP, "30", "Acme", "56"));
    }

    @Test
    void aDepartmentWithNoDeleteRouteByIdIsDeletedInTheSamplesQueryForm() {
        // "r = s.delete('.../EEAMDepartments?id=1&parentid=0')": a server may have only that route
        wm.stubFor(delete(urlEqualTo(API + "EEAMDepartments/21")).willReturn(json(404,
                "{\"Message\":\"No HTTP resource was found that matches the request URI '" + API + "EEAMDepartments/21'.\"}")));
        wm.stubFor(get(urlEqualTo(API + "EEAMDepartments/21")).inScenario("department").whenScenarioStateIs(STARTED)
                .willReturn(json(200, "{\"DepartmentID\":21,\"CompanyID\":5,\"ParentID\":20,\"DepartmentName\":\"EMEA\"}")));
        wm.stubFor(delete(urlEqualTo(API + "EEAMDepartments?id=21&parentid=20")).inScenario("department")
                .willReturn(aResponse().withStatus(200)).willSetStateTo("deleted"));
        wm.stubFor(get(urlEqualTo(API + "EEAMDepartments/21")).inScenario("department").whenScenarioStateIs("deleted")
                .willReturn(aResponse().withStatus(404)));
        deleter(DEPARTMENT).delete(live(DEPARTMENT, "21", "Acme", "Sales", "EMEA"));
        verifyApi(deleteRequestedFor(urlEqualTo(API + "EEAMDepartments?id=21&parentid=20")));
        wm.verify(exactly(2), getRequestedFor(urlEqualTo(API + "EEAMDepartments/21")));
    }

    @Test
    void aDeleteWithNoRouteIsAnErrorNamingApiRootNotAlreadyGone() {
        wm.stubFor(delete(urlEqualTo(API + "EEAMMailboxes/11")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><body>HTTP Error 404.0 - Not Found</body></html>")));
        assertThatThrownBy(() -> deleter(MAILBOX).delete(live(MAILBOX, "11", "Acme", "1001")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage())
                        .contains("mailbox Acme/1001", "HTTP 404", "set apiRoot on the target"));
    }

    @Test
    void deleting404IsAlreadyDoneAndABadRequestIsAnError() {
        wm.stubFor(delete(urlEqualTo(API + "EEAMMailboxes/11")).willReturn(aResponse().withStatus(404)));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxes/11")).willReturn(aResponse().withStatus(404)));
        deleter(MAILBOX).delete(live(MAILBOX, "11", "Acme", "1001"));
        wm.stubFor(delete(urlEqualTo(API + "EEAMDepartments/20")).willReturn(json(400,
                "{\"Message\":\"Department 20 still has departments or mailboxes.\"}")));
        assertThatThrownBy(() -> deleter(DEPARTMENT).delete(live(DEPARTMENT, "20", "Acme", "Sales")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage())
                        .contains("department Acme/Sales", "DELETE", "HTTP 400", "still has departments"));
    }

    @Test
    void companyOneIsRefusedAtPlanTime() {
        assertThat(deleter(COMPANY).deletionRefusal(live(COMPANY, "1", "Default Company"))).isPresent();
        assertThat(deleter(COMPANY).deletionRefusal(live(COMPANY, "5", "Acme"))).isEmpty();
    }

    // ---- faults ---------------------------------------------------------------------------------

    @Test
    void retriesAnIdempotentGetAfterA500() {
        wm.stubFor(get(urlEqualTo(API + "EEAMCompanies?pbxid=7")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(json(500, "{\"Message\":\"An error has occurred.\"}")));
        wm.stubFor(get(urlEqualTo(API + "EEAMCompanies?pbxid=7")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(404)));
        assertThat(provider.fetchLiveState(FetchProgress.NONE).all()).isEmpty();
        wm.verify(exactly(2), getRequestedFor(urlEqualTo(API + "EEAMCompanies?pbxid=7")));
    }

    // The mailboxes' address lists are read with no thread waiting for them (ApiCaller.callAsync): what
    // follows an answer that is not the list, and a token to renew, happen off the HTTP client's event loop.

    @Test
    void anAddressListThatFailsIsRetriedAndTheFetchHasItsAddresses() {
        stubAcme();
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=11")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("reset")
                .willReturn(json(503, "{\"Message\":\"The service is unavailable.\"}")));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=11")).inScenario("flaky")
                .whenScenarioStateIs("reset").willSetStateTo("recovered")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=11")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(json(200,
                        "[{\"AddressID\":41,\"MailboxID\":11,\"AddressType\":2,\"Address\":\"alice@acme.example\"}]")));
        ResourceSet live = provider.fetchLiveState(FetchProgress.NONE);
        assertThat(live.get(ResourceKey.of(ADDRESS, "Acme", "1001", "2", "alice@acme.example"))).isPresent();
        wm.verify(exactly(3), getRequestedFor(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=11")));
    }

    @Test
    void anAddressListThatKeepsFailingFailsTheFetchNamingTheMailbox() {
        stubAcme();
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=12"))
                .willReturn(json(500, "{\"Message\":\"An error has occurred.\"}")));
        assertThatThrownBy(() -> provider.fetchLiveState(FetchProgress.NONE))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("EEAMMailboxAddresses?mailboxid=12", "1002", "An error has occurred");
                });
        wm.verify(exactly(FAST_RETRIES.maxAttempts()), getRequestedFor(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=12")));
    }

    @Test
    void a401OnAnAddressListReauthenticatesAndReadsItAgain() {
        stubAcme();
        wm.stubFor(post(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("refresh_token"))
                .willReturn(json(200, tokenBody("T2", "R2"))));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=13")).withHeader("Authorization", equalTo("Bearer T1"))
                .willReturn(json(401, "{\"Message\":\"Authorization has been denied for this request.\"}")));
        wm.stubFor(get(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=13")).withHeader("Authorization", equalTo("Bearer T2"))
                .willReturn(json(200, "[{\"AddressID\":42,\"MailboxID\":13,\"AddressType\":0,\"Address\":\"1003\"}]")));
        ResourceSet live = provider.fetchLiveState(FetchProgress.NONE);
        assertThat(live.get(ResourceKey.of(ADDRESS, "Acme", "1003", "0", "1003"))).isPresent();
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("refresh_token")));
        wm.verify(exactly(1), getRequestedFor(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=13"))
                .withHeader("Authorization", equalTo("Bearer T2")));
    }

    @Test
    void aTokenThatGoesStaleBetweenAddressListsIsRenewedBeforeTheNextIsSent() {
        // one read at a time, so the order is fixed: the lists, the pages, then the addresses of 1001, 1002, 1003
        TargetSpec target = new TargetSpec("olx-contract", "officelinx", wm.baseUrl(),
                Map.of("clientId", "switchboard", "clientSecret", Secret.fromReference("${env:S}", CLIENT_SECRET),
                        "username", "admin", "password", Secret.fromReference("${env:P}", PASSWORD)),
                Map.of("pbx", 7L), TargetSpec.Tls.DEFAULT, TargetSpec.Policy.DEFAULT.withParallelism(1));
        provider.close();
        provider = factory.open(target, java.net.URI.create(wm.baseUrl()), FAST_RETRIES, clock);
        stubAcme();
        wm.stubFor(post(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("refresh_token"))
                .willReturn(json(200, tokenBody("T2", "R2"))));
        java.util.concurrent.atomic.AtomicInteger reports = new java.util.concurrent.atomic.AtomicInteger();
        // the first address list's report comes before the next read starts: the token expires right there
        ResourceSet live = provider.fetchLiveState(fetched -> {
            if (reports.incrementAndGet() == 3) {
                clock.advance(Duration.ofHours(1));
            }
        });
        assertThat(live.get(ResourceKey.of(ADDRESS, "Acme", "1001", "2", "alice@acme.example"))).isPresent();
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)).withFormParam("grant_type", equalTo("refresh_token")));
        wm.verify(exactly(1), getRequestedFor(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=11"))
                .withHeader("Authorization", equalTo("Bearer T1")));
        for (String mailbox : List.of("12", "13")) {
            wm.verify(exactly(1), getRequestedFor(urlEqualTo(API + "EEAMMailboxAddresses?mailboxid=" + mailbox))
                    .withHeader("Authorization", equalTo("Bearer T2")));
        }
    }

    @Test
    void aConnectionResetOnPostLeavesTheOutcomeUnknownAndIsNotRetried() {
        wm.stubFor(post(urlEqualTo(API + "EEAMCompanies")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> creator(COMPANY).create(desired(COMPANY, Map.of("name", "Acme", "pbx", 7L), "Acme"), ids))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.status()).isZero();
                    assertThat(e.object()).contains("company Acme");
                });
        wm.verify(exactly(1), postRequestedFor(urlEqualTo(API + "EEAMCompanies")));
    }

    @Test
    void aPostRefusedWith429IsRetriedAfterRetryAfter() {
        wm.stubFor(post(urlEqualTo(API + "EEAMCompanies")).inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("open")
                .willReturn(json(429, "{\"Message\":\"Too many requests.\"}").withHeader("Retry-After", "1")));
        wm.stubFor(post(urlEqualTo(API + "EEAMCompanies")).inScenario("throttled")
                .whenScenarioStateIs("open").willReturn(created("EEAMCompanies", "5", "{}")));
        assertThat(creator(COMPANY).create(desired(COMPANY, Map.of("name", "Acme", "pbx", 7L), "Acme"), ids).requireId())
                .isEqualTo("5");
        wm.verify(exactly(2), postRequestedFor(urlEqualTo(API + "EEAMCompanies")));
    }
}
