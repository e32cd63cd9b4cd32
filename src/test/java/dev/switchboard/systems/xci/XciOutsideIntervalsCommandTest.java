package dev.switchboard.systems.xci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cli.Commands;
import dev.switchboard.model.Resource;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Provider;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.xci.sim.XciSimulator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's own user 6260, in entity {@code default_analogique} whose intervals are 3990000-3999999 and
 * 39990000-39999999: a simulator holds it, {@code export} writes it, and {@code validate} and {@code plan}
 * accept the export with a warning at the user's number.
 */
@QuarkusTest
class XciOutsideIntervalsCommandTest {

    private static final String WARNING = "entities[0].users[0].internalNumber: warning: internal number 6260 lies "
            + "outside every interval of entity default_analogique@xivo-221";

    @Inject
    Commands commands;

    @TempDir
    Path dir;

    private SimServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The server of the document's examples: XiVO xivo-221, entity default_analogique, user 6260. */
    private void startTheDocumentsServer() {
        server = SimServer.start(SimOptions.DEFAULT, new XciSimulator(SimCredentials.DEFAULT));
        XciFixtures.Ids ids = new XciFixtures.Ids();
        try (Provider provider = new XciProviderFactory(ApiObserver.NONE)
                .open(XciFixtures.target(server.baseUri().toString(), "admin", "admin"), server.baseUri())) {
            Map<String, Object> template = new LinkedHashMap<>(XciProviderSimulatorTest.templateDesired().fields());
            template.put("xivos", List.of("xivo-221"));
            template.put("entities", List.of("default_analogique@xivo-221"));
            for (Resource desired : List.of(
                    XciFixtures.desired(XciKinds.XIVO, Map.of("name", "xivo-221", "host", "", "configure", false), "xivo-221"),
                    XciFixtures.desired(XciKinds.ENTITY, Map.of("name", "default_analogique", "xivo", "xivo-221",
                            "displayName", "default_analogique", "presentedNumber", "inbNo", "intervals", List.of(
                                    Map.of("start", "3990000", "end", "3999999"),
                                    Map.of("start", "39990000", "end", "39999999"))), "default_analogique@xivo-221"),
                    XciFixtures.desired(XciKinds.TEMPLATE, template, "Standard line"),
                    XciFixtures.desired(XciKinds.USER, Map.of("entity", "default_analogique@xivo-221",
                            "internalNumber", "6260", "firstName", "Sous sol Logistique", "lastName", "CLF 88:40 P3",
                            "template", "Standard line"), "xivo-221", "6260"))) {
                ids.remember(((Creator) provider.type(desired.kind()).orElseThrow()).create(desired, ids));
            }
        }
    }

    @Test
    void anExportHoldingTheDocumentsUser6260ValidatesWithAWarningAndPlansWithIt() throws Exception {
        startTheDocumentsServer();
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                targets:
                  xci-main:
                    kind: xci
                    url: %s
                    auth: { login: admin, password: admin }
                """.formatted(server.baseUri()));

        Commands.Run export = commands.run("export", "-c", dir.toString(), "-t", "xci-main");
        assertThat(export.exitCode()).as(export.output()).isZero();
        Path exported = dir.resolve("xci/xci-main.yaml");
        assertThat(Files.readString(exported)).contains("6260").contains("${env:XCI_ADMIN_PASSWORD}");
        // the secret export asks for, given as a file since a test cannot set its own environment
        Files.writeString(exported, Files.readString(exported).replace("${env:XCI_ADMIN_PASSWORD}", "${file:admin.secret}"));
        Files.writeString(dir.resolve("admin.secret"), "admin");

        Commands.Run validate = commands.run("validate", "-c", dir.toString());
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(validate.out()).contains("xci/xci-main.yaml:").contains(WARNING)
                .contains("hint: XCI accepts it, but never offers it as an available number: use a number in "
                        + "3990000-3999999, 39990000-39999999, or widen the entity's intervals")
                .contains(", 1 warning.");

        Commands.Run plan = commands.run("plan", "-c", dir.toString());
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.err()).contains(WARNING);
        assertThat(plan.out()).doesNotContain("warning:");
    }
}
