package dev.switchboard.cli;

import java.util.List;
import java.util.ArrayList;
import dev.switchboard.system.TargetSystem;
import dev.switchboard.systems.InstalledSystems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchemaCommandTest {

    @Inject
    Commands commands;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void printsTheConfigSchemaByDefault() throws Exception {
        Commands.Run result = commands.run("schema");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode schema = json.readTree(result.out());
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asText()).isEqualTo("switchboard.yaml");
    }

    @Test
    void writesEverySchemaToADirectoryForEditors(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Commands.Run result = commands.run("schema", "--out", dir.resolve("schemas").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).contains("Wrote 6 schemas to");
        // What 'schema NAME' prints, the config schema with every system's target fields composed in.
        try (var shipped = Files.list(Path.of("schemas"))) {
            for (Path file : shipped.toList()) {
                String name = file.getFileName().toString().replace(".schema.json", "");
                assertThat(Files.readString(dir.resolve("schemas").resolve(file.getFileName()))).as(name)
                        .isEqualTo(commands.run("schema", name).out());
            }
        }
    }

    @Test
    void printsEachTargetKindsSchemaAsShippedInSchemasDirectory() throws Exception {
        // The command prints what the loader's Schemas hold: one launch proves the printing, the loader each kind.
        Commands.Run result = commands.run("schema", "xci");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(json.readTree(result.out())).isEqualTo(json.readTree(Files.readString(Path.of("schemas/xci.schema.json"))));
        dev.switchboard.desired.Schemas schemas = new dev.switchboard.desired.DesiredStateLoader(
                InstalledSystems.all().fileFormats()).schemas();
        for (String kind : InstalledSystems.all().targetKinds()) {
            assertThat(json.readTree(schemas.text(kind).orElseThrow())).as(kind)
                    .isEqualTo(json.readTree(Files.readString(Path.of("schemas", kind + ".schema.json"))));
        }
    }

    @Test
    void composesEveryInstalledSystemsTargetFieldsIntoTheConfigSchema() throws Exception {
        JsonNode schema = json.readTree(commands.run("schema").out());
        JsonNode defs = schema.path("$defs");
        List<String> kinds = new ArrayList<>();
        defs.path("target").path("properties").path("kind").path("enum").forEach(k -> kinds.add(k.asText()));
        assertThat(kinds).isEqualTo(InstalledSystems.all().targetKinds());
        for (TargetSystem system : InstalledSystems.all().all()) {
            JsonNode own = json.readTree(Files.readString(Path.of("schemas", system.targetKind() + ".schema.json")))
                    .path("$defs").path("target");
            JsonNode composed = defs.path(system.targetKind() + ".target");
            own.path("properties").fieldNames().forEachRemaining(field ->
                    assertThat(composed.path("properties").has(field)).as(system.targetKind() + " target field " + field).isTrue());
            assertThat(composed.path("properties").has("prune")).isTrue();
            for (var kind : system.resourceKinds()) {
                assertThat(defs.path("settings").path("properties").path("ignore").path("propertyNames").path("enum").toString())
                        .contains("\"" + kind.name() + "\"");
            }
        }
    }

    @Test
    void listsTheInstalledSystemsWithTheirKindsAndKeys() {
        Commands.Run result = commands.run("schema", "--list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        for (TargetSystem system : InstalledSystems.all().all()) {
            assertThat(result.out()).contains(system.targetKind() + " ").contains(system.displayName());
            system.kinds().forEach(kind -> assertThat(result.out()).contains(kind.keyPattern()));
        }
        assertThat(result.out()).contains("mailbox/COMPANY/NUMBER");
    }

    @Test
    void simRefusesAnOptionNoSimulatorHas() {
        Commands.Run malformed = commands.run("sim", "--port", "0", "--sim-option", "no-kind-here");
        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(malformed.err()).contains("KIND.NAME=VALUE").contains(String.join(", ", InstalledSystems.all().targetKinds()));
        Commands.Run unknown = commands.run("sim", "--port", "0", "--sim-option", "xci.dialect=none");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(unknown.err()).contains("the xci simulator has no option dialect");
    }

    @Test
    void exitsOneForAnUnknownKind() {
        Commands.Run result = commands.run("schema", "sipx");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("No schema named 'sipx'");
    }
}
