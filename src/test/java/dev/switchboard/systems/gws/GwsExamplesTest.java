package dev.switchboard.systems.gws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.DesiredStateLoader;
import dev.switchboard.desired.LoadResult;
import dev.switchboard.desired.SecretResolver;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.system.TargetSystems;
import dev.switchboard.systems.gws.provider.GwsProviderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example resource files (bound for {@code examples/quickstart/gws/} and {@code examples/enterprise/gws/})
 * load cleanly under the target entries proposed for the examples' {@code switchboard.yaml}.
 */
class GwsExamplesTest {

    static final Path EXAMPLES = Path.of("src/test/resources/systems/gws/examples");

    /** The entry proposed for examples/quickstart/switchboard.yaml. */
    static final String QUICKSTART_TARGET = """
              gws-main:
                kind: gws
                url: embedded
                auth:
                  username: admin
                  password: ${file:secrets/simulator-password}
                confirmTimeout: 30s
            """;

    /** The entry proposed for examples/enterprise/switchboard.yaml. */
    static final String ENTERPRISE_TARGET = """
              gws-emea:
                kind: gws
                url: https://gws-emea.example.com
                auth:
                  username: ${env:GWS_USER}
                  password: ${env:GWS_PASSWORD}
                tls: { caFile: /etc/ssl/gws-ca.pem }
                confirmTimeout: 2m
                prune: true
                maxDeletePercent: 10
                protect: [user/ops.reporting]
            """;

    private static final DesiredStateLoader LOADER =
            new DesiredStateLoader(TargetSystems.of(new GwsSystem(ApiObserver.NONE)).fileFormats());

    private static LoadResult load(Path temp, String example, String target, Map<String, String> env) throws Exception {
        Path dir = temp.resolve(example);
        Files.createDirectories(dir.resolve("gws"));
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/simulator-password"), "admin");
        try (var files = Files.list(EXAMPLES.resolve(example).resolve("gws"))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve("gws").resolve(file.getFileName()));
            }
        }
        Files.writeString(dir.resolve("switchboard.yaml"), "apiVersion: switchboard/v1\ntargets:\n" + target);
        return LOADER.load(dir, new SecretResolver(name -> Optional.ofNullable(env.get(name)), dir));
    }

    @Test
    void theQuickstartUsersLoadUnderAnEmbeddedTarget(@TempDir Path temp) throws Exception {
        LoadResult result = load(temp, "quickstart", QUICKSTART_TARGET, Map.of());
        assertThat(result.problems()).isEmpty();
        DesiredState state = result.requireValid();
        assertThat(state.resourcesOf("gws-main").ofKind(GwsKinds.USER)).hasSize(2);
        assertThat(state.targets().get("gws-main").options())
                .containsEntry(GwsProviderFactory.CONFIRM_TIMEOUT_OPTION, 30_000L);
    }

    @Test
    void theEnterpriseUsersLoadAndNameEveryVariableTheyNeed(@TempDir Path temp) throws Exception {
        Map<String, String> env = Map.of("GWS_USER", "switchboard", "GWS_PASSWORD", "p",
                "GWS_INITIAL_PASSWORD", "i", "GWS_REPORTING_PASSWORD", "r");
        LoadResult result = load(temp, "enterprise", ENTERPRISE_TARGET, env);
        assertThat(result.problems()).isEmpty();
        assertThat(result.requireValid().resourcesOf("gws-emea").ofKind(GwsKinds.USER)).hasSize(14);

        LoadResult unset = load(temp.resolve("unset"), "enterprise", ENTERPRISE_TARGET, Map.of());
        assertThat(unset.problems()).extracting(p -> p.message())
                .anyMatch(m -> m.contains("GWS_INITIAL_PASSWORD")).anyMatch(m -> m.contains("GWS_PASSWORD"));
    }
}
