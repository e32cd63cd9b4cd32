package dev.switchboard.systems.xci.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python 3 example at the end of the XCI document (src/test/resources/systems/xci/xci_api_example.py: the
 * document's code with its line breaks restored and its base URL and credentials read from argv, the
 * only edit) runs unmodified against the simulator and creates its template and its user.
 */
class XciPythonExampleTest {

    @Test
    void theDocumentsPythonExampleCreatesItsTemplateAndUser(@TempDir Path dir) throws Exception {
        assumeTrue(python3Runs(), "python3 is not installed");
        Path script = dir.resolve("xci_api_example.py");
        try (InputStream in = getClass().getResourceAsStream("/systems/xci/xci_api_example.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (SimServer server = SimServer.start(SimOptions.DEFAULT, new XciSimulator(SimCredentials.DEFAULT))) {
            XciHttp xci = new XciHttp(server.baseUri());
            xci.login("admin", "admin");
            JsonNode xivo = xci.ok(xci.post("/xivo", Map.of("name", "xivo-220", "host", "10.0.0.220", "configure", true)));
            for (List<String> entity : List.of(List.of("default", "1700", "1799"), List.of("sales", "2000", "2099"))) {
                xci.ok(xci.post("/entities", Map.of("name", entity.get(0), "displayName", entity.get(0),
                        "xivoId", xivo.get("id").asLong(), "presentedNumber", "inbNo",
                        "intervals", List.of(Map.of("start", entity.get(1), "end", entity.get(2))))));
            }

            Process python = new ProcessBuilder("python3", script.toString(), server.baseUri() + "/api/1.0", "admin",
                    "admin").redirectErrorStream(true).start();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as(output).isZero();
            assertThat(output).contains("Selected entity \"sales\" in XiVO \"xivo-220\"", "New user created");

            JsonNode template = xci.ok(xci.get("/templates")).get(0);
            assertThat(template.get("name").asText()).isEqualTo("My line template");
            JsonNode users = xci.ok(xci.get("/entities/sales@" + xivo.get("uuid").asText() + "/users")).get("items");
            assertThat(users).singleElement().satisfies(user -> {
                assertThat(user.get("firstName").asText()).isEqualTo("Alice");
                assertThat(user.get("lastName").asText()).isEqualTo("In Wonderland");
                assertThat(user.get("internalNumber").asText()).isEqualTo("2000");
            });
        }
    }

    private static boolean python3Runs() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
