package dev.switchboard.systems.gws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.DesiredStateLoader;
import dev.switchboard.desired.DesiredStateWriter;
import dev.switchboard.desired.LoadResult;
import dev.switchboard.desired.Problem;
import dev.switchboard.desired.SecretResolver;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.system.TargetSystems;
import dev.switchboard.systems.gws.provider.GwsProviderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GWS resource files and target entries through the real loader: schema, reader, target fields, export. */
class GwsFilesTest {

    private static final Path EVERY_FIELD = Path.of("src/test/resources/systems/gws/every-field");
    private static final GwsSystem SYSTEM = new GwsSystem(ApiObserver.NONE);
    private static final DesiredStateLoader LOADER = new DesiredStateLoader(TargetSystems.of(SYSTEM).fileFormats());

    private static LoadResult load(Path dir, Map<String, String> environment) {
        return LOADER.load(dir, new SecretResolver(name -> Optional.ofNullable(environment.get(name)), dir));
    }

    private static List<String> messages(LoadResult result) {
        return result.problems().stream().map(p -> p.fieldPath() + ": " + p.message()).toList();
    }

    private static Path write(Path dir, String config, String users) throws Exception {
        Files.writeString(dir.resolve("switchboard.yaml"), config);
        Files.createDirectories(dir.resolve("gws"));
        Files.writeString(dir.resolve("gws/users.yaml"), users);
        return dir;
    }

    private static final String EMBEDDED = """
            apiVersion: switchboard/v1
            targets:
              gws-main:
                kind: gws
                url: embedded
                auth: { username: admin, password: admin }
            """;

    @Test
    void everyFieldOfTheSchemaIsRead() {
        DesiredState state = load(EVERY_FIELD, Map.of("GWS_PASSWORD", "ops-secret")).requireValid();
        TargetSpec main = state.targets().get("gws-main");
        assertThat(main.credential("username")).contains("ops");
        assertThat(main.auth().get("password")).isInstanceOf(Secret.class);
        assertThat(main.credential("password")).contains("ops-secret");
        assertThat(main.options()).containsEntry(GwsProviderFactory.CONFIRM_TIMEOUT_OPTION, 45_000L);
        assertThat(state.targets().get("gws-lab").credential("password")).contains("");

        Resource user = state.resourcesOf("gws-main").get(ResourceKey.of(GwsKinds.USER, "ksippo")).orElseThrow();
        assertThat(user.fields()).containsEntry("userName", "ksippo").containsEntry("firstName", "Kristi")
                .containsEntry("lastName", "Sippola").containsEntry("roles", List.of("ROLE_AGENT", "ROLE_SUPERVISOR"))
                .containsEntry("enabled", false).containsEntry("changePasswordOnFirstLogin", true);
        assertThat(((Secret) user.fields().get("password")).reveal()).isEqualTo("kristi-secret");
        assertThat(user.options().protect()).isTrue();
        assertThat(user.options().ignore()).containsExactly("lastName");
        assertThat(user.kind().isWriteOnly("password")).isTrue();
    }

    @Test
    void aPlainPasswordForARealServerIsRefusedButAnEmptyOneIsNoSecret(@TempDir Path dir) throws Exception {
        write(dir, """
                apiVersion: switchboard/v1
                targets:
                  gws-main:
                    kind: gws
                    url: https://gws.example.com
                    auth: { username: admin, password: hunter2 }
                  gws-other:
                    kind: gws
                    url: https://gws2.example.com
                    auth: { username: ksippo, password: "" }
                """, "target: gws-main\n");
        LoadResult result = load(dir, Map.of());
        assertThat(messages(result)).containsExactly(
                "targets.gws-main.auth.password: a secret written in the file: it would be committed to Git with it");
    }

    @Test
    void aBadConfirmTimeoutAndABadRoleArePointedAt(@TempDir Path dir) throws Exception {
        write(dir, EMBEDDED.replace("password: admin }", "password: admin }\n    confirmTimeout: soon"), """
                target: gws-main
                users:
                  - { userName: ksippo, firstName: Kristi, lastName: Sippola, roles: [agent] }
                """);
        LoadResult result = load(dir, Map.of());
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).extracting(Problem::fieldPath)
                .contains("targets.gws-main.confirmTimeout", "users[0].roles[0]");
    }

    @Test
    void aTargetWithoutUsernameOrWithAnUnknownFieldIsInvalid(@TempDir Path dir) throws Exception {
        write(dir, EMBEDDED.replace("username: admin, ", "").replace("url: embedded", "url: embedded\n    pbx: 1"),
                "target: gws-main\n");
        assertThat(load(dir, Map.of()).valid()).isFalse();
    }

    @Test
    void anExportLoadsBackAsTheSameUsersWithNoPasswordWritten(@TempDir Path dir) throws Exception {
        TargetSpec target = new TargetSpec("gws-main", "gws", "embedded", Map.of("username", "admin"), Map.of(),
                TargetSpec.Tls.DEFAULT, TargetSpec.Policy.DEFAULT);
        Resource admin = Resource.live(ResourceKey.of(GwsKinds.USER, "admin"), "a1", Map.of("userName", "admin",
                "firstName", "Default", "lastName", "Administrator", "roles", List.of("ROLE_ADMIN"), "enabled", true,
                "changePasswordOnFirstLogin", false), Set.of());
        Resource agent = Resource.live(ResourceKey.of(GwsKinds.USER, "ksippo"), "b2", Map.of("userName", "ksippo",
                "firstName", "Kristi", "lastName", "Sippola", "roles", List.of("ROLE_AGENT", "ROLE_SUPERVISOR"),
                "enabled", false, "changePasswordOnFirstLogin", true), Set.of());
        DesiredStateWriter.Export export = DesiredStateWriter.write(SYSTEM.files(), target,
                ResourceSet.of("gws-main", List.of(admin, agent)), "2026-12-01T10:00:00Z");
        assertThat(export.yaml()).doesNotContain("password");
        assertThat(export.notes()).singleElement().asString().contains("${env:GWS_MAIN_USERNAME_PASSWORD}");
        write(dir, EMBEDDED, export.yaml());

        ResourceSet loaded = load(dir, Map.of()).requireValid().resourcesOf("gws-main");
        for (Resource live : List.of(admin, agent)) {
            assertThat(loaded.get(live.key()).orElseThrow().fields()).isEqualTo(live.fields());
        }
    }

    @Test
    void rolesCompareAsASet() {
        var normalizer = SYSTEM.normalizers().get(GwsKinds.USER);
        assertThat(normalizer.normalize("roles", Optional.of(List.of("ROLE_B", "ROLE_A"))))
                .isEqualTo(normalizer.normalize("roles", Optional.of(List.of("ROLE_A", "ROLE_B"))));
    }
}
