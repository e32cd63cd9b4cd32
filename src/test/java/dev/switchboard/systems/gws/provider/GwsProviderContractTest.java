package dev.switchboard.systems.gws.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import static dev.switchboard.systems.gws.provider.GwsFixtures.NO_IDS;
import static dev.switchboard.systems.gws.provider.GwsFixtures.desired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.FetchProgress;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.RetryPolicy;
import dev.switchboard.provider.UnconfirmedWriteException;
import dev.switchboard.provider.Updater;
import dev.switchboard.systems.gws.GwsKinds;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every call the provider makes, checked against WireMock for its exact method, path, query, credentials
 * and body, answered as the GWS document and users-API pages show; and the statusCode rules around them.
 * A Quarkus test because the Quarkus REST client needs a running application.
 */
@QuarkusTest
class GwsProviderContractTest {

    private static final String ROOT = "/api/v2";
    /** {@code ksippo:} in Basic: the document's user with an empty password. */
    private static final String BASIC = "Basic a3NpcHBvOg==";
    private static final String ID = "63630bbebf4840d7a0bffd6312bc29ff";
    private static final String KSIPPO = """
            {"id":"63630bbebf4840d7a0bffd6312bc29ff","userName":"ksippo","firstName":"Kristi","lastName":"Sippola",
             "roles":["ROLE_AGENT"],"enabled":true,"changePasswordOnFirstLogin":false,
             "uri":"http://127.0.0.1/cloud-web/api/v2/users/63630bbebf4840d7a0bffd6312bc29ff",
             "path":"/users/63630bbebf4840d7a0bffd6312bc29ff","skills":[{"name":"sales"}]}""";

    private static WireMockServer wiremock;
    private final List<Duration> pauses = new ArrayList<>();
    private GwsProvider provider;

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
        provider = new GwsProviderFactory(ApiObserver.NONE).open(
                new dev.switchboard.model.TargetSpec("gws-test", "gws", base.toString(),
                        Map.of("username", "ksippo", "password", ""),
                        Map.of(GwsProviderFactory.CONFIRM_TIMEOUT_OPTION, 2_000L),
                        dev.switchboard.model.TargetSpec.Tls.DEFAULT, dev.switchboard.model.TargetSpec.Policy.DEFAULT),
                base, new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)), pauses::add);
    }

    @AfterEach
    void close() {
        provider.close();
    }

    private Creator users() {
        return (Creator) provider.types().get(0);
    }

    private static ResponseDefinitionBuilder user(String json) {
        return okJson("{\"statusCode\":0,\"user\":" + json + "}");
    }

    private static ResponseDefinitionBuilder status(int http, String body) {
        return aResponse().withStatus(http).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static Resource live() {
        try {
            return GwsMapping.user(new com.fasterxml.jackson.databind.ObjectMapper().readTree(KSIPPO));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- read-only calls

    @Test
    void theVersionCallCarriesNoCredentials() {
        wiremock.stubFor(get(urlEqualTo(ROOT + "/diagnostics/version")).withHeader("Authorization", absent())
                .willReturn(okJson("{\"statusCode\":0,\"version\":\"8.5.200.50\"}")));
        assertThat(provider.client().version()).isEqualTo("8.5.200.50");
    }

    @Test
    void meIsAskedWithBasicCredentialsAndAnEmptyPassword() {
        wiremock.stubFor(get(urlEqualTo(ROOT + "/me")).withHeader("Authorization", equalTo(BASIC)).willReturn(user(KSIPPO)));
        assertThat(provider.client().me().path("userName").asText()).isEqualTo("ksippo");
    }

    @Test
    void liveStateIsOneListOfWholeUsers() {
        wiremock.stubFor(get(urlEqualTo(ROOT + "/diagnostics/version")).willReturn(okJson("{\"statusCode\":0,\"version\":\"8.5.200.50\"}")));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users?fields=*")).withHeader("Authorization", equalTo(BASIC))
                .willReturn(okJson("{\"statusCode\":0,\"users\":[" + KSIPPO + "]}")));
        ResourceSet live = provider.fetchLiveState(FetchProgress.NONE);
        assertThat(live.ofKind(GwsKinds.USER)).singleElement().satisfies(u -> {
            assertThat(u.requireId()).isEqualTo(ID);
            assertThat(u.fields()).containsEntry("roles", List.of("ROLE_AGENT")).containsEntry("enabled", true)
                    .doesNotContainKeys("uri", "path", "skills", "id");
        });
    }

    // ---- create

    @Test
    void createsWithTheFiveMandatoryFieldsThenReadsTheUserBackUntilItShows() {
        wiremock.stubFor(post(urlEqualTo(ROOT + "/users")).withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"userName\":\"ksippo\",\"firstName\":\"Kristi\",\"lastName\":\"Sippola\","
                        + "\"roles\":[\"ROLE_AGENT\"],\"password\":\"pw\"}"))
                .willReturn(okJson("{\"statusCode\":\"0\",\"path\":\"/users/" + ID + "\",\"id\":\"" + ID + "\",\"uri\":\"x\"}")));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).inScenario("late").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(404, "{\"statusCode\":6,\"statusMessage\":\"not found\"}")).willSetStateTo("second"));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).inScenario("late").whenScenarioStateIs("second")
                .willReturn(status(200, "{\"statusCode\":6}")).willSetStateTo("visible"));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).inScenario("late").whenScenarioStateIs("visible")
                .willReturn(user(KSIPPO)));

        Resource created = users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS);

        assertThat(created.requireId()).isEqualTo(ID);
        wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(ROOT + "/users")));
        wiremock.verify(exactly(3), getRequestedFor(urlEqualTo(ROOT + "/users/" + ID)));
        assertThat(pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void aCreateNeverSeenIsUnconfirmedAfterTheTargetsTimeout() {
        wiremock.stubFor(post(urlEqualTo(ROOT + "/users")).willReturn(okJson("{\"statusCode\":\"0\",\"id\":\"" + ID + "\"}")));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).willReturn(status(404, "{\"statusCode\":6}")));
        assertThatThrownBy(() -> users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS))
                .isInstanceOf(UnconfirmedWriteException.class).hasMessageContaining("after 2 s");
        assertThat(pauses.stream().mapToLong(Duration::toMillis).sum()).isEqualTo(2_000L);
    }

    @Test
    void aReadBackThatFailsIsNoVerdictAndTheWaitGoesOn() {
        wiremock.stubFor(post(urlEqualTo(ROOT + "/users")).willReturn(okJson("{\"statusCode\":\"0\",\"id\":\"" + ID + "\"}")));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(503, "{\"statusCode\":4}")).willSetStateTo("busy2"));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).inScenario("busy").whenScenarioStateIs("busy2")
                .willReturn(status(503, "{\"statusCode\":4}")).willSetStateTo("busy3"));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).inScenario("busy").whenScenarioStateIs("busy3")
                .willReturn(status(503, "{\"statusCode\":4}")).willSetStateTo("up"));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).inScenario("busy").whenScenarioStateIs("up")
                .willReturn(user(KSIPPO)));
        assertThat(users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS).requireId()).isEqualTo(ID);
        wiremock.verify(exactly(4), getRequestedFor(urlEqualTo(ROOT + "/users/" + ID)));
        wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(ROOT + "/users")));
    }

    @Test
    void aDuplicateUserNameIsAClearErrorNotRetried() {
        wiremock.stubFor(post(urlEqualTo(ROOT + "/users")).willReturn(status(403,
                "{\"statusCode\":\"18\",\"statusMessage\":\"Failed to create user. User 'ksippo' already exists.\"}")));
        assertThatThrownBy(() -> users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS))
                .isInstanceOf(ProviderException.class)
                .hasMessage("target gws-test, user ksippo: POST /api/v2/users -> HTTP 403: statusCode 18 (the resource "
                        + "already exists): Failed to create user. User 'ksippo' already exists.");
        wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(ROOT + "/users")));
    }

    @Test
    void aCodeThatLeftTheDataUnchangedIsRetriedEvenForACreate() {
        wiremock.stubFor(post(urlEqualTo(ROOT + "/users")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(500, "{\"statusCode\":13,\"statusMessage\":\"Config Server unreachable\"}"))
                .willSetStateTo("ok"));
        wiremock.stubFor(post(urlEqualTo(ROOT + "/users")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"statusCode\":\"0\",\"id\":\"" + ID + "\"}")));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).willReturn(user(KSIPPO)));
        users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS);
        wiremock.verify(exactly(2), postRequestedFor(urlEqualTo(ROOT + "/users")));
    }

    @Test
    void aValidationErrorAnsweredWith200IsAnErrorNamingTheCodeAndIsNotRetried() {
        wiremock.stubFor(post(urlEqualTo(ROOT + "/users"))
                .willReturn(okJson("{\"statusCode\":10,\"statusMessage\":\"Unknown role ROLE_X\"}")));
        assertThatThrownBy(() -> users().create(desired("ksippo", List.of("ROLE_X"), "pw"), NO_IDS))
                .hasMessageContaining("HTTP 200: statusCode 10 (input validation failed): Unknown role ROLE_X");
        wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(ROOT + "/users")));
    }

    @Test
    void aPartialSuccessMayHaveChangedDataSoItsOutcomeIsUnknown() {
        wiremock.stubFor(post(urlEqualTo(ROOT + "/users")).willReturn(okJson("{\"statusCode\":7}")));
        assertThatThrownBy(() -> users().create(desired("ksippo", List.of("ROLE_AGENT"), "pw"), NO_IDS))
                .isInstanceOf(ProviderException.class).matches(e -> ((ProviderException) e).outcomeUnknown());
    }

    @Test
    void aResetAfterACreateIsAnUnknownOutcomeAndTheUserIsLookedUpByName() {
        wiremock.stubFor(post(urlEqualTo(ROOT + "/users")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users?fields=*&userName=ksippo"))
                .willReturn(okJson("{\"statusCode\":0,\"users\":[" + KSIPPO + "]}")));
        Resource desired = desired("ksippo", List.of("ROLE_AGENT"), "pw");
        assertThatThrownBy(() -> users().create(desired, NO_IDS)).isInstanceOf(ProviderException.class)
                .matches(e -> ((ProviderException) e).outcomeUnknown());
        assertThat(users().findByKey(desired, NO_IDS)).get().extracting(Resource::requireId).isEqualTo(ID);
        wiremock.verify(exactly(1), postRequestedFor(urlEqualTo(ROOT + "/users")));
    }

    @Test
    void aLiveUserIsLookedUpOnceAfterALostUpdateOrDeleteWithoutWaiting() {
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users?fields=*&userName=ksippo"))
                .willReturn(okJson("{\"statusCode\":0,\"users\":[]}")));
        assertThat(users().findByKey(live(), NO_IDS)).isEmpty();
        wiremock.verify(exactly(1), getRequestedFor(urlEqualTo(ROOT + "/users?fields=*&userName=ksippo")));
        assertThat(pauses).isEmpty();
    }

    @Test
    void aCreateWithoutPasswordIsRefusedBeforeSending() {
        assertThatThrownBy(() -> users().create(desired("ksippo", List.of("ROLE_AGENT"), null), NO_IDS))
                .hasMessageContaining("GWS creates a user only with a password");
        wiremock.verify(exactly(0), postRequestedFor(urlEqualTo(ROOT + "/users")));
    }

    // ---- update

    @Test
    void anUpdatePutsTheWholeUserBackWithTheRolesReplacedAndNoUserName() {
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).inScenario("update").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(user(KSIPPO)));
        wiremock.stubFor(put(urlEqualTo(ROOT + "/users/" + ID)).inScenario("update").whenScenarioStateIs(Scenario.STARTED)
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("{\"firstName\":\"Kristi\",\"lastName\":\"Sippola\","
                        + "\"roles\":[\"ROLE_SUPERVISOR\",\"ROLE_ADMIN\"],\"enabled\":true,"
                        + "\"changePasswordOnFirstLogin\":false,\"skills\":[{\"name\":\"sales\"}]}"))
                .willReturn(okJson("{\"statusCode\":0}")).willSetStateTo("updated"));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).inScenario("update").whenScenarioStateIs("updated")
                .willReturn(user(KSIPPO.replace("[\"ROLE_AGENT\"]", "[\"ROLE_ADMIN\",\"ROLE_SUPERVISOR\"]"))));
        ((Updater) users()).update(live(), desired("ksippo", List.of("ROLE_SUPERVISOR", "ROLE_ADMIN"), null),
                Set.of("roles"), NO_IDS);
        wiremock.verify(exactly(1), putRequestedFor(urlEqualTo(ROOT + "/users/" + ID)));
        wiremock.verify(exactly(2), getRequestedFor(urlEqualTo(ROOT + "/users/" + ID)));
    }

    @Test
    void anUpdateFallsBackToPostWhenPutIsNotAllowedAndRemembersIt() {
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).willReturn(user(KSIPPO)));
        wiremock.stubFor(put(urlEqualTo(ROOT + "/users/" + ID)).willReturn(status(405, "{\"statusCode\":3}")));
        wiremock.stubFor(post(urlEqualTo(ROOT + "/users/" + ID)).withRequestBody(equalToJson(
                "{\"lastName\":\"Sippola\"}", true, true)).willReturn(okJson("{\"statusCode\":0}")));
        Updater updater = (Updater) users();
        updater.update(live(), desired("ksippo", List.of("ROLE_AGENT"), null), Set.of("lastName"), NO_IDS);
        updater.update(live(), desired("ksippo", List.of("ROLE_AGENT"), null), Set.of("lastName"), NO_IDS);
        wiremock.verify(exactly(1), putRequestedFor(urlEqualTo(ROOT + "/users/" + ID)));
        wiremock.verify(exactly(2), postRequestedFor(urlEqualTo(ROOT + "/users/" + ID)));
    }

    @Test
    void aNewPasswordIsSentOnUpdateAndCannotBeReadBack() {
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).willReturn(user(KSIPPO)));
        wiremock.stubFor(put(urlEqualTo(ROOT + "/users/" + ID)).withRequestBody(equalToJson(
                "{\"password\":\"new-pw\"}", true, true)).willReturn(okJson("{\"statusCode\":0}")));
        ((Updater) users()).update(live(), desired("ksippo", List.of("ROLE_AGENT"), "new-pw"), Set.of("password"), NO_IDS);
        wiremock.verify(exactly(1), putRequestedFor(urlEqualTo(ROOT + "/users/" + ID)));
    }

    // ---- delete

    @Test
    void aDeleteIsConfirmedOnceTheUserAnswers404() {
        wiremock.stubFor(delete(urlEqualTo(ROOT + "/users/" + ID)).willReturn(okJson("{\"statusCode\":0}")));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).inScenario("gone").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(user(KSIPPO)).willSetStateTo("gone"));
        wiremock.stubFor(get(urlEqualTo(ROOT + "/users/" + ID)).inScenario("gone").whenScenarioStateIs("gone")
                .willReturn(status(404, "{\"statusCode\":6}")));
        ((Deleter) users()).delete(live());
        wiremock.verify(exactly(1), deleteRequestedFor(urlEqualTo(ROOT + "/users/" + ID)));
        assertThat(pauses).hasSize(1);
    }

    @Test
    void theUserSwitchboardLogsInAsIsNeverDeleted() {
        assertThat(((Deleter) users()).deletionRefusal(live())).get().asString().contains("ksippo");
    }

    // ---- the URL limit

    @Test
    void noUrlOverTwoThousandCharactersIsSent() {
        wiremock.stubFor(get(urlPathEqualTo(ROOT + "/users")).willReturn(okJson("{\"statusCode\":0,\"users\":[]}")));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            names.add("agent.with.a.long.name." + i + "@example.com");
        }
        assertThat(provider.client().findUsers(names, java.util.Optional.empty())).isEmpty();
        assertThat(wiremock.getAllServeEvents()).hasSizeGreaterThan(2).allSatisfy(event ->
                assertThat(wiremock.baseUrl().length() + event.getRequest().getUrl().length()).isLessThanOrEqualTo(2000));
        assertThatThrownBy(() -> provider.client().getUser("x".repeat(2000), GwsMapping.key("x")))
                .hasMessageContaining("not sent: its URL would be");
    }
}
