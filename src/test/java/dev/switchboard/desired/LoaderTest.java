package dev.switchboard.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.KeyPattern;
import dev.switchboard.systems.officelinx.OfficelinxKinds;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.Secret;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.systems.xci.XciKinds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTest {

    private static final Map<String, String> ENV = Map.of("EVERY_FIELD_PASSWORD", "from-env");

    private final DesiredState everyField = Fixtures.load(Fixtures.desired("every-field"), ENV).requireValid();

    @Test
    void flattensNestedOfficelinxObjectsIntoNaturalKeys() {
        var olx = everyField.resourcesOf("olx-main");
        assertThat(olx.all()).extracting(r -> r.key().toString()).containsExactly(
                "address Acme/1001/0/1001",
                "company Acme",
                "department Acme/Sales",
                "department Acme/Sales/EMEA",
                "featureGroup Acme/56",
                "mailbox Acme/1001");
        Resource mailbox = olx.get(ResourceKey.of(OfficelinxKinds.MAILBOX, "Acme", "1001")).orElseThrow();
        assertThat(mailbox.fields()).containsEntry("featureGroup", 56L).containsEntry("department", "Sales/EMEA")
                .containsEntry("number", "1001");
        assertThat(mailbox.dependsOn()).containsExactlyInAnyOrder(
                ResourceKey.of(OfficelinxKinds.COMPANY, "Acme"),
                ResourceKey.of(OfficelinxKinds.FEATURE_GROUP, "Acme", "56"),
                ResourceKey.of(OfficelinxKinds.DEPARTMENT, "Acme", "Sales", "EMEA"));
        assertThat(olx.get(ResourceKey.of(OfficelinxKinds.DEPARTMENT, "Acme", "Sales", "EMEA")).orElseThrow().dependsOn())
                .containsExactly(ResourceKey.of(OfficelinxKinds.DEPARTMENT, "Acme", "Sales"));
    }

    @Test
    void mergesPerKindIgnoresFromSettingsWithTheObjectsOwn() {
        Resource mailbox = everyField.resourcesOf("olx-main")
                .get(ResourceKey.of(OfficelinxKinds.MAILBOX, "Acme", "1001")).orElseThrow();
        assertThat(mailbox.options().ignore()).containsExactlyInAnyOrder("department", "firstName");
        assertThat(mailbox.options().protect()).isTrue();
        assertThat(mailbox.origin().orElseThrow().toString()).isEqualTo("olx.yaml:14:9");
    }

    @Test
    void readsTargetsWithTheirPolicyAndSecretsResolved() {
        TargetSpec olx = everyField.targets().get("olx-main");
        assertThat(olx.kind()).isEqualTo("officelinx");
        assertThat(olx.options()).containsEntry("pbx", 2L);
        assertThat(olx.policy()).isEqualTo(new TargetSpec.Policy(true, false, true, 10, 50, 2,
                List.of(KeyPattern.parse("company/Acme"), KeyPattern.parse("mailbox"))));
        assertThat(olx.tls().caFile()).contains("/etc/ssl/uc-ca.pem");
        assertThat(olx.credential("password")).contains("from-env");
        assertThat(olx.credential("clientSecret")).contains("s3cret");
        assertThat(olx.auth().get("clientSecret")).isInstanceOf(Secret.class);
        TargetSpec xci = everyField.targets().get("xci-paris");
        assertThat(xci.isEmbedded()).isTrue();
        assertThat(xci.policy().parallelism()).as("settings.parallelism is the default").isEqualTo(4);
        assertThat(xci.policy().maxDeletePercent()).isEqualTo(20);
        assertThat(olx.options()).containsEntry("tokenPath", "/UCOAuth2/token").containsEntry("apiRoot", "/api");
        assertThat(olx.sim()).as("no sim: is the default").isEqualTo(TargetSpec.Sim.DEFAULT);
        assertThat(xci.sim()).isEqualTo(new TargetSpec.Sim(List.of("xci.login-303", "expired-403"),
                java.util.Map.of("session-requests", "5")));
    }

    @Test
    void readsXciUsersUnderTheirEntityWithTheirReferences() {
        var xci = everyField.resourcesOf("xci-paris");
        Resource user = xci.get(ResourceKey.of(XciKinds.USER, "xivo-paris", "1701")).orElseThrow();
        assertThat(user.fields()).containsEntry("entity", "acme@xivo-paris").containsEntry("template", "Direct line");
        assertThat(user.fields().get("ctiPassword")).isInstanceOf(Secret.class);
        assertThat(user.dependsOn()).containsExactlyInAnyOrder(
                ResourceKey.of(XciKinds.ENTITY, "acme@xivo-paris"), ResourceKey.of(XciKinds.TEMPLATE, "Direct line"));
        Resource entity = xci.get(ResourceKey.of(XciKinds.ENTITY, "acme@xivo-paris")).orElseThrow();
        assertThat(entity.fields().get("intervals")).isEqualTo(List.of(Map.of("start", "1700", "end", "1799")));
        assertThat(xci.get(ResourceKey.of(XciKinds.XIVO, "xivo-paris")).orElseThrow().fields())
                .containsEntry("configure", true);
    }

    @Test
    void ignoresYamlFilesWithoutTargetHiddenDirectoriesAndOtherDesiredStates(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  x: { kind: xci, url: embedded, auth: { login: a, password: b } }
                """);
        Files.writeString(dir.resolve("docker-compose.yaml"), "services: {}\n");
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/ci.yaml"), "target: nowhere\n");
        // A checkout of Switchboard itself in a CI workspace: another desired state, not searched.
        Files.createDirectories(dir.resolve("switchboard-src/examples/quickstart/officelinx"));
        Files.writeString(dir.resolve("switchboard-src/examples/quickstart/switchboard.yaml"), "apiVersion: x\n");
        Files.writeString(dir.resolve("switchboard-src/examples/quickstart/officelinx/acme.yaml"), "target: olx-main\n");
        LoadResult result = Fixtures.load(dir, Map.of());
        assertThat(result.problems()).isEmpty();
        assertThat(result.requireValid().files()).isEmpty();
    }

    @Test
    void expandsOrdinaryAnchorsAndAliases(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  x: { kind: xci, url: embedded, auth: &creds { login: a, password: b } }
                  y: { kind: xci, url: embedded, auth: *creds }
                """, StandardCharsets.UTF_8);
        DesiredState state = Fixtures.load(dir, Map.of()).requireValid();
        assertThat(state.targets().get("y").credential("login")).contains("a");
    }

    @Test
    void refusesASecretReferenceEmbeddedInALargerString(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  x: { kind: xci, url: embedded, auth: { login: a, password: "pre-${env:X}" } }
                """);
        assertThat(Fixtures.load(dir, Map.of("X", "v")).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("a secret reference must be the whole value"));
    }

    @Test
    void refusesAProtectEntryOfAKindTheTargetDoesNotHave(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  x:
                    kind: xci
                    url: embedded
                    auth: { login: a, password: b }
                    protect: [xivo, entitty/default@xivo-1]
                """);
        assertThat(Fixtures.load(dir, Map.of()).problems()).singleElement().satisfies(p -> {
            assertThat(p.render()).startsWith(
                    "switchboard.yaml:7:21: targets.x.protect[1]: 'entitty' is not a kind of a xci target");
            assertThat(p.hint()).contains("did you mean 'entity'?");
        });
    }

    @Test
    void refusesACompanyOnAnotherPbxThanItsTargetManages(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  olx: { kind: officelinx, url: embedded, auth: { clientId: a, clientSecret: b, username: c, password: d } }
                """);
        Files.writeString(dir.resolve("acme.yaml"), """
                target: olx
                companies:
                  - name: Acme
                    pbx: 2
                """);
        assertThat(Fixtures.load(dir, Map.of()).problems()).singleElement().satisfies(p -> assertThat(p.render())
                .startsWith("acme.yaml:4:5: companies[0].pbx: company Acme is on PBX 2, but target olx manages the companies of PBX 1"));
    }
}
