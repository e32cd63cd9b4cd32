package dev.switchboard.systems.xivows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.SimServer;
import dev.switchboard.systems.xivows.sim.XivoWsSimulator;
import dev.switchboard.cli.Commands;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan, apply and export through the real commands against the simulator: {@code url: embedded} once, and
 * otherwise a simulator this test starts on loopback, so that it can look into it (its state, its 304s).
 */
@QuarkusTest
class XivoWsEndToEndTest {

    @Inject
    Commands commands;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "xivo-ws/lyon.yaml";
    private static final int OK = 0;
    private static final int CHANGES = 2;
    private static final int ERROR = 1;

    @TempDir
    Path temp;

    private XivoWsSimulator simulator;
    private SimServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A copy of the fixture pointed at {@code url}, or at a simulator of this test's when null. */
    private Path copy(String url) {
        if (url == null) {
            simulator = new XivoWsSimulator(SimCredentials.DEFAULT);
            server = SimServer.start(SimOptions.DEFAULT, simulator);
            url = server.baseUri().toString();
        }
        Path source = Path.of("src/test/resources/systems/xivo-ws/lyon");
        Path target = temp.resolve("lyon");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            replace(target, "switchboard.yaml", "url: URL", "url: " + url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static void replace(Path dir, String file, String from, String to) {
        try {
            Path path = dir.resolve(file);
            String text = Files.readString(path);
            assertThat(text).as(file).contains(from);
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Commands.Run ok(Commands.Run result, int expected) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(expected);
        return result;
    }

    private Path applied() {
        Path dir = copy(null);
        ok(commands.run("apply", "-c", dir.toString(), "--auto-approve"), OK);
        return dir;
    }

    private static List<String> changes(Commands.Run plan) throws IOException {
        List<String> changes = new ArrayList<>();
        for (JsonNode change : JSON.readTree(plan.out()).path("changes")) {
            changes.add(change.path("action").asText() + " " + change.path("kind").asText() + " "
                    + change.path("key").asText());
        }
        return changes;
    }

    private JsonNode user(String firstname) {
        for (JsonNode user : simulator.snapshot().path("users")) {
            if (user.path("userfeatures").path("firstname").asText().equals(firstname)) {
                return user;
            }
        }
        throw new AssertionError("no user " + firstname);
    }

    @Test
    void appliesFromEmptyOnAnEmbeddedXivoAndThenHasNothingToDo() {
        Path dir = copy("embedded");
        Commands.Run plan = ok(commands.run("plan", "-c", dir.toString(), "--detailed-exitcode"), CHANGES);
        assertThat(plan.out()).contains("Plan: 8 to create, 1 to update, 0 to delete, 1 unmanaged.")
                .doesNotContain("FV4S9W").doesNotContain("0000");

        Commands.Run apply = ok(commands.run("apply", "-c", dir.toString(), "--auto-approve"), OK);
        assertThat(apply.out()).contains("Apply complete: 9 applied, 0 failed, 0 skipped.");

        Commands.Run again = ok(commands.run("plan", "-c", dir.toString(), "--detailed-exitcode"), OK);
        assertThat(again.out()).contains("No changes.");
    }

    @Test
    void aOneFieldEditOfAUserUpdatesOnlyThatFieldAndKeepsTheOthers() throws Exception {
        Path dir = applied();
        JsonNode before = user("John").deepCopy();
        replace(dir, FILE, "lastname: Doe", "lastname: Dow");

        Commands.Run plan = ok(commands.run("plan", "-c", dir.toString(), "-o", "json", "--detailed-exitcode"), CHANGES);
        assertThat(changes(plan)).filteredOn(c -> !c.startsWith("unmanaged")).containsExactly("update user default/4000");
        assertThat(JSON.readTree(plan.out()).path("changes").get(0).path("fields")).hasSize(1);

        ok(commands.run("apply", "-c", dir.toString(), "--auto-approve"), OK);
        ObjectNode expected = before.deepCopy();
        ((ObjectNode) expected.path("userfeatures")).put("lastname", "Dow");
        assertThat(user("John")).as("only lastname changed; voicemail, its PIN, dial actions and defaults survive")
                .isEqualTo(expected);
        assertThat(before.path("voicemail").path("password").asText()).isEqualTo("0000");
        ok(commands.run("plan", "-c", dir.toString(), "--detailed-exitcode"), OK);
    }

    @Test
    void aRemovedLineIsUnmanagedWithoutPruneAndDeletedAfterItsUserWithIt() throws Exception {
        Path dir = applied();
        replace(dir, FILE, "  - { context: default, number: \"4002\", protocol: iax, secret: \"${file:secrets/line-4002}\" }\n", "");
        replace(dir, FILE, "  - entity: proformatique\n    firstname: Max\n    lines: [ default/4002 ]\n", "");

        // The mail settings exist on every XiVO by themselves: undeclared, they are left alone, never unmanaged.
        replace(dir, FILE, "mailSettings: {", "# mailSettings: {");

        Commands.Run plan = ok(commands.run("plan", "-c", dir.toString(), "-o", "json", "--detailed-exitcode"), OK);
        assertThat(changes(plan)).contains("unmanaged line default/4002", "unmanaged user default/4002")
                .noneMatch(c -> c.startsWith("delete")).noneMatch(c -> c.contains("mailSettings"));

        replace(dir, "switchboard.yaml", "prune: false", "prune: true");
        Commands.Run pruning = ok(commands.run("plan", "-c", dir.toString(), "-o", "json"), OK);
        assertThat(changes(pruning)).contains("delete line default/4002", "delete user default/4002")
                .contains("unmanaged entity xivo");
        ok(commands.run("apply", "-c", dir.toString(), "--auto-approve"), OK);
        assertThat(simulator.snapshot().path("lines")).hasSize(2);
        assertThat(simulator.snapshot().path("users")).hasSize(2);

        List<String> applied = new ArrayList<>();
        try (Stream<Path> journals = Files.list(dir.resolve(".switchboard/journal"))) {
            Path last = journals.sorted().reduce((a, b) -> b).orElseThrow();
            for (String line : Files.readAllLines(last)) {
                JsonNode event = JSON.readTree(line);
                if (event.path("event").asText().equals("applied")) {
                    applied.add(event.path("action").asText() + " " + event.path("kind").asText());
                }
            }
        }
        assertThat(applied).containsExactly("delete user", "delete line");
    }

    @Test
    void anExportOfAPopulatedXivoPlansToNoChanges() throws Exception {
        Path dir = applied();
        Files.delete(dir.resolve(FILE));

        Commands.Run export = ok(commands.run("export", "-c", dir.toString(), "-t", "xivo-lyon"), OK);
        // The PIN 0000 must not show; the temporary directory's random name, which the messages name, may hold its digits.
        assertThat(export.err().replace(dir.toString(), "DIR")).contains("voicemail.password").doesNotContain("FV4S9W")
                .doesNotContain("0000");
        String yaml = Files.readString(dir.resolve("xivo-ws/xivo-lyon.yaml"));
        assertThat(yaml).contains("name: proformatique").contains("accueil").contains("smtp.example.com")
                .doesNotContain("FV4S9W");

        Commands.Run plan = ok(commands.run("plan", "-c", dir.toString(), "--detailed-exitcode"), OK);
        assertThat(plan.out()).contains("No changes.").doesNotContain("unmanaged");
    }

    @Test
    void aLineNumberThatIsNotFreeIsAPlanErrorBeforeAnythingIsWritten() throws Exception {
        Path dir = copy(null);
        replace(dir, FILE, "  - { context: default, number: \"4002\"",
                "  - { context: default, number: \"9999\", protocol: sip, secret: \"${file:secrets/line-4002}\" }\n"
                        + "  - { context: default, number: \"4002\"");
        Commands.Run plan = ok(commands.run("plan", "-c", dir.toString(), "--detailed-exitcode"), ERROR);
        assertThat(plan.out()).contains("line default/9999 cannot be created: number 9999 is not a free user "
                + "extension of context default");
        assertThat(plan.out()).doesNotContain("cannot be created: number 4000");
        Commands.Run apply = ok(commands.run("apply", "-c", dir.toString(), "--auto-approve"), ERROR);
        assertThat(apply.out()).contains("Target xivo-lyon was not applied:");
        assertThat(simulator.snapshot().path("lines")).as("nothing half applied").isEmpty();
    }

    @Test
    void aChangedPickupGroupIsReplacedAndADeclaredUserWithoutLineIsRefused()
            throws Exception {
        Path dir = applied();
        String oldId = simulator.snapshot().path("pickups").get(0).path("id").asText();
        replace(dir, FILE, "description: Front desk", "description: Reception");

        Commands.Run plan = ok(commands.run("plan", "-c", dir.toString(), "--detailed-exitcode"), CHANGES);
        assertThat(plan.out()).contains("-/+ pickup accueil  # must be replaced")
                .contains("description: \"Front desk\" -> \"Reception\"")
                .contains("Plan: 0 to create, 0 to update, 0 to delete, 1 to replace, 1 unmanaged.");
        Commands.Run json = ok(commands.run("plan", "-c", dir.toString(), "-o", "json"), OK);
        assertThat(changes(json)).contains("replace pickup accueil");

        ok(commands.run("apply", "-c", dir.toString(), "--auto-approve"), OK);
        JsonNode pickups = simulator.snapshot().path("pickups");
        assertThat(pickups).hasSize(1);
        assertThat(pickups.get(0).path("description").asText()).isEqualTo("Reception");
        assertThat(pickups.get(0).path("id").asText()).isNotEqualTo(oldId);
        assertThat(pickups.get(0).path("members")).hasSize(2);
        ok(commands.run("plan", "-c", dir.toString(), "--detailed-exitcode"), OK);

        replace(dir, FILE, "    firstname: Max\n    lines: [ default/4002 ]\n", "    firstname: Max\n");
        Commands.Run invalid = commands.run("validate", "-c", dir.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.out() + invalid.err()).contains("user Max has no line")
                .contains("lines: [ default/4000 ]");
    }
}
