package dev.switchboard.systems.xci.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each XCI dialect over real HTTP. */
class XciDialectsTest {

    private SimServer server;
    private XciHttp http;

    private void start(Map<String, String> options) {
        server = SimServer.start(SimOptions.DEFAULT, new XciSimulator(SimCredentials.DEFAULT, XciDialects.of(options)));
        http = new XciHttp(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void login303AnswersSeeOtherWithTheCookie() {
        start(Map.of(XciDialects.LOGIN_303, "true"));
        XciHttp.Answer login = http.login("admin", "admin");
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.raw().headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("PLAY_SESSION="));
        assertThat(http.get("/xivo").status()).isEqualTo(200);
    }

    @Test
    void anEndedSessionIs401Or403OrARedirectToTheLogin() {
        start(Map.of("session-requests", "1"));
        http.login("admin", "admin");
        assertThat(http.get("/xivo").status()).isEqualTo(200);
        assertThat(http.get("/xivo").status()).as("the session lasted one call").isEqualTo(401);
        server.close();

        start(Map.of("expired", "403"));
        assertThat(http.get("/xivo").status()).isEqualTo(403);
        server.close();

        start(Map.of("expired", "redirect"));
        XciHttp.Answer redirect = http.get("/xivo");
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.raw().headers().firstValue("Location")).contains("/api/1.0/login");
    }

    @Test
    void adminPutPasswordRefusesAnEditWithoutItWhileLdapIsOff() {
        start(Map.of(XciDialects.ADMIN_PUT_PASSWORD, "true"));
        http.login("admin", "admin");
        var edit = XciHttp.JSON.createObjectNode().put("login", "admin").put("name", "Root").put("superAdmin", true)
                .put("ldap", false);
        edit.putArray("entityIds");
        XciHttp.Answer refused = http.put("/administrators/1", edit);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("password").contains("compulsory");
        assertThat(http.put("/administrators/1", edit.put("password", "admin")).status()).isEqualTo(200);
    }

    @Test
    void templatesInItemsWrapsTheTemplateList() {
        start(Map.of(XciDialects.TEMPLATES_IN_ITEMS, "true"));
        http.login("admin", "admin");
        assertThat(http.ok(http.get("/templates")).path("items").isArray()).isTrue();
        server.close();
        start(Map.of());
        http.login("admin", "admin");
        assertThat(http.ok(http.get("/templates")).isArray()).as("lenient: the document's bare array").isTrue();
    }

    @Test
    void createdEmptyAnswersEveryCreateWith201AndNoBody() {
        start(Map.of(XciDialects.CREATED_EMPTY, "true"));
        http.login("admin", "admin");
        XciHttp.Answer created = http.post("/xivo", Map.of("name", "xivo-220", "host", "10.0.0.1", "configure", false));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().body()).isEmpty();
        assertThat(http.ok(http.get("/xivo")).path("items").get(0).path("name").asText()).isEqualTo("xivo-220");
    }
}
