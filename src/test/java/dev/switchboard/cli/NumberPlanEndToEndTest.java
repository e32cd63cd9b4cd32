package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** settings.numberPlan through the real commands: validate offline, plan against the embedded simulators. */
@QuarkusTest
class NumberPlanEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Commands commands;

    @TempDir
    Path temp;

    private static void numberPlan(QuickstartCopy quickstart, String scopes) {
        quickstart.replace("switchboard.yaml", "settings:\n  parallelism: 4\n", "settings:\n  parallelism: 4\n  numberPlan:\n" + scopes);
    }

    @Test
    void validateReportsAClashAcrossOfficelinxXciAndXivoWithBothFilesAndLines() throws Exception {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main", "xci-paris", "xivo-lyon");
        numberPlan(quickstart, "    - { name: paris, targets: [olx-main, xci-paris, xivo-lyon], ranges: [\"1000-1999\", \"4000-4099\"] }\n");
        // XCI's users take the numbers of Officelinx's first mailbox and of a XiVO line
        quickstart.replace("xci/paris.yaml", "intervals: [ { start: \"1700\", end: \"1799\" } ]",
                "intervals: [ { start: \"1000\", end: \"4999\" } ]");
        quickstart.replace("xci/paris.yaml", "internalNumber: \"1701\"", "internalNumber: \"1001\"");
        quickstart.replace("xci/paris.yaml", "internalNumber: \"1702\"", "internalNumber: \"4001\"");

        Commands.Run result = commands.run("validate", "-c", quickstart.arg());
        assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.out())
                .contains("xivo-ws/lyon.yaml:12:5: extension 4001 of number plan paris is owned twice: by line default/4001"
                        + " of target xivo-lyon here, and by user xivo-paris/4001 of target xci-paris at xci/paris.yaml:27:9")
                .contains("officelinx/acme.yaml:26:9: mailbox 1002 (mailbox Acme/1002 of target olx-main) is no extension"
                        + " of number plan paris (at switchboard.yaml:11:7)")
                .contains("officelinx/acme.yaml:34:9: mailbox 1003 (mailbox Acme/1003 of target olx-main) is no extension")
                .doesNotContain("mailbox 1001 (");

        JsonNode report = JSON.readTree(commands.run("validate", "-c", quickstart.arg(), "-o", "json").out());
        List<String> places = new ArrayList<>();
        report.path("problems").forEach(p -> places.add(p.path("file").asText() + ":" + p.path("line").asInt()
                + " " + p.path("message").asText()));
        assertThat(places).hasSize(3);
        assertThat(places.get(2)).startsWith("xivo-ws/lyon.yaml:12 extension 4001").contains("at xci/paris.yaml:27:9");
        assertThat(places.get(0)).startsWith("officelinx/acme.yaml:26 mailbox 1002");
    }

    @Test
    void planRefusesAnExtensionThatAnUndeclaredObjectHoldsOnAnotherTarget() {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "xci-paris", "xivo-lyon");
        Commands.Run applied = commands.run("apply", "-c", quickstart.arg(), "-t", "xci-paris", "--auto-approve");
        assertThat(applied.exitCode()).as(applied.output()).isEqualTo(0);
        // user 1702 stays on the XCI server, declared by no file, and XiVO's second line is to take its number
        quickstart.replace("xci/paris.yaml", """
                      - internalNumber: "1702"
                        firstName: Bob
                        lastName: Marley
                        template: Standard line
                """, "");
        numberPlan(quickstart, "    - { name: paris, targets: [xci-paris, xivo-lyon] }\n");
        for (String written : List.of("number: \"4001\"", "default/4001")) {
            quickstart.replace("xivo-ws/lyon.yaml", written, written.replace("4001", "1702"));
        }
        assertThat(commands.run("validate", "-c", quickstart.arg()).exitCode()).isEqualTo(ExitCodes.OK);

        Commands.Run plan = commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.out()).contains("line default/1702 (declared at xivo-ws/lyon.yaml:12:5) has extension 1702 of"
                + " number plan paris, which user xivo-paris/1702 on target xci-paris already holds, and no file declares it");
        Commands.Run apply = commands.run("apply", "-c", quickstart.arg(), "--auto-approve");
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(apply.output()).contains("extension 1702");
    }
}
