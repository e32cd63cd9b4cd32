package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an editor shows from the schemas {@code switchboard schema} prints, and what {@code validate} says of a value they refuse. */
@QuarkusTest
class SchemaHoverTest {

    @Inject
    Commands commands;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theOfficelinxAddressTypeExplainsItsCodes() throws Exception {
        Commands.Run result = commands.run("schema", "officelinx");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode type = json.readTree(result.out()).at("/$defs/address/properties/type");
        assertThat(type.path("description").asText()).contains("AddressType");
        assertThat(type.path("examples").isArray()).isTrue();
        List<String> codes = new ArrayList<>();
        type.path("anyOf").forEach(branch -> {
            assertThat(branch.path("description").asText()).as(branch.toString()).isNotBlank();
            if (branch.has("const")) {
                codes.add(branch.get("const").asText() + ": " + branch.get("description").asText());
            }
        });
        assertThat(codes).singleElement().asString().startsWith("0: Extension");
    }

    @Test
    void theXciModesListTheirValuesWithTheirMeaning() throws Exception {
        JsonNode template = json.readTree(commands.run("schema", "xci").out()).at("/$defs/template/properties");
        // The document's words: "incomingNo : use the SDA prefix, anonymous : masked call, custom : a custom number".
        assertThat(meanings(template.path("callerIdMode"))).containsExactly("incomingNo: Use the SDA prefix",
                "anonymous: Masked call", "custom: A custom number, given in customCallerId");
        assertThat(meanings(template.path("voiceMailNumberMode"))).extracting(m -> m.substring(0, m.indexOf(':')))
                .containsExactly("short_number", "custom");
        assertThat(meanings(template.path("peerSipName"))).extracting(m -> m.substring(0, m.indexOf(':')))
                .containsExactly("auto", "model");
    }

    @Test
    void validateNamesFileLineFieldAndTheAllowedValuesOfABadMode(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  xci-paris: { kind: xci, url: embedded, auth: { login: admin, password: admin } }
                """);
        Files.writeString(dir.resolve("xci.yaml"), """
                target: xci-paris
                templates:
                  - name: Standard line
                    peerSipName: auto
                    ringingTime: 30
                    routedInbound: false
                    callerIdMode: sometimes
                    voiceMailEnabled: false
                """);
        Commands.Run result = commands.run("validate", "-c", dir.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.out())
                .contains("xci.yaml:7:5: templates[0].callerIdMode: 'sometimes' is not allowed here")
                .contains("hint: use one of: incomingNo (use the SDA prefix), anonymous (masked call), "
                        + "custom (a custom number, given in customCallerId)")
                .contains("1 problem in 1 file.");
    }

    /** "VALUE: description" for each {@code const} branch of a {@code oneOf}, as an editor's completion list shows them. */
    private static List<String> meanings(JsonNode property) {
        List<String> values = new ArrayList<>();
        property.path("oneOf").forEach(branch -> values.add(branch.path("const").asText() + ": "
                + branch.path("description").asText().replaceAll("\\.$", "")));
        return values;
    }
}
