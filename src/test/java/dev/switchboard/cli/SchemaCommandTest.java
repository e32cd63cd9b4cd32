package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
class SchemaCommandTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void printsTheConfigSchemaByDefault(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult result = launcher.launch("schema");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode schema = json.readTree(result.getOutput());
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asText()).isEqualTo("switchboard.yaml");
    }

    @Test
    void printsEachTargetKindsSchemaAsShippedInSchemasDirectory(QuarkusMainLauncher launcher) throws Exception {
        for (String kind : new String[] {"officelinx", "xci"}) {
            LaunchResult result = launcher.launch("schema", kind);
            assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(json.readTree(result.getOutput()))
                    .isEqualTo(json.readTree(Files.readString(Path.of("schemas", kind + ".schema.json"))));
        }
    }

    @Test
    void exitsOneForAnUnknownKind(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("schema", "sipx");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.getErrorOutput()).contains("No schema named 'sipx'");
    }
}
