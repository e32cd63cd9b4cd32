package dev.switchboard.systems.xivows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.DesiredStateLoader;
import dev.switchboard.desired.LoadResult;
import dev.switchboard.desired.SecretResolver;
import dev.switchboard.model.Resource;
import dev.switchboard.systems.InstalledSystems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example files waiting for examples/quickstart and examples/enterprise (with the target entries the
 * lead adds to their switchboard.yaml) validate and load as they will there.
 */
class XivoWsExamplesTest {

    static final Path EXAMPLES = Path.of("src/test/resources/systems/xivo-ws/examples");

    @TempDir
    Path temp;

    /** The example beside a switchboard.yaml holding only its target entry. */
    static Path repository(Path temp, String example) throws IOException {
        Path dir = temp.resolve(example);
        Files.createDirectories(dir.resolve("xivo-ws"));
        Files.copy(EXAMPLES.resolve(example + "/xivo-ws/lyon.yaml"), dir.resolve("xivo-ws/lyon.yaml"));
        Files.writeString(dir.resolve("switchboard.yaml"), "apiVersion: switchboard/v1\ntargets:\n"
                + Files.readString(EXAMPLES.resolve(example + "/target-entry.yaml")));
        Files.createDirectories(dir.resolve("secrets"));
        Files.copy(Path.of("examples/quickstart/secrets/simulator-password"), dir.resolve("secrets/simulator-password"));
        return dir;
    }

    private static LoadResult load(Path dir) {
        Map<String, String> env = Map.of("XIVO_LYON_LOGIN", "ws", "XIVO_LYON_PASSWORD", "pw");
        return new DesiredStateLoader(InstalledSystems.all().fileFormats())
                .load(dir, new SecretResolver(name -> Optional.ofNullable(env.get(name)), dir));
    }

    @Test
    void theQuickstartExampleLoads() throws IOException {
        LoadResult result = load(repository(temp, "quickstart"));
        assertThat(result.problems()).isEmpty();
        DesiredState state = result.requireValid();
        assertThat(state.resourcesOf("xivo-lyon").all()).extracting(r -> r.key().toString()).containsExactly(
                "entity proformatique", "entity xivo", "line default/4000", "line default/4001",
                "mailSettings mail", "pickup accueil", "user default/4000", "user default/4001");
        Resource john = state.resourcesOf("xivo-lyon").all().stream()
                .filter(r -> r.key().toString().equals("user default/4000")).findFirst().orElseThrow();
        assertThat(john.fields()).containsEntry("voicemail.attach", true).containsKey("voicemail.password");
        assertThat(john.fields().get("voicemail.password").toString()).isEqualTo("(sensitive)");
    }

    @Test
    void theEnterpriseExampleLoadsAndIsRealisticInSize() throws IOException {
        LoadResult result = load(repository(temp, "enterprise"));
        assertThat(result.problems()).isEmpty();
        DesiredState state = result.requireValid();
        assertThat(state.resourcesOf("xivo-lyon").all().stream().filter(r -> r.kind().equals(XivoWsKinds.USER)))
                .hasSize(24);
        assertThat(state.targets().get("xivo-lyon").tls().caFile()).contains("/etc/ssl/certs/xivo-lyon-ca.pem");
    }
}
