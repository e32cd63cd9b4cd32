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
        type.path("oneOf").forEach(branch -> {
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
        assertThat(template.path("callerIdMode").path("description").asText()) // the README's hover text
                .isEqualTo("callerIdMode: which number is shown on outgoing calls; custom needs customCallerId.");
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
        // The README's Schemas section shows these two lines.
        assertThat(result.out())
                .contains("xci.yaml:7:5: templates[0].callerIdMode: 'sometimes' is not allowed here" + System.lineSeparator()
                        + "  hint: use one of: incomingNo (use the SDA prefix), anonymous (masked call), "
                        + "custom (a custom number, given in customCallerId)" + System.lineSeparator())
                .contains("1 problem in 1 file.");
    }

    @Test
    void validateExplainsTheAddressTypeCodesItRefuses(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  olx-main: { kind: officelinx, url: embedded, auth: { clientId: c, clientSecret: s, username: u, password: p } }
                """);
        Files.writeString(dir.resolve("acme.yaml"), """
                target: olx-main
                companies:
                  - name: Acme
                    featureGroups: [ { number: 1, name: Staff } ]
                    mailboxes:
                      - { number: "1001", userName: ada, firstName: Ada, lastName: Lovelace, featureGroup: 1,
                          addresses: [ { type: 1, address: "+15551001" }, { type: -1, address: "1001" } ] }
                """);
        Commands.Run result = commands.run("validate", "-c", dir.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.out())
                .contains("companies[0].mailboxes[0].addresses[1].type: '-1' is not allowed here" + System.lineSeparator()
                        + "  hint: use one of: 0 (extension: a number dialled to reach the mailbox")
                .contains("another address type of the server")
                .contains("1 problem in 1 file.")
                .doesNotContain("addresses[0]");
    }

    /** "VALUE: description" for each {@code const} branch of a {@code oneOf}, as an editor's completion list shows them. */
    private static List<String> meanings(JsonNode property) {
        List<String> values = new ArrayList<>();
        property.path("oneOf").forEach(branch -> values.add(branch.path("const").asText() + ": "
                + branch.path("description").asText().replaceAll("\\.$", "")));
        return values;
    }
}
