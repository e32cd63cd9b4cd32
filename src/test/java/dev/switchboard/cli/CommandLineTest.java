package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Terraform user expects of the command line: show, JSON reports, completion, colour, version. */
@QuarkusTest
class CommandLineTest {

    @Inject
    Commands commands;

    @TempDir
    Path temp;

    @Test
    void showPrintsASavedPlanInEveryFormatAsPlanDidWithoutAnyServer() throws Exception {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main", "xci-paris");
        Path planFile = temp.resolve("reviewed.plan.json");
        Commands.Run plan = commands.run("plan", "-c", quickstart.arg(), "--out", planFile.toString());
        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(ExitCodes.OK);
        Commands.Run json = commands.run("plan", "-c", quickstart.arg(), "-o", "json");
        Commands.Run markdown = commands.run("plan", "-c", quickstart.arg(), "-o", "markdown");
        // No server from here on: the simulators' state and the desired state are gone.
        deleteTree(quickstart.dir);

        Commands.Run shown = commands.run("show", planFile.toString());
        assertThat(shown.exitCode()).as(shown.output()).isEqualTo(ExitCodes.OK);
        assertThat(shown.out()).startsWith(plan.out()).contains("Planned ").contains(" from " + quickstart.dir);
        assertThat(shown.out()).doesNotContain("alice-cti-secret");
        assertThat(commands.run("show", "-o", "json", planFile.toString()).out()).isEqualTo(json.out());
        assertThat(commands.run("show", planFile.toString(), "-o", "markdown").out()).isEqualTo(markdown.out());

        Files.writeString(planFile, Files.readString(planFile).replace("\"readOnly\" : false", "\"readOnly\" : true"));
        Commands.Run edited = commands.run("show", planFile.toString());
        assertThat(edited.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(edited.err()).contains("was edited after 'switchboard plan --out' wrote it");
        Commands.Run missing = commands.run("show", temp.resolve("nothing.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(missing.err()).contains("There is no plan file").contains("switchboard plan --out");
    }

    @Test
    void versionNamesTheCommitOfTheBuild() throws Exception {
        String head;
        try (var repository = new org.eclipse.jgit.storage.file.FileRepositoryBuilder().findGitDir(Path.of("").toAbsolutePath()
                .toFile()).build()) {
            head = repository.resolve("HEAD").name();
        }
        Commands.Run version = commands.run("--version");
        assertThat(version.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(version.out()).startsWith("switchboard 0.1.0").contains("commit " + head).contains("Java " + Runtime.version().feature());
    }

    @Test
    void aTargetThatCannotBeReadCarriesItsErrorInTheReportAndTheOthersTheirChanges() throws Exception {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main");
        // A second Officelinx server that is down: nothing listens on port 1.
        quickstart.replace("switchboard.yaml", "targets:\n", """
                targets:
                  olx-down:
                    kind: officelinx
                    url: http://127.0.0.1:1
                    auth: { clientId: switchboard, clientSecret: switchboard, username: admin, password: x }
                """);

        Commands.Run json = commands.run("plan", "-c", quickstart.arg(), "-o", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.ERROR);
        com.fasterxml.jackson.databind.JsonNode plan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(plan.path("changes").findValuesAsText("target")).contains("olx-main").doesNotContain("olx-down");
        assertThat(plan.path("errors").toString()).contains("\"target\":\"olx-down\"").contains("\"reason\":\"unreadable\"")
                .contains("the live state could not be read").contains("OAuth2 password grant: POST /UCOAuth2/oauth2/token -> no response: Connection refused");

        Path junit = temp.resolve("drift.xml");
        Commands.Run drift = commands.run("drift", "-c", quickstart.arg(), "-o", "junit", "--out", junit.toString());
        assertThat(drift.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(Files.readString(junit)).contains("<testsuite name=\"olx-main\"").contains("mailbox")
                .contains("<testcase classname=\"olx-down\" name=\"live state\">").contains("<error type=\"UNREADABLE\"");

        Commands.Run text = commands.run("plan", "-c", quickstart.arg(), "--out", temp.resolve("p.json").toString());
        assertThat(text.out()).contains("Target olx-main:").contains("Error: olx-down: the live state could not be read");
        assertThat(text.err()).contains("Not saved to");
        assertThat(temp.resolve("p.json")).doesNotExist();
    }

    @Test
    void completionScriptsForEveryShellAndTheWordsTheyAskFor() {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main", "xci-paris");
        assertThat(commands.run("completion", "--list", "targets", "-c", quickstart.arg()).out())
                .isEqualTo("olx-main\nxci-paris\n");
        assertThat(commands.run("completion", "--list", "kinds", "-c", quickstart.arg()).out().lines().toList())
                .contains("mailbox", "featureGroup", "user", "entity").doesNotContain("phonebookEntry");

        Commands.Run bash = commands.run("completion", "bash");
        assertThat(bash.out()).contains("complete -F _complete_switchboard").contains("_switchboard_list targets")
                .contains("function _picocli_switchboard_show()");
        assertThat(commands.run("completion", "zsh").out()).as("zsh runs the bash script through bashcompinit")
                .contains("bashcompinit").isEqualTo(bash.out());
        String fish = commands.run("completion", "fish").out();
        assertThat(fish).contains("complete -c switchboard -n __fish_use_subcommand -a plan -d 'Fetch live state")
                .contains("complete -c switchboard -n '__fish_seen_subcommand_from plan' -s o -l output -r -a 'text json markdown junit'")
                .contains("-s t -l target -r -a '(switchboard completion --list targets -c (__switchboard_dir))'")
                .doesNotContain("__fish_seen_subcommand_from completion' -l list");
        Commands.Run tcsh = commands.run("completion", "tcsh");
        assertThat(tcsh.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(tcsh.err()).contains("completion is for bash, zsh or fish, not 'tcsh'");
    }

    @Test
    void applyReportsAsJsonWhatWasAppliedAndRefusedPerChange() throws Exception {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main", "xci-paris");
        quickstart.replace("switchboard.yaml", "    kind: xci\n", "    kind: xci\n    readOnly: true\n");

        Commands.Run apply = commands.run("apply", "-c", quickstart.arg(), "--auto-approve", "-o", "json");

        assertThat(apply.exitCode()).as(apply.output()).isEqualTo(ExitCodes.ERROR);
        assertThat(apply.err()).as("the plan a person reads").contains("Target olx-main:");
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(apply.out());
        assertThat(report.path("succeeded").asBoolean()).isFalse();
        assertThat(report.path("summary").path("failed").asInt()).isZero();
        assertThat(report.path("summary").path("refusedTargets").asInt()).isEqualTo(1);
        var olx = report.path("targets").get(0);
        assertThat(olx.path("target").asText()).isEqualTo("olx-main");
        assertThat(olx.path("applied").asInt()).isPositive().isEqualTo(olx.path("changes").size())
                .isEqualTo(report.path("summary").path("applied").asInt());
        assertThat(olx.path("changes").findValuesAsText("status")).containsOnly("applied");
        assertThat(olx.path("changes").findValuesAsText("key")).contains("Acme/1001");
        assertThat(olx.path("journal").asText()).contains(".switchboard/journal/");
        var xci = report.path("targets").get(1);
        assertThat(xci.path("refusals").toString()).contains("target xci-paris is readOnly");
        assertThat(apply.out()).doesNotContain("alice-cti-secret").doesNotContain("Target olx-main:");

        Commands.Run again = commands.run("apply", "-c", quickstart.arg(), "--auto-approve", "-o", "json", "-t", "olx-main");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(again.out()).path("summary").path("applied")
                .asInt()).as("nothing left to do, still a report").isZero();
        assertThat(commands.run("apply", "-c", quickstart.arg(), "-o", "junit").err()).contains("apply reports as text or json");
    }

    @Test
    void verboseLogsEveryApiCallWithoutBodiesAndLogLevelIsChecked() {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main");
        Commands.Run quiet = commands.run("plan", "-c", quickstart.arg());
        assertThat(quiet.log()).doesNotContain("DEBUG");

        Commands.Run verbose = commands.run("plan", "-v", "-c", quickstart.arg());
        assertThat(verbose.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(verbose.log()).containsPattern("DEBUG olx-main: GET /UCBusinessRest/api/EEAMMailboxes\\S* -> 200 in \\d+ ms")
                .contains("DEBUG olx-main: POST /UCOAuth2/oauth2/token -> 200").doesNotContain("password=")
                .doesNotContain("client_secret").doesNotContain("access_token");
        assertThat(commands.run("--log-level", "debug", "drift", "-c", quickstart.arg()).log()).contains("DEBUG olx-main: GET");

        Commands.Run bad = commands.run("plan", "--log-level", "loud", "-c", quickstart.arg());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(bad.err()).contains("--log-level is error, warn, info or debug, not loud");
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
