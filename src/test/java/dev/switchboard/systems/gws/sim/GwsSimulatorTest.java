package dev.switchboard.systems.gws.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.MutableClock;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GWS simulator over real HTTP: every documented call, the users-API quirks, the knobs. */
class GwsSimulatorTest {

    private final MutableClock clock = new MutableClock();
    private SimServer server;
    private GwsSimulator simulator;

    private GwsHttp start(GwsSimSettings settings) {
        simulator = new GwsSimulator(SimCredentials.DEFAULT, settings, clock);
        server = SimServer.start(SimOptions.DEFAULT, simulator);
        return admin();
    }

    private GwsHttp admin() {
        return new GwsHttp(server.baseUri(), "admin", "admin");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static ObjectNode user(String userName) {
        ObjectNode user = GwsHttp.JSON.createObjectNode().put("userName", userName).put("firstName", "Kristi")
                .put("lastName", "Sippola").put("password", "secret");
        user.putArray("roles").add("ROLE_AGENT");
        return user;
    }

    @Test
    void theVersionNeedsNoAuthentication() {
        start(GwsSimSettings.DEFAULT);
        GwsHttp.Answer version = new GwsHttp(server.baseUri(), null, null).get("/diagnostics/version");
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.body().toString()).isEqualTo("{\"statusCode\":0,\"version\":\"8.5.200.50\"}");
    }

    @Test
    void everythingElseNeedsBasicCredentialsAndAFreshServerHasItsAdmin() {
        start(GwsSimSettings.DEFAULT);
        GwsHttp.Answer anonymous = new GwsHttp(server.baseUri(), null, null).get("/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.statusCode()).isEqualTo(20);
        assertThat(new GwsHttp(server.baseUri(), "admin", "wrong").get("/me").status()).isEqualTo(401);

        GwsHttp.Answer me = admin().get("/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.statusCode()).isZero();
        JsonNode user = me.body().path("user");
        assertThat(user.path("userName").asText()).isEqualTo("admin");
        assertThat(user.path("roles").toString()).isEqualTo("[\"ROLE_ADMIN\"]");
        assertThat(user.path("path").asText()).isEqualTo("/users/" + user.path("id").asText());
        assertThat(user.path("uri").asText()).endsWith("/api/v2/users/" + user.path("id").asText());
        assertThat(user.has("password")).isFalse();
    }

    @Test
    void aUserWithAnEmptyPasswordAuthenticatesAsTheDocumentShows() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT);
        admin.send("POST", "/users", user("ksippo").put("password", ""));
        GwsHttp.Answer me = new GwsHttp(server.baseUri(), "ksippo", "").get("/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("user").path("firstName").asText()).isEqualTo("Kristi");
    }

    @Test
    void createAnswersTheIdWithStatusCodeAsTextAndListsGiveOnlyUrisWithoutFields() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT);
        GwsHttp.Answer created = admin.send("POST", "/users", user("ksippo"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().path("statusCode").isTextual()).isTrue();
        assertThat(created.body().path("statusCode").asText()).isEqualTo("0");
        String id = created.body().path("id").asText();
        assertThat(created.body().path("path").asText()).isEqualTo("/users/" + id);

        GwsHttp.Answer uris = admin.get("/users");
        assertThat(uris.body().has("users")).isFalse();
        assertThat(uris.body().path("uris")).hasSize(2);
        assertThat(uris.body().path("uris").toString()).contains("/api/v2/users/" + id);

        GwsHttp.Answer all = admin.get("/users?fields=*");
        assertThat(all.body().path("users")).hasSize(2);
        GwsHttp.Answer some = admin.get("/users?fields=id,userName&userName=ksippo");
        assertThat(some.body().path("users")).hasSize(1);
        assertThat(some.body().path("users").get(0).toString())
                .isEqualTo("{\"id\":\"" + id + "\",\"userName\":\"ksippo\"}");

        GwsHttp.Answer one = admin.get("/users/" + id);
        assertThat(one.statusCode()).isZero();
        assertThat(one.body().path("user").path("enabled").asBoolean()).isTrue();
        assertThat(one.body().path("user").path("changePasswordOnFirstLogin").asBoolean()).isFalse();
    }

    @Test
    void theCreateStatusDialectAnswersANumber() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT.with("create-status", "number"));
        assertThat(admin.send("POST", "/users", user("ksippo")).body().path("statusCode").isInt()).isTrue();
    }

    @Test
    void aDuplicateUserNameIsHttp403WithStatusCode18AsText() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT.with("error-status", "200"));
        admin.send("POST", "/users", user("test"));
        GwsHttp.Answer duplicate = admin.send("POST", "/users", user("test"));
        assertThat(duplicate.status()).isEqualTo(403);
        assertThat(duplicate.body().toString()).isEqualTo(
                "{\"statusCode\":\"18\",\"statusMessage\":\"Failed to create user. User 'test' already exists.\"}");
    }

    @Test
    void theFiveMandatoryFieldsAreRequiredAndRolesAreChecked() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT);
        for (String field : List.of("firstName", "lastName", "roles", "userName", "password")) {
            ObjectNode body = user("u-" + field);
            body.remove(field);
            GwsHttp.Answer missing = admin.send("POST", "/users", body);
            assertThat(missing.status()).as(field).isEqualTo(400);
            assertThat(missing.statusCode()).as(field).isEqualTo(1);
            assertThat(missing.body().path("statusMessage").asText()).contains(field);
        }
        ObjectNode badRole = user("badrole");
        badRole.putArray("roles").add("agent");
        assertThat(admin.send("POST", "/users", badRole).statusCode()).isEqualTo(10);
    }

    @Test
    void writesAreCarriedOutOnlyAfterTheApplyDelay() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT.with("apply-delay-ms", "2000"));
        String id = admin.send("POST", "/users", user("late")).body().path("id").asText();
        GwsHttp.Answer before = admin.get("/users/" + id);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.statusCode()).isEqualTo(6);
        assertThat(simulator.pendingWrites()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1999));
        assertThat(admin.get("/users/" + id).status()).isEqualTo(404);
        clock.advance(Duration.ofMillis(1));
        assertThat(admin.get("/users/" + id).status()).isEqualTo(200);

        assertThat(admin.send("DELETE", "/users/" + id, null).statusCode()).isZero();
        assertThat(admin.get("/users/" + id).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        assertThat(admin.get("/users/" + id).status()).isEqualTo(404);
    }

    @Test
    void aPendingCreateAlreadyHoldsItsUserName() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT.with("apply-delay-ms", "2000"));
        admin.send("POST", "/users", user("late"));
        assertThat(admin.send("POST", "/users", user("late")).statusCode()).isEqualTo(18);
    }

    @Test
    void droppedWritesAreAnsweredZeroAndNeverCarriedOut() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT.with("drop-writes", "1"));
        GwsHttp.Answer created = admin.send("POST", "/users", user("lost"));
        assertThat(created.statusCode()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(admin.get("/users/" + created.body().path("id").asText()).status()).isEqualTo(404);
        assertThat(admin.get("/users?fields=*&userName=lost").body().path("users")).isEmpty();
        String kept = admin.send("POST", "/users", user("kept")).body().path("id").asText();
        assertThat(admin.get("/users/" + kept).status()).isEqualTo(200);
    }

    @Test
    void anUpdateReplacesTheRolesAndNeverTheUserName() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT);
        String id = admin.send("POST", "/users", user("ksippo")).body().path("id").asText();
        ObjectNode update = GwsHttp.JSON.createObjectNode().put("lastName", "Sippola-Hart");
        update.putArray("roles").add("ROLE_SUPERVISOR").add("ROLE_ADMIN");
        assertThat(admin.send("PUT", "/users/" + id, update).statusCode()).isZero();
        JsonNode user = admin.get("/users/" + id).body().path("user");
        assertThat(user.path("roles").toString()).isEqualTo("[\"ROLE_SUPERVISOR\",\"ROLE_ADMIN\"]");
        assertThat(user.path("lastName").asText()).isEqualTo("Sippola-Hart");
        assertThat(user.path("firstName").asText()).isEqualTo("Kristi");

        ObjectNode byPost = GwsHttp.JSON.createObjectNode();
        byPost.putArray("roles").add("ROLE_AGENT");
        assertThat(admin.send("POST", "/users/" + id, byPost).statusCode()).isZero();
        assertThat(admin.get("/users/" + id).body().path("user").path("roles").toString()).isEqualTo("[\"ROLE_AGENT\"]");

        GwsHttp.Answer rename = admin.send("PUT", "/users/" + id, GwsHttp.JSON.createObjectNode().put("userName", "other"));
        assertThat(rename.status()).isEqualTo(400);
        assertThat(rename.statusCode()).isEqualTo(11);
    }

    @Test
    void theUpdateVerbDialectsRefuseTheOtherVerb() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT.with("update-verbs", "post"));
        String id = admin.send("POST", "/users", user("ksippo")).body().path("id").asText();
        assertThat(admin.send("PUT", "/users/" + id, GwsHttp.JSON.createObjectNode().put("lastName", "X")).status())
                .isEqualTo(405);
        simulator.configure(GwsSimSettings.DEFAULT.with("update-verbs", "put"));
        assertThat(admin.send("POST", "/users/" + id, GwsHttp.JSON.createObjectNode().put("lastName", "X")).status())
                .isEqualTo(405);
    }

    @Test
    void errorsComeWithTheMatchingHttpStatusOrWith200InThatDialect() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT);
        assertThat(admin.get("/users/nope").status()).isEqualTo(404);
        simulator.configure(GwsSimSettings.DEFAULT.with("error-status", "200"));
        GwsHttp.Answer missing = admin.get("/users/nope");
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.statusCode()).isEqualTo(6);
    }

    @Test
    void theListDialectAnswersUrisEvenWithFields() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT.with("list", "uris"));
        GwsHttp.Answer list = admin.get("/users?fields=*");
        assertThat(list.body().has("users")).isFalse();
        assertThat(list.body().path("uris")).hasSize(1);
    }

    @Test
    void theSearchDialectIgnoresFilters() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT.with("search", "ignored"));
        admin.send("POST", "/users", user("ksippo"));
        assertThat(admin.get("/users?fields=*&userName=ksippo").body().path("users")).hasSize(2);
    }

    @Test
    void urlsOverTwoThousandCharactersAreRefused() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT);
        assertThat(admin.get("/users?fields=*&userName=" + "a".repeat(1900)).status()).isEqualTo(200);
        assertThat(admin.get("/users?fields=*&userName=" + "a".repeat(2000)).status()).isEqualTo(414);
    }

    @Test
    void theAdminCannotDeleteItselfAndAgentsManageNoUsers() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT);
        String adminId = admin.get("/me").body().path("user").path("id").asText();
        assertThat(admin.send("DELETE", "/users/" + adminId, null).statusCode()).isEqualTo(3);
        admin.send("POST", "/users", user("agent"));
        GwsHttp agent = new GwsHttp(server.baseUri(), "agent", "secret");
        assertThat(agent.get("/me").status()).isEqualTo(200);
        GwsHttp.Answer refused = agent.get("/users");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.statusCode()).isEqualTo(5);
    }

    @Test
    void theVoiceChannelOperationIsAcceptedAndLandsAsynchronously() {
        GwsHttp admin = start(GwsSimSettings.DEFAULT.with("apply-delay-ms", "500"));
        GwsHttp.Answer ok = admin.send("POST", "/me/channels/voice",
                GwsHttp.JSON.createObjectNode().put("operationName", "NotReady"));
        assertThat(ok.body().toString()).isEqualTo("{\"statusCode\":0}");
        String adminId = admin.get("/me").body().path("user").path("id").asText();
        assertThat(simulator.snapshot().path("voice").has(adminId)).isFalse();
        clock.advance(Duration.ofMillis(500));
        assertThat(simulator.snapshot().path("voice").path(adminId).asText()).isEqualTo("NotReady");
        assertThat(admin.send("POST", "/me/channels/voice", GwsHttp.JSON.createObjectNode()).statusCode()).isEqualTo(1);
        assertThat(admin.get("/me/channels/voice").status()).isEqualTo(405);
    }

    @Test
    void stateAndPendingWritesSurviveARestartThroughTheStateFile(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("gws.json");
        simulator = new GwsSimulator(SimCredentials.DEFAULT, GwsSimSettings.DEFAULT.with("apply-delay-ms", "1000"), clock);
        server = SimServer.start(SimOptions.DEFAULT.withStateFile(state), simulator);
        String id = admin().send("POST", "/users", user("ksippo")).body().path("id").asText();
        server.close();
        server = null;

        GwsSimulator restarted = new GwsSimulator(SimCredentials.DEFAULT, GwsSimSettings.DEFAULT, clock);
        try (SimServer again = SimServer.start(SimOptions.DEFAULT.withStateFile(state), restarted)) {
            GwsHttp admin = new GwsHttp(again.baseUri(), "admin", "admin");
            assertThat(admin.get("/users/" + id).status()).isEqualTo(404);
            clock.advance(Duration.ofSeconds(1));
            assertThat(admin.get("/users/" + id).status()).isEqualTo(200);
            assertThat(restarted.settings().applyDelayMs()).isEqualTo(1000);
        }
        assertThat(Files.readString(state)).doesNotContain("\"secret\"");
    }

    @Test
    void aStateWithSettingsAloneIsAFreshServerWithThoseKnobs() throws Exception {
        GwsSimulator fresh = new GwsSimulator(SimCredentials.DEFAULT, GwsSimSettings.DEFAULT, clock);
        fresh.restore(GwsHttp.JSON.readTree("{\"settings\":{\"applyDelayMs\":2000,\"dropWrites\":\"all\"}}"));
        assertThat(fresh.settings().applyDelayMs()).isEqualTo(2000);
        assertThat(fresh.settings().dropWrites()).isEqualTo(-1);
        List<String> names = new ArrayList<>();
        fresh.snapshot().path("users").forEach(u -> names.add(u.path("userName").asText()));
        assertThat(names).containsExactly("admin");
    }

    @Test
    void commandLineKnobsWinOverTheSettingsOfARestoredState() throws Exception {
        GwsSimulator fromCommandLine = GwsSimulator.withOptions(SimCredentials.DEFAULT,
                Map.of("apply-delay-ms", "2000"), clock);
        fromCommandLine.restore(GwsHttp.JSON.readTree("{\"settings\":{\"applyDelayMs\":0,\"search\":\"ignored\"}}"));
        assertThat(fromCommandLine.settings().applyDelayMs()).isEqualTo(2000);
        assertThat(fromCommandLine.settings().searchIgnored()).isTrue();
    }

    @Test
    void theSystemBuildsItsSimulatorFromSimOptions() {
        var system = new dev.switchboard.systems.gws.GwsSystem(dev.switchboard.provider.ApiObserver.NONE);
        GwsSimulator built = (GwsSimulator) system.simulator(SimCredentials.DEFAULT,
                Map.of("apply-delay-ms", "2000", "drop-writes", "all"));
        assertThat(built.settings().applyDelayMs()).isEqualTo(2000);
        assertThat(built.settings().dropWrites()).isEqualTo(-1);
        assertThat(built.pathPrefixes()).containsExactly("/api/v2");
        assertThatThrownBy(() -> system.simulator(SimCredentials.DEFAULT, Map.of("nope", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void unknownOptionsAndValuesAreNamed() {
        assertThatThrownBy(() -> GwsSimSettings.fromOptions(Map.of("apply-delay", "5")))
                .hasMessageContaining("apply-delay").hasMessageContaining("apply-delay-ms");
        assertThatThrownBy(() -> GwsSimSettings.fromOptions(Map.of("apply-delay-ms", "soon")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> GwsSimSettings.fromOptions(Map.of("update-verbs", "patch")))
                .hasMessageContaining("both, put or post");
    }
}
