package dev.switchboard.systems.xci.sim;

import dev.switchboard.systems.InstalledSystems;
import dev.switchboard.sim.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XciSimulatorTest {

    private static final SimCredentials CREDENTIALS = SimCredentials.DEFAULT.withSessionLifetime(Duration.ofSeconds(1));

    private final MutableClock clock = new MutableClock();
    private XciSimulator simulator;
    private SimServer server;
    private XciHttp xci;

    @BeforeEach
    void start() {
        simulator = new XciSimulator(CREDENTIALS, clock);
        server = SimServer.start(SimOptions.DEFAULT, simulator);
        xci = new XciHttp(server.baseUri());
        assertThat(xci.login("admin", "admin").status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The server again, fresh, holding users to their entity's intervals ({@link XciDialects#NUMBERS_IN_INTERVALS}). */
    private void restartHoldingNumbersToIntervals() {
        server.close();
        simulator = new XciSimulator(CREDENTIALS, clock, XciDialects.of(Map.of(XciDialects.NUMBERS_IN_INTERVALS, "true")));
        server = SimServer.start(SimOptions.DEFAULT, simulator);
        xci = new XciHttp(server.baseUri());
        assertThat(xci.login("admin", "admin").status()).isEqualTo(200);
    }

    // ---- fixtures, created through the API

    private JsonNode xivo(String name) {
        return xci.ok(xci.post("/xivo", Map.of("name", name, "host", "10.0.0.1", "configure", false)));
    }

    private JsonNode entity(JsonNode xivo, String name, String start, String end) {
        return xci.ok(xci.post("/entities", Map.of("name", name, "displayName", name.toUpperCase(),
                "xivoId", xivo.get("id").asLong(), "intervals", List.of(Map.of("start", start, "end", end)),
                "presentedNumber", "inbNo")));
    }

    private ObjectNode templateBody(String name, JsonNode entity) {
        ObjectNode body = XciHttp.JSON.createObjectNode().put("name", name).put("peerSipName", "auto")
                .put("ringingTime", 30).put("routedInbound", false).put("callerIdMode", "anonymous")
                .put("voiceMailEnabled", false);
        body.putArray("xivos");
        body.putArray("entities").add(entity.get("combinedId").asText());
        return body;
    }

    private JsonNode template(String name, JsonNode entity) {
        return xci.ok(xci.post("/templates", templateBody(name, entity)));
    }

    private ObjectNode userBody(JsonNode entity, JsonNode template, String number) {
        return XciHttp.JSON.createObjectNode().put("entityCId", entity.get("combinedId").asText())
                .put("templateId", template.get("id").asLong()).put("firstName", "Alice")
                .put("lastName", "Liddell").put("internalNumber", number);
    }

    // ---- sessions

    @Test
    void wrongCredentialsAre401AndSetNoCookie() {
        XciHttp other = new XciHttp(server.baseUri());
        XciHttp.Answer answer = other.login("admin", "wrong");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.raw().headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void everyCallWithoutAValidCookieIs401() {
        xci.forgetCookie();
        assertThat(xci.get("/xivo").status()).isEqualTo(401);
        assertThat(xci.post("/xivo", Map.of("name", "x", "host", "h")).status()).isEqualTo(401);
        assertThat(xci.send("GET", "/templates", null).status()).isEqualTo(401);
    }

    @Test
    void sessionsExpireAfterTheirLifetime() {
        assertThat(xci.get("/xivo").status()).isEqualTo(200);
        clock.advance(Duration.ofMillis(1500));
        assertThat(xci.get("/xivo").status()).isEqualTo(401);
        xci.login("admin", "admin");
        assertThat(xci.get("/xivo").status()).isEqualTo(200);
    }

    @Test
    void theWholeSetCookieHeaderSentBackAsCookieIsAccepted() {
        XciHttp.Answer login = new XciHttp(server.baseUri()).login("admin", "admin");
        String setCookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(XciSimulator.SESSION_COOKIE + "=").contains("HttpOnly");
        // The seed's Python example sends the Set-Cookie value back verbatim, attributes and all.
        java.net.http.HttpRequest request = java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(server.baseUri() + "/api/1.0/xivo")).header("Cookie", setCookie).build();
        assertThat(send(request)).isEqualTo(200);
    }

    private static int send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---- XiVOs

    @Test
    void startsWithNoXivoAndTheInstallersAdministrator() {
        assertThat(xci.ok(xci.get("/xivo")).get("items")).isEmpty();
        JsonNode admins = xci.ok(xci.get("/administrators")).get("items");
        assertThat(admins).hasSize(1);
        assertThat(admins.get(0).get("login").asText()).isEqualTo("admin");
        assertThat(admins.get(0).get("superAdmin").asBoolean()).isTrue();
    }

    @Test
    void xivoIsCreatedListedAndReadWithUuidAndSlotsButNoConfigureFlag() {
        JsonNode created = xivo("xivo-220");
        assertThat(created.get("uuid").asText()).hasSize(36);
        assertThat(created.get("remainingSlots").asLong()).isEqualTo(XciStore.SLOTS_PER_XIVO);
        assertThat(created.has("configure")).isFalse();
        assertThat(xci.ok(xci.get("/xivo/" + created.get("id"))).get("name").asText()).isEqualTo("xivo-220");
        assertThat(xci.ok(xci.get("/xivo")).get("items")).hasSize(1);
        assertThat(xci.post("/xivo", Map.of("name", "xivo-220", "host", "h")).status()).isEqualTo(400);
    }

    @Test
    void xivosCanBeNeitherEditedNorDeleted() {
        JsonNode created = xivo("xivo-220");
        XciHttp.Answer put = xci.put("/xivo/" + created.get("id"), Map.of("name", "renamed", "host", "h"));
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.raw().headers().firstValue("Allow")).contains("GET");
        assertThat(xci.delete("/xivo/" + created.get("id")).status()).isEqualTo(405);
        assertThat(xci.ok(xci.get("/xivo/" + created.get("id"))).get("name").asText()).isEqualTo("xivo-220");
    }

    @Test
    void synchronizeConfigFilesAnswers200() {
        assertThat(xci.get("/xivo/synchronize_config_files").status()).isEqualTo(200);
    }

    @Test
    void unknownIdsAre404() {
        assertThat(xci.get("/xivo/99").status()).isEqualTo(404);
        assertThat(xci.get("/users/99").status()).isEqualTo(404);
        assertThat(xci.get("/entities/nobody@nowhere").status()).isEqualTo(404);
    }

    @Test
    void bodiesNotDeclaredAsJsonAre415() {
        XciHttp.Answer answer = xci.send("POST", "/xivo", null);
        assertThat(answer.status()).isEqualTo(415);
    }

    // ---- entities

    @Test
    void entitiesAreAddressedByNameAtXivoUuidAndEmbedTheirXivo() {
        JsonNode xivo = xivo("xivo-220");
        JsonNode created = entity(xivo, "default", "1700", "1799");
        String combinedId = "default@" + xivo.get("uuid").asText();
        assertThat(created.get("combinedId").asText()).isEqualTo(combinedId);
        JsonNode read = xci.ok(xci.get("/entities/" + combinedId));
        assertThat(read.get("xivo").get("name").asText()).isEqualTo("xivo-220");
        assertThat(read.get("intervals").get(0).get("end").asText()).isEqualTo("1799");
        assertThat(xci.ok(xci.get("/entities")).get("items")).hasSize(1);

        JsonNode edited = xci.ok(xci.put("/entities/" + combinedId, Map.of("displayName", "Paris")));
        assertThat(edited.get("displayName").asText()).isEqualTo("Paris");
        assertThat(edited.get("presentedNumber").asText()).isEqualTo("inbNo");

        assertThat(xci.delete("/entities/" + combinedId).status()).isEqualTo(204);
        assertThat(xci.get("/entities/" + combinedId).status()).isEqualTo(404);
    }

    @Test
    void intervalsOfOneXivoMustNotOverlap() {
        JsonNode xivo = xivo("xivo-220");
        entity(xivo, "a", "1700", "1799");
        XciHttp.Answer overlapping = xci.post("/entities", Map.of("name", "b", "xivoId", xivo.get("id").asLong(),
                "intervals", List.of(Map.of("start", "1750", "end", "1850")), "presentedNumber", ""));
        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(overlapping.message()).contains("overlaps");
    }

    @Test
    void availableNumbersAreTheFreeNumbersOfTheIntervalsInOrder() {
        JsonNode xivo = xivo("xivo-220");
        JsonNode entity = xci.ok(xci.post("/entities", Map.of("name", "default", "displayName", "d",
                "xivoId", xivo.get("id").asLong(), "presentedNumber", "inbNo", "intervals",
                List.of(Map.of("start", "1700", "end", "1702"), Map.of("start", "1961", "end", "")))));
        JsonNode template = template("t", entity);
        xci.ok(xci.post("/users", userBody(entity, template, "1701")));
        JsonNode free = xci.ok(xci.get("/entities/" + entity.get("combinedId").asText() + "/available_numbers"));
        assertThat(free.get("items")).extracting(JsonNode::asText).containsExactly("1700", "1702", "1961");
    }

    @Test
    void anEntityWithUsersCannotBeDeletedAndHoldingNumbersToIntervalsNotShrunkBelowThem() {
        JsonNode xivo = xivo("xivo-220");
        JsonNode entity = entity(xivo, "default", "1700", "1799");
        xci.ok(xci.post("/users", userBody(entity, template("t", entity), "1750")));
        String path = "/entities/" + entity.get("combinedId").asText();
        assertThat(xci.delete(path).status()).isEqualTo(400);
        assertThat(xci.put(path, Map.of("intervals", List.of(Map.of("start", "1700", "end", "1709")))).status())
                .as("by default a user may lie outside its entity's intervals, so they may shrink past it").isEqualTo(200);

        restartHoldingNumbersToIntervals();
        xivo = xivo("xivo-220");
        entity = entity(xivo, "default", "1700", "1799");
        xci.ok(xci.post("/users", userBody(entity, template("t", entity), "1750")));
        path = "/entities/" + entity.get("combinedId").asText();
        XciHttp.Answer shrink = xci.put(path, Map.of("intervals", List.of(Map.of("start", "1700", "end", "1709"))));
        assertThat(shrink.status()).isEqualTo(400);
        assertThat(shrink.message()).contains("1750");
    }

    // ---- users

    @Test
    void aUserIsCreatedReadWithItsEntityAndWithoutTemplateIdAndListedUnderItsEntity() {
        JsonNode xivo = xivo("xivo-220");
        JsonNode entity = entity(xivo, "default", "1700", "1799");
        JsonNode template = template("t", entity);
        JsonNode created = xci.ok(xci.post("/users", userBody(entity, template, "1701").put("ctiLogin", "alice")
                .put("ctiPassword", "secret")));
        JsonNode read = xci.ok(xci.get("/users/" + created.get("id")));
        assertThat(read.get("entity").get("combinedId").asText()).isEqualTo(entity.get("combinedId").asText());
        assertThat(read.has("templateId")).isFalse();
        assertThat(read.get("ctiPassword").asText()).isEqualTo("secret");
        assertThat(read.get("mail").isNull()).isTrue();
        assertThat(read.get("provisioningNumber").asText()).isNotEmpty();
        JsonNode listed = xci.ok(xci.get("/entities/" + entity.get("combinedId").asText() + "/users"));
        assertThat(listed.get("items")).hasSize(1);

        JsonNode edited = xci.ok(xci.put("/users/" + created.get("id"), Map.of("lastName", "Pleasance")));
        assertThat(edited.get("lastName").asText()).isEqualTo("Pleasance");
        assertThat(edited.get("ctiLogin").asText()).isEqualTo("alice");
        assertThat(xci.delete("/users/" + created.get("id")).status()).isEqualTo(204);
        assertThat(xci.get("/users/" + created.get("id")).status()).isEqualTo(404);
    }

    @Test
    void aUserTakesASlotOfItsXivoAndGivesItBackWhenDeleted() {
        JsonNode xivo = xivo("xivo-220");
        JsonNode entity = entity(xivo, "default", "1700", "1799");
        JsonNode user = xci.ok(xci.post("/users", userBody(entity, template("t", entity), "1701")));
        String xivoPath = "/xivo/" + xivo.get("id");
        assertThat(xci.ok(xci.get(xivoPath)).get("remainingSlots").asLong()).isEqualTo(XciStore.SLOTS_PER_XIVO - 1);
        xci.delete("/users/" + user.get("id"));
        assertThat(xci.ok(xci.get(xivoPath)).get("remainingSlots").asLong()).isEqualTo(XciStore.SLOTS_PER_XIVO);
    }

    @Test
    void aXivoWithNoSlotLeftRefusesUsers() {
        JsonNode xivo = xivo("xivo-220");
        JsonNode entity = entity(xivo, "default", "1700", "1799");
        JsonNode template = template("t", entity);
        ObjectNode state = (ObjectNode) simulator.snapshot();
        ((ObjectNode) state.get("xivos").get(0)).put("remainingSlots", 0);
        simulator.restore(state);
        XciHttp.Answer refused = xci.post("/users", userBody(entity, template, "1701"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("slot");
    }

    @Test
    void aUserOutsideItsEntitysIntervalsIsAcceptedAsTheDocumentsUser6260Is() {
        // the document: user 6260 of entity default_analogique, intervals 3990000-3999999 and 39990000-39999999
        JsonNode xivo = xivo("xivo-221");
        JsonNode entity = xci.ok(xci.post("/entities", Map.of("name", "default_analogique", "displayName",
                "default_analogique", "xivoId", xivo.get("id").asLong(), "presentedNumber", "inbNo", "intervals",
                List.of(Map.of("start", "3990000", "end", "3999999"), Map.of("start", "39990000", "end", "39999999")))));
        JsonNode user = xci.ok(xci.post("/users", userBody(entity, template("t", entity), "6260")));
        assertThat(xci.ok(xci.get("/users/" + user.get("id"))).get("internalNumber").asText()).isEqualTo("6260");
        assertThat(xci.ok(xci.get("/entities/" + entity.get("combinedId").asText() + "/available_numbers"))
                .get("items").get(0).asText()).as("available numbers stay inside the intervals").isEqualTo("3990000");
    }

    @Test
    void aUserNumberOutsideTheIntervalsWhereTheyAreHeldOrTakenIsRefusedWithAReadableMessage() {
        restartHoldingNumbersToIntervals();
        JsonNode xivo = xivo("xivo-220");
        JsonNode entity = entity(xivo, "default", "1700", "1799");
        JsonNode template = template("t", entity);
        XciHttp.Answer outside = xci.post("/users", userBody(entity, template, "1800"));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.message()).contains("1800").contains("outside").contains("1700-1799");
        xci.ok(xci.post("/users", userBody(entity, template, "1701")));
        XciHttp.Answer taken = xci.post("/users", userBody(entity, template, "1701"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.message()).contains("already taken");
    }

    @Test
    void aNumberIsTakenOnItsXivoOnlyAndFreedByAnEditADeleteOrMovingToAnotherXivoAndKeptThroughARestore() {
        JsonNode xivo = xivo("xivo-220");
        JsonNode entity = entity(xivo, "default", "1700", "1799");
        JsonNode template = template("t", entity);
        JsonNode other = entity(xivo("xivo-221"), "other", "1700", "1799");
        JsonNode otherTemplate = template("o", other);
        xci.ok(xci.post("/users", userBody(other, otherTemplate, "1701")));
        JsonNode alice = xci.ok(xci.post("/users", userBody(entity, template, "1701")));
        assertThat(xci.post("/users", userBody(entity, template, "1701")).message()).contains("already taken");
        assertThat(xci.ok(xci.get("/entities/" + entity.get("combinedId").asText() + "/available_numbers"))
                .get("items")).extracting(JsonNode::asText).startsWith("1700", "1702");

        xci.ok(xci.put("/users/" + alice.get("id"), Map.of("internalNumber", "1702")));
        assertThat(xci.put("/users/" + alice.get("id"), Map.of("internalNumber", "1702")).status())
                .as("a user keeps its own number").isEqualTo(200);
        JsonNode bob = xci.ok(xci.post("/users", userBody(entity, template, "1701")));
        assertThat(xci.post("/users", userBody(entity, template, "1702")).message())
                .contains("already taken by the user " + alice.get("id"));

        XciSimulator restored = new XciSimulator(CREDENTIALS, clock);
        restored.restore(simulator.snapshot());
        try (SimServer again = SimServer.start(SimOptions.DEFAULT, restored)) {
            XciHttp client = new XciHttp(again.baseUri());
            client.login("admin", "admin");
            assertThat(client.post("/users", userBody(entity, template, "1701")).message())
                    .contains("already taken by the user " + bob.get("id"));
        }

        xci.delete("/users/" + bob.get("id"));
        JsonNode carol = xci.ok(xci.post("/users", userBody(entity, template, "1701")));
        ObjectNode move = userBody(other, otherTemplate, "1701");
        assertThat(xci.put("/users/" + carol.get("id"), move).message()).as("1701 is taken on xivo-221")
                .contains("already taken");
        xci.ok(xci.put("/users/" + carol.get("id"), move.put("internalNumber", "1703")));
        xci.ok(xci.post("/users", userBody(entity, template, "1701")));
    }

    @Test
    void aUserNeedsAnExistingTemplateAvailableToItsEntity() {
        JsonNode xivo = xivo("xivo-220");
        JsonNode entity = entity(xivo, "default", "1700", "1799");
        JsonNode other = entity(xivo, "other", "1800", "1899");
        JsonNode foreignTemplate = template("only for other", other);
        XciHttp.Answer unavailable = xci.post("/users", userBody(entity, foreignTemplate, "1701"));
        assertThat(unavailable.status()).isEqualTo(400);
        assertThat(unavailable.message()).contains("not available");
        XciHttp.Answer unknown = xci.post("/users", userBody(entity, foreignTemplate, "1701").put("templateId", 999));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).contains("999");
    }

    @Test
    void aTemplateAvailableToTheWholeXivoServesItsEntities() {
        JsonNode xivo = xivo("xivo-220");
        JsonNode entity = entity(xivo, "default", "1700", "1799");
        ObjectNode body = templateBody("xivo-wide", entity);
        body.putArray("entities");
        body.putArray("xivos").add(xivo.get("id").asLong());
        JsonNode template = xci.ok(xci.post("/templates", body));
        assertThat(xci.post("/users", userBody(entity, template, "1701")).status()).isEqualTo(201);
    }

    @Test
    void aUserMissingARequiredFieldIsRefused() {
        JsonNode xivo = xivo("xivo-220");
        JsonNode entity = entity(xivo, "default", "1700", "1799");
        ObjectNode body = userBody(entity, template("t", entity), "1701");
        body.remove("lastName");
        XciHttp.Answer refused = xci.post("/users", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("lastName").contains("required");
    }

    // ---- templates

    @Test
    void templatesAreListedAsABareArray() {
        JsonNode xivo = xivo("xivo-220");
        JsonNode created = template("Standard", entity(xivo, "default", "1700", "1799"));
        JsonNode list = xci.ok(xci.get("/templates"));
        assertThat(list.isArray()).isTrue();
        assertThat(list.get(0).get("id")).isEqualTo(created.get("id"));
        assertThat(list.get(0).get("voiceMailNumberMode").asText()).isEqualTo("short_number");
        JsonNode edited = xci.ok(xci.put("/templates/" + created.get("id"), Map.of("ringingTime", 45)));
        assertThat(edited.get("ringingTime").asLong()).isEqualTo(45);
        assertThat(xci.delete("/templates/" + created.get("id")).status()).isEqualTo(204);
        assertThat(xci.ok(xci.get("/templates"))).isEmpty();
    }

    @Test
    void conditionalTemplateFieldsAreCompulsoryWhenTheirConditionHolds() {
        JsonNode entity = entity(xivo("xivo-220"), "default", "1700", "1799");
        Map<String, Map.Entry<String, String>> conditions = Map.of(
                "routedInboundPrefix", Map.entry("routedInbound", "true"),
                "customCallerId", Map.entry("callerIdMode", "custom"),
                "voiceMailCustomNumber", Map.entry("voiceMailNumberMode", "custom"));
        conditions.forEach((field, condition) -> {
            ObjectNode body = templateBody("t-" + field, entity);
            if (condition.getValue().equals("true")) {
                body.put(condition.getKey(), true);
            } else {
                body.put(condition.getKey(), condition.getValue());
            }
            XciHttp.Answer refused = xci.post("/templates", body);
            assertThat(refused.status()).as(field).isEqualTo(400);
            assertThat(refused.message()).contains(field).contains("compulsory");
            body.put(field, "555");
            assertThat(xci.ok(xci.post("/templates", body)).get(field).asText()).isEqualTo("555");
        });
    }

    @Test
    void aTemplateWithAnUnknownPeerSipNameIsRefused() {
        JsonNode entity = entity(xivo("xivo-220"), "default", "1700", "1799");
        XciHttp.Answer refused = xci.post("/templates", templateBody("t", entity).put("peerSipName", "other"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("peerSipName");
    }

    // ---- administrators

    @Test
    void administratorPasswordsComeBackHashedNeverAsSentAndStillWork() {
        JsonNode entity = entity(xivo("xivo-220"), "default", "1700", "1799");
        JsonNode created = xci.ok(xci.post("/administrators", Map.of("login", "ops", "name", "Ops", "ldap", false,
                "password", "s3cret-pass", "superAdmin", false, "entityIds", List.of(entity.get("id").asLong()))));
        JsonNode read = xci.ok(xci.get("/administrators/" + created.get("id")));
        assertThat(read.get("password").asText()).isNotEmpty().doesNotContain("s3cret-pass");
        assertThat(read.get("entities").get(0).get("combinedId")).isEqualTo(entity.get("combinedId"));
        assertThat(new XciHttp(server.baseUri()).login("ops", "s3cret-pass").status()).isEqualTo(200);

        JsonNode renamed = xci.ok(xci.put("/administrators/" + created.get("id"), Map.of("name", "Operations")));
        assertThat(renamed.get("password")).isEqualTo(read.get("password"));
        assertThat(xci.delete("/administrators/" + created.get("id")).status()).isEqualTo(204);
        assertThat(new XciHttp(server.baseUri()).login("ops", "s3cret-pass").status()).isEqualTo(401);
    }

    @Test
    void aPasswordIsCompulsoryUnlessLdap() {
        XciHttp.Answer refused = xci.post("/administrators", Map.of("login", "ops", "name", "Ops", "ldap", false,
                "superAdmin", false));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("password");
        assertThat(xci.post("/administrators", Map.of("login", "ops", "name", "Ops", "ldap", true,
                "superAdmin", false)).status()).isEqualTo(201);
    }

    // ---- state

    @Test
    void snapshotAndRestoreCarryTheWholeStateIncludingIdSequences() {
        JsonNode xivo = xivo("xivo-220");
        JsonNode entity = entity(xivo, "default", "1700", "1799");
        JsonNode user = xci.ok(xci.post("/users", userBody(entity, template("t", entity), "1701")));
        xci.delete("/users/" + user.get("id"));
        JsonNode state = simulator.snapshot();

        XciSimulator restored = new XciSimulator(CREDENTIALS, clock);
        restored.restore(state);
        assertThat(restored.snapshot()).isEqualTo(state);
        try (SimServer other = SimServer.start(SimOptions.DEFAULT, restored)) {
            XciHttp client = new XciHttp(other.baseUri());
            client.login("admin", "admin");
            assertThat(client.ok(client.get("/entities")).get("items").get(0).get("combinedId"))
                    .isEqualTo(entity.get("combinedId"));
            JsonNode again = client.ok(client.post("/users", userBody(entity,
                    client.ok(client.get("/templates")).get(0), "1701")));
            assertThat(again.get("id").asLong()).isGreaterThan(user.get("id").asLong());
        }
    }

    @Test
    void theXciSystemBuildsItForTheXciTargetKind() {
        assertThat(InstalledSystems.all().find("xci").orElseThrow().simulator(SimCredentials.DEFAULT))
                .isInstanceOf(XciSimulator.class);
    }
}
