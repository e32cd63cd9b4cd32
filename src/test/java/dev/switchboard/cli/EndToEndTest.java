package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan, apply and drift through the real commands against the embedded simulators of the quickstart:
 * every test starts from freshly installed servers in a private copy.
 */
@QuarkusTest
class EndToEndTest {

    @Inject
    Commands commands;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Mailbox 1003 and its address as the quickstart declares them, to remove from the file. */
    private static final String MAILBOX_1003 = """
                      - number: "1003"
                        userName: carol@acme.example
                        firstName: Carol
                        lastName: Danvers
                        featureGroup: 56
                        department: Support
                        addresses:
                          - { type: 0, address: "1003" }
                """;

    @TempDir
    Path temp;

    /** The quickstart's Officelinx target, applied: what most behaviour needs, at the cost of one simulator. */
    private QuickstartCopy appliedQuickstart() {
        return appliedQuickstart("olx-main");
    }

    private QuickstartCopy appliedQuickstart(String... targets) {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, targets);
        Commands.Run applied = commands.run("apply", "-c", quickstart.arg(), "--auto-approve");
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isEqualTo(0);
        return quickstart;
    }

    /**
     * The JSON document of a plan, which is all the command writes to stdout.
     */
    private static JsonNode jsonPlan(Commands.Run result) throws Exception {
        String output = result.out();
        int start = output.startsWith("{") ? 0 : output.indexOf("\n{") + 1;
        return JSON.readTree(output.substring(start));
    }

    private static List<String> changes(JsonNode plan) {
        List<String> changes = new ArrayList<>();
        for (JsonNode change : plan.path("changes")) {
            changes.add(change.path("action").asText() + " " + change.path("kind").asText() + " " + change.path("key").asText());
        }
        return changes;
    }

    @Test
    void appliesTheQuickstartFromEmptyAndThenHasNothingToDo() {
        QuickstartCopy quickstart = QuickstartCopy.in(temp);
        Commands.Run plan = commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode");
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.CHANGES);
        for (String target : new String[] {"olx-main", "xci-paris", "sipx-boston", "gws-main", "xivo-lyon"}) {
            assertThat(plan.out()).as("every system is in the quickstart").contains("Target " + target + ":");
        }
        assertThat(plan.out()).contains("Plan: 29 to create, 10 to update, 0 to delete, 4 unmanaged.");

        Commands.Run apply = commands.run("apply", "-c", quickstart.arg(), "--auto-approve");
        assertThat(apply.exitCode()).as(apply.out()).isEqualTo(ExitCodes.OK);
        assertThat(apply.out()).contains("Apply complete: 39 applied, 0 failed, 0 skipped.");
        assertThat(quickstart.mailboxes()).hasSize(3);

        Commands.Run again = commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode");
        assertThat(again.exitCode()).as(again.out()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("No changes.");
    }

    @Test
    void aOneFieldEditPlansOneUpdateAndChangesOnlyThatField() throws Exception {
        QuickstartCopy quickstart = appliedQuickstart();
        JsonNode before = quickstart.mailbox("1002").deepCopy();
        quickstart.replace("officelinx/acme.yaml", "lastName: Marley", "lastName: Marley-Booker");

        Commands.Run plan = commands.run("plan", "-c", quickstart.arg(), "-o", "json", "--detailed-exitcode");
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.CHANGES);
        JsonNode json = jsonPlan(plan);
        assertThat(changes(json)).filteredOn(c -> !c.startsWith("unmanaged")).containsExactly("update mailbox Acme/1002");
        assertThat(json.path("changes").get(0).path("fields").get(0).path("field").asText()).isEqualTo("lastName");

        assertThat(commands.run("apply", "-c", quickstart.arg(), "--auto-approve").exitCode()).isEqualTo(0);
        ObjectNode expected = (ObjectNode) before;
        expected.put("LastName", "Marley-Booker");
        assertThat(quickstart.mailbox("1002")).as("only LastName changed; Folders, Language, CreationDate survive")
                .isEqualTo(expected);
        assertThat(before.has("Folders") && before.has("Language") && before.has("CreationDate")).isTrue();
    }

    @Test
    void aRemovedObjectIsUnmanagedWithoutPruneAndDeletedWithIt() throws Exception {
        QuickstartCopy quickstart = appliedQuickstart("olx-main", "xci-paris");
        quickstart.replace("officelinx/acme.yaml", MAILBOX_1003, "");

        JsonNode plan = jsonPlan(commands.run("plan", "-c", quickstart.arg(), "-o", "json"));
        assertThat(changes(plan)).contains("unmanaged mailbox Acme/1003", "unmanaged address Acme/1003/0/1003")
                .noneMatch(c -> c.startsWith("delete"));
        assertThat(commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode").exitCode())
                .as("unmanaged objects alone are no changes").isEqualTo(ExitCodes.OK);

        quickstart.replace("switchboard.yaml", "prune: false", "prune: true");
        JsonNode pruning = jsonPlan(commands.run("plan", "-c", quickstart.arg(), "-o", "json"));
        assertThat(changes(pruning)).contains("delete mailbox Acme/1003", "delete address Acme/1003/0/1003")
                .contains("unmanaged company Default Company", "unmanaged administrator admin",
                        "unmanaged featureGroup Default Company/1")
                .noneMatch(c -> c.startsWith("delete featureGroup"));
        assertThat(pruning.path("changes").findValuesAsText("reason"))
                .anyMatch(r -> r.contains("not pruned: feature group 1 (FGroupID 1) is the default one every Officelinx server comes with"));
        Commands.Run apply = commands.run("apply", "-c", quickstart.arg(), "--auto-approve");
        assertThat(apply.exitCode()).as(apply.out()).isEqualTo(0);
        assertThat(quickstart.mailboxes()).extracting(m -> m.path("MailboxNo").asText()).containsExactlyInAnyOrder("1001", "1002");
    }

    @Test
    void neverDeletesAnObjectOnItsTargetsProtectListEvenOnceItsDeclarationIsGone() {
        QuickstartCopy quickstart = appliedQuickstart();
        quickstart.replace("switchboard.yaml", "prune: false", "prune: true\n    protect: [mailbox/Acme/1003]");
        quickstart.replace("officelinx/acme.yaml", MAILBOX_1003, "");

        Commands.Run plan = commands.run("plan", "-c", quickstart.arg());
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.out()).contains("mailbox Acme/1003 is protected by 'mailbox/Acme/1003'");
        Commands.Run apply = commands.run("apply", "-c", quickstart.arg(), "--auto-approve", "--force");
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(apply.out()).contains("Target olx-main was not applied:")
                .containsOnlyOnce("mailbox Acme/1003 is protected by").doesNotContain("Fix the failures");
        assertThat(quickstart.mailboxes()).hasSize(3);
    }

    @Test
    void refusesDeletesAboveTheThresholdWithoutForce() throws Exception {
        QuickstartCopy quickstart = appliedQuickstart();
        quickstart.replace("switchboard.yaml", "prune: false", "prune: true\n    maxDeletePercent: 10");
        quickstart.replace("officelinx/acme.yaml", MAILBOX_1003, "");

        Commands.Run review = commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode");
        assertThat(review.exitCode()).as("the pull request's check fails: apply would refuse").isEqualTo(ExitCodes.ERROR);
        assertThat(review.out()).contains("Apply would refuse: plan deletes 2 of").contains("maxDeletePercent 10");
        assertThat(commands.run("plan", "-c", quickstart.arg(), "-o", "markdown").out())
                .contains("**Apply would refuse:** plan deletes 2 of");

        Commands.Run refused = commands.run("apply", "-c", quickstart.arg(), "--auto-approve");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.out()).contains("Target olx-main was not applied:").contains("maxDeletePercent 10");
        assertThat(quickstart.mailboxes()).hasSize(3);

        // A person accepts the deletes on review: plan --force --out records it, so the apply of that plan needs no --force.
        Path accepted = temp.resolve("accepted.plan.json");
        Commands.Run acceptance = commands.run("plan", "-c", quickstart.arg(), "--force", "--out", accepted.toString(),
                "--detailed-exitcode");
        assertThat(acceptance.exitCode()).as("accepted: changes present, no longer refused").isEqualTo(ExitCodes.CHANGES);
        assertThat(acceptance.out()).contains("Accepted: plan deletes 2 of").contains("accepted with --force by ")
                .doesNotContain("Apply would refuse");
        assertThat(Files.readString(accepted)).contains("\"accepted\"");

        Commands.Run forced = commands.run("apply", accepted.toString(), "--auto-approve");
        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isEqualTo(ExitCodes.OK);
        assertThat(quickstart.mailboxes()).hasSize(2);
    }

    @Test
    void aSavedPlanWithoutAcceptanceIsRefusedByTheGateAndAnAcceptanceWrittenByHandIsRefusedByTheChecksum() throws Exception {
        QuickstartCopy quickstart = appliedQuickstart();
        quickstart.replace("switchboard.yaml", "prune: false", "prune: true\n    maxDeletePercent: 10");
        quickstart.replace("officelinx/acme.yaml", MAILBOX_1003, "");
        Path reviewed = temp.resolve("reviewed.plan.json");
        assertThat(commands.run("plan", "-c", quickstart.arg(), "--out", reviewed.toString()).exitCode()).isEqualTo(0);
        Commands.Run refused = commands.run("apply", reviewed.toString(), "--auto-approve");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.out()).contains("Target olx-main was not applied:").contains("maxDeletePercent 10");

        String text = Files.readString(reviewed);
        Files.writeString(reviewed, text.replaceFirst("\"configDir\"",
                "\"accepted\" : { \"by\" : \"mallory@laptop\", \"at\" : \"2026-12-01T10:00:00Z\" },\n  \"configDir\""));
        Commands.Run forged = commands.run("apply", reviewed.toString(), "--auto-approve");
        assertThat(forged.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(forged.err()).contains("was edited after 'switchboard plan --out' wrote it");
        assertThat(quickstart.mailboxes()).hasSize(3);
    }

    @Test
    void refusesASavedPlanWhoseLiveObjectChangedSince() throws Exception {
        QuickstartCopy quickstart = appliedQuickstart();
        quickstart.replace("officelinx/acme.yaml", "lastName: Marley", "lastName: Marley-Booker");
        Path planFile = temp.resolve("reviewed.plan.json");
        assertThat(commands.run("plan", "-c", quickstart.arg(), "--out", planFile.toString()).exitCode()).isEqualTo(0);
        assertThat(Files.readString(planFile)).doesNotContain("alice-cti-secret");

        // Someone edits the mailbox on the server between review and apply.
        JsonNode state = quickstart.simState("olx-main");
        for (JsonNode mailbox : state.path("officelinx").path("EEAMMailboxes")) {
            if (mailbox.path("MailboxNo").asText().equals("1002")) {
                ((ObjectNode) mailbox).put("FirstName", "Robert");
            }
        }
        quickstart.writeSimState("olx-main", state);

        Commands.Run stale = commands.run("apply", planFile.toString(), "--auto-approve");
        assertThat(stale.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(stale.err()).contains("olx-main: mailbox Acme/1002 changed on the server since the plan")
                .contains("Nothing was applied");
        assertThat(quickstart.mailbox("1002").path("LastName").asText()).isEqualTo("Marley");
    }

    @Test
    void appliesAFreshSavedPlanExactly() {
        QuickstartCopy quickstart = appliedQuickstart();
        quickstart.replace("officelinx/acme.yaml", "lastName: Marley", "lastName: Marley-Booker");
        Path planFile = temp.resolve("reviewed.plan.json");
        assertThat(commands.run("plan", "-c", quickstart.arg(), "--out", planFile.toString()).exitCode()).isEqualTo(0);

        Commands.Run apply = commands.run("apply", planFile.toString(), "--auto-approve");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(ExitCodes.OK);
        assertThat(quickstart.mailbox("1002").path("LastName").asText()).isEqualTo("Marley-Booker");
    }

    @Test
    void appliesASavedPlanInAnotherCheckoutOfTheSameDesiredState() throws Exception {
        QuickstartCopy quickstart = appliedQuickstart();
        quickstart.replace("officelinx/acme.yaml", "lastName: Marley", "lastName: Marley-Booker");
        Path planFile = temp.resolve("reviewed.plan.json");
        assertThat(commands.run("plan", "-c", quickstart.arg(), "--out", planFile.toString()).exitCode()).isEqualTo(0);
        Path elsewhere = temp.resolve("apply-job-checkout");
        Files.move(quickstart.dir, elsewhere);

        Commands.Run lost = commands.run("apply", planFile.toString(), "--auto-approve");
        assertThat(lost.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(lost.err()).contains("does not exist here: pass the desired-state directory with -c DIR");

        Commands.Run apply = commands.run("apply", planFile.toString(), "-c", elsewhere.toString(), "--auto-approve");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(ExitCodes.OK);
        assertThat(apply.out()).contains("~ mailbox Acme/1002: applied");
    }

    @Test
    void aSavedPlanIsGatedBySwitchboardYamlAsItIsNowAndRefusedOnceEditedOrNoLongerAskedFor()
            throws Exception {
        QuickstartCopy quickstart = appliedQuickstart();
        quickstart.replace("officelinx/acme.yaml", "lastName: Marley", "lastName: Marley-Booker");
        Path planFile = temp.resolve("reviewed.plan.json");
        assertThat(commands.run("plan", "-c", quickstart.arg(), "--out", planFile.toString()).exitCode()).isEqualTo(0);
        String reviewed = Files.readString(planFile);

        Files.writeString(planFile, reviewed.replace("Marley-Booker", "Marley-Edited"));
        Commands.Run edited = commands.run("apply", planFile.toString(), "--auto-approve");
        assertThat(edited.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(edited.err()).contains("was edited after 'switchboard plan --out' wrote it")
                .contains("these changes differ: olx-main: update mailbox Acme/1002");

        Files.writeString(planFile, reviewed);
        quickstart.replace("switchboard.yaml", "prune: false", "prune: false\n    readOnly: true");
        Commands.Run readOnly = commands.run("apply", planFile.toString(), "--auto-approve");
        assertThat(readOnly.exitCode()).as(readOnly.out()).isEqualTo(ExitCodes.ERROR);
        assertThat(readOnly.out()).as("one message per refusal, and a refusal is no failure")
                .containsOnlyOnce("is readOnly")
                .contains("Target olx-main was not applied: refused, as the plan above says; nothing was sent to it.")
                .contains("Apply incomplete: 0 applied, 0 failed, 0 skipped, 1 target refused.")
                .doesNotContain("Fix the failures");
        assertThat(quickstart.mailbox("1002").path("LastName").asText()).isEqualTo("Marley");

        quickstart.replace("switchboard.yaml", "prune: false\n    readOnly: true", "prune: false");
        quickstart.replace("officelinx/acme.yaml", "lastName: Marley-Booker", "lastName: Marley");
        Commands.Run notAskedFor = commands.run("apply", planFile.toString(), "--auto-approve");
        assertThat(notAskedFor.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(notAskedFor.err()).contains("no longer asks for what it plans")
                .contains("olx-main: mailbox Acme/1002: the plan says update, the desired state and servers now ask for no-op");
        assertThat(quickstart.mailbox("1002").path("LastName").asText()).isEqualTo("Marley");
    }

    @Test
    void refusesToApplyWithoutATerminalOrAutoApprove() {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main");
        Commands.Run result = commands.run("apply", "-c", quickstart.arg());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("--auto-approve");
        assertThat(quickstart.dir.resolve(".switchboard/sim/olx-main.json")).doesNotExist();
    }

    @Test
    void driftReportsChangesMadeBehindGitsBackAndExitsTwo() throws Exception {
        QuickstartCopy quickstart = appliedQuickstart();
        assertThat(commands.run("drift", "-c", quickstart.arg()).exitCode()).isEqualTo(ExitCodes.OK);

        JsonNode state = quickstart.simState("olx-main");
        for (JsonNode mailbox : state.path("officelinx").path("EEAMMailboxes")) {
            if (mailbox.path("MailboxNo").asText().equals("1001")) {
                ((ObjectNode) mailbox).put("FirstName", "Alicia");
            }
        }
        quickstart.writeSimState("olx-main", state);

        Commands.Run drift = commands.run("drift", "-c", quickstart.arg());
        assertThat(drift.exitCode()).isEqualTo(ExitCodes.CHANGES);
        assertThat(drift.out()).contains("~ mailbox Acme/1001").contains("firstName");
        Path report = temp.resolve("drift.xml");
        assertThat(commands.run("drift", "-c", quickstart.arg(), "-o", "junit", "--out", report.toString()).exitCode())
                .isEqualTo(ExitCodes.CHANGES);
        assertThat(Files.readString(report)).contains("<testsuite").contains("<failure");
        Commands.Run markdown = commands.run("drift", "-c", quickstart.arg(), "-o", "markdown");
        assertThat(markdown.out()).startsWith("### Switchboard drift\n").doesNotContain("Switchboard plan");
    }

    @Test
    void onlyRestrictsThePlanToOneKind() throws Exception {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main");
        JsonNode plan = jsonPlan(commands.run("plan", "-c", quickstart.arg(), "-o", "json", "-t", "olx-main",
                "--only", "mailbox/Acme/1001"));
        assertThat(changes(plan)).containsExactly("create mailbox Acme/1001");
    }

    @Test
    void anUnknownTargetIsAnErrorNamingTheKnownOnes() {
        QuickstartCopy quickstart = QuickstartCopy.in(temp);
        Commands.Run result = commands.run("plan", "-c", quickstart.arg(), "-t", "olx-mian");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).contains("no target named 'olx-mian'").contains("olx-main, xci-paris")
                .contains("did you mean 'olx-main'?");
    }

    @Test
    void anOnlyThatMatchesNothingIsAnErrorNotNoChanges() {
        QuickstartCopy quickstart = QuickstartCopy.in(temp);
        Commands.Run kind = commands.run("drift", "-c", quickstart.arg(), "--only", "mailbx");
        assertThat(kind.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(kind.err()).contains("'mailbx' is not a kind of olx-main, xci-paris, sipx-boston, gws-main, xivo-lyon; did you mean 'mailbox'?");
        Commands.Run key = commands.run("plan", "-c", quickstart.arg(), "--only", "mailbox/Acme/1010");
        assertThat(key.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(key.err()).contains("--only mailbox/Acme/1010 matches no object declared or live")
                .contains("did you mean mailbox/Acme/1001?");
    }

    @Test
    void everyUsageErrorExitsOneNeverTheTwoOfChangesPresent() {
        QuickstartCopy quickstart = QuickstartCopy.in(temp);
        for (String[] args : new String[][] {
                {"plan", "-c", quickstart.arg(), "--detailed-exitcod"},
                {"plan", "-c", quickstart.arg(), "--parallelism", "many"},
                {"apply", "-c", quickstart.arg(), "--parallelism", "0", "--auto-approve"},
                {"drift", "-c", quickstart.arg(), "--replace-secrets"},
                {"plna"},
                {"apply", "-c", quickstart.arg(), "--lock-timeout", "soon"}}) {
            Commands.Run result = commands.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.ERROR);
            assertThat(result.err()).as(String.join(" ", args)).isNotBlank().doesNotContain("at picocli.");
        }
        assertThat(commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcod").err())
                .contains("--detailed-exitcode");
        assertThat(commands.run("plan", "-c", quickstart.arg(), "--parallelism", "0").err())
                .contains("--parallelism is the number of concurrent API calls per target: 1 or more, not 0");
        assertThat(commands.run("drift", "--help").out()).as("drift never writes: no --replace-secrets")
                .contains("--only").doesNotContain("--replace-secrets");
        assertThat(commands.run("plan", "--help").out()).contains("--replace-secrets");
    }

    @Test
    void aRotatedPasswordIsSentAgainThoughTheServerNeverShowsIt() throws Exception {
        QuickstartCopy quickstart = appliedQuickstart("olx-main", "xci-paris");
        String hashBefore = opsPasswordHash(quickstart);
        assertThat(commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode").exitCode()).isEqualTo(ExitCodes.OK);

        Files.writeString(quickstart.dir.resolve("secrets/ops-password"), "rotated-password\n");

        Commands.Run plan = commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode");
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.CHANGES);
        assertThat(plan.out()).contains("~ administrator ops").contains("password: (sensitive) -> (sensitive)")
                .doesNotContain("rotated-password");
        assertThat(commands.run("apply", "-c", quickstart.arg(), "--auto-approve").exitCode()).isEqualTo(0);
        assertThat(opsPasswordHash(quickstart)).isNotEqualTo(hashBefore);
        assertThat(commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode").exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aWriteOnlyFieldWithNoRecordOfWhatWasSentIsAWarningInEveryFormatNotASilentNoChanges()
            throws Exception {
        QuickstartCopy quickstart = appliedQuickstart("olx-main", "xci-paris");
        // A fresh CI checkout, or a daemon whose .switchboard/ was lost: the fingerprints of what was sent are gone.
        try (var files = Files.walk(quickstart.dir.resolve(".switchboard/fingerprints"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        Files.writeString(quickstart.dir.resolve("secrets/ops-password"), "rotated-password\n");

        Commands.Run plan = commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode");
        assertThat(plan.exitCode()).as("a warning changes no exit code").isEqualTo(ExitCodes.OK);
        assertThat(plan.out()).contains("No changes.")
                .contains("Warning: xci-paris: administrator ops: password: (sensitive; no record of the last value "
                        + "sent: use --replace-secrets to send it)")
                .contains("Warning: xci-paris: user xivo-paris/1701: template: (write-only; no record of the last value sent")
                .containsPattern("\\n\\d+ warnings \\(see above\\)")
                .doesNotContain("rotated-password");
        JsonNode json = jsonPlan(commands.run("plan", "-c", quickstart.arg(), "-o", "json"));
        assertThat(json.path("summary").path("warnings").asInt()).isEqualTo(json.path("warnings").size()).isPositive();
        assertThat(json.path("warnings").findValuesAsText("field")).contains("password", "template");
        assertThat(commands.run("plan", "-c", quickstart.arg(), "-o", "markdown").out())
                .contains("**Warnings**").contains("- xci-paris: administrator ops: password: (sensitive; no record");

        Commands.Run replaced = commands.run("apply", "-c", quickstart.arg(), "--auto-approve", "--replace-secrets");
        assertThat(replaced.exitCode()).as(replaced.out()).isEqualTo(ExitCodes.OK);
        Commands.Run after = commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode");
        assertThat(after.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(after.out()).as("sent now, so recorded").doesNotContain("Warning:");
    }

    private static String opsPasswordHash(QuickstartCopy quickstart) {
        for (JsonNode administrator : quickstart.simState("xci-paris").findValues("administrators").get(0)) {
            if (administrator.path("login").asText().equals("ops")) {
                return administrator.path("password").asText();
            }
        }
        throw new AssertionError("no administrator ops in the simulator");
    }
}
