package dev.switchboard.systems.sipxconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.cli.Commands;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan, apply, drift and export through the real commands against the embedded sipXconfig simulator: every
 * test starts from a freshly installed server in a private copy of the fixture repository.
 */
@QuarkusTest
class SipxconfigEndToEndTest {

    @Inject
    Commands commands;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURE = Path.of("src/test/resources/systems/sipxconfig/quickstart");
    private static final String TARGET = "sipx-boston";

    @TempDir
    Path temp;

    private Path dir;

    private String copy() {
        dir = temp.resolve("repo");
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path file : files.toList()) {
                Path copy = dir.resolve(FIXTURE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.toString();
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    private JsonNode state() throws IOException {
        return JSON.readTree(dir.resolve(".switchboard/sim/" + TARGET + ".json").toFile()).path("sipxconfig");
    }

    private static List<String> changes(Commands.Run plan) throws IOException {
        List<String> changes = new ArrayList<>();
        for (JsonNode change : JSON.readTree(plan.out()).path("changes")) {
            if (!change.path("action").asText().equals("no-op")) {
                changes.add(change.path("action").asText() + " " + change.path("kind").asText() + " "
                        + change.path("key").asText());
            }
        }
        return changes;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private String applied() {
        String repo = copy();
        Commands.Run apply = commands.run("apply", "-c", repo, "--auto-approve");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        return repo;
    }

    @Test
    void appliesFromAFreshServerAndThenHasNothingToDo() throws Exception {
        String repo = copy();
        Commands.Run plan = commands.run("plan", "-c", repo, "-o", "json", "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
        assertThat(changes(plan)).containsExactlyInAnyOrder(
                "update callForwarding 201", "update voicemailPreferences 201", "update voicemailPin 201",
                "update contactInformation 201", "update imPreferences 201", "update imBotPreferences 201",
                "update speedDial 201", "update conferenceSettings 201/conf201", "create phonebookEntry 201/300",
                "create phonebookEntry 201/301", "update imPreferences 202");
        assertThat(JSON.readTree(plan.out()).path("summary").path("unmanaged").asInt())
                .as("undeclared settings of listed users are not unmanaged").isZero();
        assertThat(plan.out()).doesNotContain("4711");

        Commands.Run apply = commands.run("apply", "-c", repo, "--auto-approve");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out() + apply.err()).doesNotContain("4711");
        JsonNode state = state();
        assertThat(state.path("users").path("201").path("pinHash").asText()).isEqualTo(sha256("4711"));
        assertThat(state.path("users").path("201").path("callfwd").path("expiration").asInt()).isEqualTo(25);
        assertThat(state.path("users").path("201").path("contact").path("officeAddress").path("city").asText())
                .isEqualTo("Boston");
        assertThat(state.path("users").path("202").path("im").path("otpMessage").asText()).isEqualTo("In a meeting");
        assertThat(state.path("users").path("203").path("im").path("otpMessage").asText())
                .as("a user the target does not list is never touched").isEqualTo("On the phone");
        assertThat(state.path("phonebook")).hasSize(2);

        Commands.Run again = commands.run("plan", "-c", repo, "--detailed-exitcode");
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(again.out()).contains("No changes.");
        assertThat(commands.run("drift", "-c", repo).exitCode()).isZero();
    }

    @Test
    void aOneFieldEditUpdatesOnlyThatField() throws Exception {
        String repo = applied();
        JsonNode before = state().path("conferences").path("conf201").deepCopy();
        replace("sipxconfig/boston.yaml", "maxMembers: 10", "maxMembers: 12");
        Commands.Run plan = commands.run("plan", "-c", repo, "-o", "json", "--detailed-exitcode");
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(changes(plan)).containsExactly("update conferenceSettings 201/conf201");
        JsonNode change = JSON.readTree(plan.out()).path("changes").findValue("fields");
        assertThat(change).hasSize(1);
        assertThat(change.get(0).path("field").asText()).isEqualTo("maxMembers");

        assertThat(commands.run("apply", "-c", repo, "--auto-approve").exitCode()).isZero();
        com.fasterxml.jackson.databind.node.ObjectNode expected = (com.fasterxml.jackson.databind.node.ObjectNode) before;
        expected.put("maxMembers", 12);
        assertThat(state().path("conferences").path("conf201")).isEqualTo(expected);
    }

    @Test
    void aRemovedPhonebookEntryIsUnmanagedWithoutPruneAndDeletedWithIt() throws Exception {
        String repo = applied();
        replace("sipxconfig/boston.yaml", "      - { number: \"301\", firstName: Jane, lastName: Doe }\n", "");
        Commands.Run plan = commands.run("plan", "-c", repo, "-o", "json");
        assertThat(changes(plan)).containsExactly("unmanaged phonebookEntry 201/301");
        assertThat(commands.run("plan", "-c", repo, "--detailed-exitcode").exitCode()).isZero();

        replace("switchboard.yaml", "prune: false", "prune: true");
        assertThat(changes(commands.run("plan", "-c", repo, "-o", "json")))
                .as("settings nobody declares are not pruned: they exist per user").containsExactly("delete phonebookEntry 201/301");
        Commands.Run apply = commands.run("apply", "-c", repo, "--auto-approve");
        assertThat(apply.exitCode()).as(apply.out()).isZero();
        assertThat(state().path("phonebook")).extracting(e -> e.path("number").asText()).containsExactly("300");
        assertThat(commands.run("plan", "-c", repo, "--detailed-exitcode").exitCode()).isZero();
    }

    @Test
    void aChangedPinIsSentAgainAndNeverPrinted() throws Exception {
        String repo = applied();
        Files.writeString(dir.resolve("secrets/sipx-201-vm-pin"), "8642");
        Commands.Run text = commands.run("plan", "-c", repo, "--detailed-exitcode");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.out()).contains("~ voicemailPin 201").contains("(sensitive)");
        Commands.Run json = commands.run("plan", "-c", repo, "-o", "json", "--out", temp.resolve("pin.plan.json").toString());
        assertThat(changes(json)).containsExactly("update voicemailPin 201");

        Commands.Run apply = commands.run("apply", temp.resolve("pin.plan.json").toString(), "-c", repo, "--auto-approve");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(state().path("users").path("201").path("pinHash").asText()).isEqualTo(sha256("8642"));
        assertThat(commands.run("plan", "-c", repo, "--detailed-exitcode").exitCode()).isZero();

        List<String> everything = new ArrayList<>(List.of(text.out(), text.err(), json.out(),
                json.err(), apply.out(), apply.err(),
                Files.readString(temp.resolve("pin.plan.json"))));
        try (Stream<Path> journals = Files.walk(dir.resolve(".switchboard"))) {
            for (Path file : journals.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/sim/")).toList()) {
                everything.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        // as a number of its own: a timestamp's nanoseconds (.486422923) may hold the same four digits
        java.util.regex.Pattern pins = java.util.regex.Pattern.compile("(?<![0-9])(8642|4711)(?![0-9])");
        assertThat(everything).noneMatch(s -> pins.matcher(s).find());
    }

    @Test
    void anExportOfAPopulatedServerPlansToNoChanges() throws Exception {
        String repo = applied();
        Files.delete(dir.resolve("sipxconfig/boston.yaml"));
        Commands.Run export = commands.run("export", "-c", repo, "-t", TARGET);
        assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
        String yaml = Files.readString(dir.resolve("sipxconfig/" + TARGET + ".yaml"));
        assertThat(yaml).contains("user: \"201\"", "number: \"300\"", "city: Boston", "name: conf202")
                .doesNotContain("pin:");
        Commands.Run plan = commands.run("plan", "-c", repo, "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.out() + plan.err() + yaml).isZero();
        assertThat(plan.out()).contains("No changes.");
    }

    @Test
    void refusesAUserTheTargetDoesNotList() throws Exception {
        String repo = copy();
        replace("sipxconfig/boston.yaml", "  - user: \"202\"", "  - user: \"203\"");
        Commands.Run validate = commands.run("validate", "-c", repo);
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.out() + validate.err()).contains("user 203 is not listed under the users of target sipx-boston");
    }
}
