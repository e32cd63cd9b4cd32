package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard rollback JOURNAL} through the real commands against the embedded Officelinx and XCI
 * simulators: an apply that creates, updates and deletes, then its rollback, leaves the simulators as they
 * were before the apply, field by field (but for the server IDs of the objects created again, which a server
 * hands out anew); an object changed on the server since the apply is refused as stale unless {@code --force}.
 */
@QuarkusTest
class RollbackEndToEndTest {

    private static final String MAILBOX_1004 = """
                  - number: "1004"
                    userName: dave@acme.example
                    firstName: Dave
                    lastName: Grohl
                    featureGroup: 56
                    department: Support
                    addresses:
                      - { type: 0, address: "1004" }
            """;
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
    private static final String USER_1703 = """
                  - internalNumber: "1703"
                    firstName: Carol
                    lastName: Danvers
                    template: Standard line
            """;

    @Inject
    Commands commands;

    @TempDir
    Path temp;

    /** The quickstart's Officelinx and XCI targets applied, then changed by a second apply: its journals. */
    private QuickstartCopy appliedTwice() throws IOException {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main", "xci-paris");
        Commands.Run first = commands.run("apply", "-c", quickstart.arg(), "--auto-approve");
        assertThat(first.exitCode()).as(first.output()).isEqualTo(ExitCodes.OK);
        return quickstart;
    }

    private Commands.Run secondApply(QuickstartCopy quickstart) {
        // Officelinx: an update (1002's last name), a create (1004 and its address), a delete (1003 and its address).
        quickstart.replace("officelinx/acme.yaml", "lastName: Marley", "lastName: Marley-Booker");
        quickstart.replace("officelinx/acme.yaml", MAILBOX_1003, MAILBOX_1004);
        quickstart.replace("switchboard.yaml", "    prune: false   #", "    prune: true   #");
        // XCI: an update (1701's first name) and a create (1703).
        quickstart.replace("xci/paris.yaml", "firstName: Alice", "firstName: Alicia");
        quickstart.replace("xci/paris.yaml", "        template: Standard line\nadministrators:",
                "        template: Standard line\n" + USER_1703 + "administrators:");
        Commands.Run second = commands.run("apply", "-c", quickstart.arg(), "--auto-approve");
        assertThat(second.exitCode()).as(second.output()).isEqualTo(ExitCodes.OK);
        assertThat(second.out()).contains("- mailbox Acme/1003: applied").contains("+ mailbox Acme/1004: applied")
                .contains("~ mailbox Acme/1002: applied").contains("+ user xivo-paris/1703: applied")
                .contains("~ user xivo-paris/1701: applied");
        return second;
    }

    @Test
    void aRollbackReturnsBothSimulatorsToTheirStateBeforeTheApply() throws IOException {
        QuickstartCopy quickstart = appliedTwice();
        JsonNode olxBefore = quickstart.simState("olx-main");
        JsonNode xciBefore = quickstart.simState("xci-paris");
        secondApply(quickstart);
        assertThat(quickstart.simState("olx-main")).isNotEqualTo(olxBefore);

        for (String target : List.of("olx-main", "xci-paris")) {
            Path journal = lastJournal(quickstart, target);
            Commands.Run rollback = commands.run("rollback", journal.toString(), "--auto-approve");
            assertThat(rollback.exitCode()).as(rollback.output()).isEqualTo(ExitCodes.OK);
            assertThat(rollback.out()).contains("Rollback of " + journal.getFileName()).contains("Apply complete");
        }

        // Mailbox 1003 and its address were created again: the server gave them new IDs (Officelinx hands out
        // the maximum + 1), which the comparison maps back; every other field of every row is as before.
        assertThat(rows(quickstart.simState("olx-main"), "1003")).isEqualTo(rows(olxBefore, "1003"));
        assertThat(rows(quickstart.simState("xci-paris"))).isEqualTo(rows(xciBefore));
        Commands.Run plan = commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode");
        assertThat(plan.out()).contains("mailbox Acme/1004").contains("mailbox Acme/1003");
    }

    @Test
    void refusesAnObjectChangedOnTheServerSinceTheApplyUnlessForced() throws IOException {
        QuickstartCopy quickstart = appliedTwice();
        secondApply(quickstart);
        // Someone edits the updated mailbox on the server after the apply.
        JsonNode state = quickstart.simState("olx-main");
        for (JsonNode mailbox : state.path("officelinx").path("EEAMMailboxes")) {
            if (mailbox.path("MailboxNo").asText().equals("1002")) {
                ((ObjectNode) mailbox).put("LastName", "Edited");
            }
        }
        quickstart.writeSimState("olx-main", state);
        Path journal = lastJournal(quickstart, "olx-main");

        Commands.Run stale = commands.run("rollback", journal.toString(), "--auto-approve");

        assertThat(stale.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(stale.out()).contains("mailbox Acme/1002 changed on the server since the apply (lastName")
                .contains("Rollback refused: nothing was changed.");
        assertThat(quickstart.mailbox("1002").path("LastName").asText()).isEqualTo("Edited");
        assertThat(quickstart.mailboxes()).extracting(m -> m.path("MailboxNo").asText()).contains("1004")
                .doesNotContain("1003");

        Commands.Run forced = commands.run("rollback", journal.toString(), "--auto-approve", "--force");

        assertThat(forced.exitCode()).as(forced.output()).isEqualTo(ExitCodes.OK);
        assertThat(forced.out()).contains("--force: rolled back anyway");
        assertThat(quickstart.mailbox("1002").path("LastName").asText()).isEqualTo("Marley");
        assertThat(quickstart.mailboxes()).extracting(m -> m.path("MailboxNo").asText()).contains("1003")
                .doesNotContain("1004");
    }

    @Test
    void namesWhatItCannotPutBackAndWritesTheInversePlanAsJson() throws IOException {
        QuickstartCopy quickstart = appliedTwice();
        quickstart.replace("xci/paris.yaml", "firstName: Alice", "firstName: Alicia");
        Files.writeString(quickstart.dir.resolve("secrets/ops-password"), "rotated-ops-password\n");
        Commands.Run second = commands.run("apply", "-c", quickstart.arg(), "-t", "xci-paris", "--auto-approve");
        assertThat(second.exitCode()).as(second.output()).isEqualTo(ExitCodes.OK);
        Path journal = lastJournal(quickstart, "xci-paris");
        Path out = temp.resolve("rollback.json");

        Commands.Run rollback = commands.run("rollback", journal.toString(), "-o", "json", "--out", out.toString(),
                "--auto-approve");

        assertThat(rollback.exitCode()).as(rollback.output()).isEqualTo(ExitCodes.OK);
        JsonNode plan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(rollback.out());
        assertThat(plan.path("changes").findValuesAsText("action")).contains("update");
        assertThat(Files.readString(out)).isEqualTo(rollback.out());
        assertThat(rollback.out()).contains("password: (write-only;").doesNotContain("rotated-ops-password");
        assertThat(rollback.err()).contains("Apply complete").doesNotContain("rotated-ops-password");
        assertThat(quickstart.simState("xci-paris").toString()).contains("\"Alice\"").doesNotContain("Alicia");
    }

    @Test
    void refusesAFileThatIsNoJournal() throws IOException {
        Path notAJournal = temp.resolve("notes.jsonl");
        Files.writeString(notAJournal, "{\"hello\": 1}\n");

        Commands.Run refused = commands.run("rollback", notAJournal.toString(), "--auto-approve");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.err()).contains(notAJournal + " is not an apply journal");
    }

    private static Path lastJournal(QuickstartCopy quickstart, String target) throws IOException {
        try (Stream<Path> files = Files.list(quickstart.dir.resolve(".switchboard/journal"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + target + ".jsonl")).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
    }

    /**
     * Every row of every table of a simulator's state, as sorted JSON (field order is the server's business):
     * an Officelinx row's own ID ({@code MailboxID} of a mailbox) is left out and every reference to
     * another row ({@code FGroupID}, {@code MailboxID} in an address) is replaced by that row's other fields,
     * so that two states compare equal when they hold the same objects with the same fields and the same
     * references, whatever IDs the server handed out to the objects created again. {@code serverSet} rows
     * (created again) are also compared without their {@code CreationDate}, which the server sets. XCI rows
     * are compared as they are, IDs included (none is created again here), without the store's ID counters.
     */
    static Map<String, List<String>> rows(JsonNode state, String... serverSet) {
        Map<String, List<String>> tables = new TreeMap<>();
        JsonNode olx = state.path("officelinx");
        Map<String, Map<String, String>> labels = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = olx.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> table = it.next();
            String own = OWN_ID.get(table.getKey());
            for (JsonNode row : table.getValue()) {
                ObjectNode label = row.deepCopy();
                label.remove(own);
                label.remove("CreationDate");
                List<String> idFields = new ArrayList<>();
                label.fieldNames().forEachRemaining(f -> {
                    if (f.endsWith("ID")) {
                        idFields.add(f);
                    }
                });
                label.remove(idFields);
                labels.computeIfAbsent(own, k -> new TreeMap<>()).put(row.path(own).asText(), sorted(label));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = olx.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> table = it.next();
            List<String> rows = new ArrayList<>();
            String own = OWN_ID.get(table.getKey());
            for (JsonNode row : table.getValue()) {
                ObjectNode copy = row.deepCopy();
                copy.remove(own);
                if (List.of(serverSet).contains(row.path("MailboxNo").asText())) {
                    copy.remove("CreationDate");
                }
                List<String> fields = new ArrayList<>();
                copy.fieldNames().forEachRemaining(fields::add);
                for (String field : fields) {
                    String references = field.equals("ParentID") ? "DepartmentID" : field;
                    if (labels.containsKey(references) && !(field.equals("ParentID") && copy.path(field).asLong() == 0)) {
                        copy.put(field, labels.get(references).getOrDefault(copy.path(field).asText(), "(dangling)"));
                    }
                }
                rows.add(sorted(copy));
            }
            rows.sort(String::compareTo);
            tables.put("officelinx/" + table.getKey(), rows);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = state.path("xci").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> table = it.next();
            if (table.getKey().equals("lastIds")) {
                continue; // the server's ID counters: a create and its undoing use up an ID, as on a real XCI
            }
            List<String> rows = new ArrayList<>();
            table.getValue().forEach(row -> rows.add(sorted(row)));
            rows.sort(String::compareTo);
            tables.put("xci/" + table.getKey(), rows);
        }
        return tables;
    }

    /** Each Officelinx table's own ID (the simulator's EntitySchema); ParentID refers to a department. */
    private static final Map<String, String> OWN_ID = Map.of("EEAMCompanies", "CompanyID", "EEAMDepartments",
            "DepartmentID", "EEAMFGroups", "FGroupID", "EEAMMailboxes", "MailboxID", "EEAMMailboxAddresses", "AddressID");

    private static String sorted(JsonNode node) {
        try {
            return SORTED.writeValueAsString(SORTED.treeToValue(node, Object.class));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper SORTED = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
}
