package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety paths of apply that a user meets only on a bad day, through the real commands: a saved plan the
 * servers or the desired state have moved away from, a secret gone since the plan, a journal that cannot be
 * written, fingerprint files that cannot be read. Each refuses with a message naming what and where, and
 * nothing reaches a server.
 */
@QuarkusTest
class SavedPlanSafetyTest {

    private static final String MAILBOX_1004 = """
                  - number: "1004"
                    userName: dave@acme.example
                    firstName: Dave
                    lastName: Grohl
                    featureGroup: 56
                    department: Support
            """;

    @Inject
    Commands commands;

    @TempDir
    Path temp;

    private QuickstartCopy applied(String... targets) {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, targets);
        Commands.Run applied = commands.run("apply", "-c", quickstart.arg(), "--auto-approve");
        assertThat(applied.exitCode()).as(applied.output()).isEqualTo(ExitCodes.OK);
        return quickstart;
    }

    private Path savedPlan(QuickstartCopy quickstart) {
        Path planFile = temp.resolve("reviewed.plan.json");
        Commands.Run plan = commands.run("plan", "-c", quickstart.arg(), "--out", planFile.toString());
        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(ExitCodes.OK);
        return planFile;
    }

    private static void addMailbox1004(QuickstartCopy quickstart) {
        quickstart.replace("officelinx/acme.yaml", "      - number: \"1003\"\n", MAILBOX_1004 + "      - number: \"1003\"\n");
    }

    @Test
    void refusesASavedCreateOfAnObjectCreatedOnTheServerSince() {
        QuickstartCopy quickstart = applied("olx-main");
        addMailbox1004(quickstart);
        Path planFile = savedPlan(quickstart);
        // Someone else's apply (or a person at the console) creates it between review and apply.
        assertThat(commands.run("apply", "-c", quickstart.arg(), "--auto-approve").exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode before = quickstart.mailboxes();

        Commands.Run stale = commands.run("apply", planFile.toString(), "--auto-approve");

        assertThat(stale.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(stale.err()).contains("Refusing to apply " + planFile)
                .contains("olx-main: mailbox Acme/1004 was created on the server since the plan")
                .contains("Nothing was applied").contains("Run 'switchboard plan --out FILE' again");
        assertThat(quickstart.mailboxes()).isEqualTo(before);
    }

    @Test
    void refusesASavedUpdateOfAnObjectDeletedOnTheServerSince() {
        QuickstartCopy quickstart = applied("olx-main");
        quickstart.replace("officelinx/acme.yaml", "lastName: Marley", "lastName: Marley-Booker");
        Path planFile = savedPlan(quickstart);
        JsonNode state = quickstart.simState("olx-main");
        ArrayNode mailboxes = (ArrayNode) state.path("officelinx").path("EEAMMailboxes");
        for (int i = mailboxes.size() - 1; i >= 0; i--) {
            if (mailboxes.get(i).path("MailboxNo").asText().equals("1002")) {
                mailboxes.remove(i);
            }
        }
        quickstart.writeSimState("olx-main", state);

        Commands.Run stale = commands.run("apply", planFile.toString(), "--auto-approve");

        assertThat(stale.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(stale.err()).contains("olx-main: mailbox Acme/1002 was deleted on the server since the plan")
                .contains("Nothing was applied");
        assertThat(quickstart.mailboxes()).extracting(m -> m.path("MailboxNo").asText()).doesNotContain("1002");
    }

    @Test
    void refusesASavedPlanForATargetNoLongerDeclared() throws Exception {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main", "xci-paris");
        Path planFile = savedPlan(quickstart);
        QuickstartCopy.dropTarget(quickstart, "xci-paris");

        Commands.Run stale = commands.run("apply", planFile.toString(), "--auto-approve");

        assertThat(stale.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(stale.err()).contains("Refusing to apply " + planFile).contains("  target xci-paris is no longer declared in switchboard.yaml")
                .contains("Nothing was applied");
        assertThat(Files.exists(quickstart.dir.resolve(".switchboard/sim/olx-main.json"))
                ? quickstart.mailboxes().size() : 0).as("the Officelinx half of the plan was not applied either")
                .isEqualTo(0);
    }

    @Test
    void refusesASavedPlanWhoseSecretNoLongerResolves() throws Exception {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "xci-paris");
        Path planFile = savedPlan(quickstart);
        assertThat(Files.readString(planFile)).contains("${file:secrets/alice-cti}").doesNotContain("alice-cti-secret");
        Files.delete(quickstart.dir.resolve("secrets/alice-cti"));

        Commands.Run refused = commands.run("apply", planFile.toString(), "--auto-approve");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.err()).contains("secrets/alice-cti").doesNotContain("alice-cti-secret");
        assertThat(refused.out()).doesNotContain("applied");
    }

    @Test
    void refusesToApplyWhenItsJournalCannotBeWritten() throws Exception {
        QuickstartCopy quickstart = applied("olx-main");
        quickstart.replace("officelinx/acme.yaml", "lastName: Marley", "lastName: Marley-Booker");
        // The journal directory is taken by a file: no record can be opened.
        Path journals = quickstart.dir.resolve(".switchboard/journal");
        try (var files = Files.list(journals)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(journals);
        Files.writeString(journals, "not a directory");

        Commands.Run apply = commands.run("apply", "-c", quickstart.arg(), "--auto-approve");

        assertThat(apply.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(apply.output()).contains("cannot write the apply journal")
                .contains("an apply is never run without its record");
        assertThat(quickstart.mailbox("1002").path("LastName").asText()).isEqualTo("Marley");
    }

    @Test
    void namesAnUnreadableFingerprintFileAndHowToRecover() throws Exception {
        QuickstartCopy quickstart = applied("xci-paris");
        Path fingerprints = quickstart.dir.resolve(".switchboard/fingerprints/xci-paris.json");
        assertThat(fingerprints).as("the apply recorded what it sent of ctiPassword").exists();
        Files.writeString(fingerprints, "{ torn");

        Commands.Run plan = commands.run("plan", "-c", quickstart.arg());

        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.err()).contains("cannot read the write-only fingerprints")
                .contains("xci-paris.json").contains("delete it to forget what was sent");
    }
}
