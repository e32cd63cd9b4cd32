package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * renamedFrom through the real commands against the embedded Officelinx simulator: a company renamed in Git is
 * renamed on the server, keeping its server ID and its children's, where without renamedFrom the plan
 * recreates the whole tree (13 creates) and, with prune, deletes the old one.
 */
@QuarkusTest
class RenameEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Commands commands;

    @TempDir
    Path temp;

    private QuickstartCopy appliedWithPrune() {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main");
        quickstart.replace("switchboard.yaml", "prune: false", "prune: true");
        Commands.Run applied = commands.run("apply", "-c", quickstart.arg(), "--auto-approve");
        assertThat(applied.exitCode()).as(applied.output()).isEqualTo(0);
        return quickstart;
    }

    /** By name, the server ID of each row of an Officelinx table in the simulator's saved state. */
    private static Map<String, String> ids(QuickstartCopy quickstart, String table, String idField, String... nameFields) {
        Map<String, String> ids = new TreeMap<>();
        for (JsonNode row : quickstart.simState("olx-main").path("officelinx").path(table)) {
            StringBuilder name = new StringBuilder();
            for (String field : nameFields) {
                name.append(name.isEmpty() ? "" : "/").append(row.path(field).asText());
            }
            ids.put(name.toString(), row.path(idField).asText());
        }
        return ids;
    }

    @Test
    void aCompanyRenamedWithRenamedFromKeepsItsServerIdAndItsChildrens() throws Exception {
        QuickstartCopy quickstart = appliedWithPrune();
        Map<String, String> companies = ids(quickstart, "EEAMCompanies", "CompanyID", "CompanyName");
        Map<String, String> mailboxes = ids(quickstart, "EEAMMailboxes", "MailboxID", "CompanyID", "MailboxNo");
        Map<String, String> departments = ids(quickstart, "EEAMDepartments", "DepartmentID", "CompanyID", "DepartmentName");
        Map<String, String> addresses = ids(quickstart, "EEAMMailboxAddresses", "AddressID", "MailboxID", "Address");
        assertThat(mailboxes).hasSize(3);
        assertThat(addresses).hasSize(3);

        quickstart.replace("officelinx/acme.yaml", "  - name: Acme\n", "  - name: Acme Corp\n    renamedFrom: Acme\n");
        Commands.Run plan = commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(2);
        assertThat(plan.out()).contains("~ company Acme Corp (renamed from Acme)")
                .contains("name: \"Acme\" -> \"Acme Corp\"")
                .contains("Plan: 0 to create, 1 to update, 0 to delete")
                .doesNotContain("+ mailbox").doesNotContain("- mailbox");

        JsonNode json = JSON.readTree(commands.run("plan", "-c", quickstart.arg(), "-o", "json").out());
        JsonNode company = null;
        for (JsonNode change : json.path("changes")) {
            if (change.path("kind").asText().equals("company") && change.path("key").asText().equals("Acme Corp")) {
                company = change;
            }
        }
        assertThat(company).isNotNull();
        assertThat(company.path("renamedFrom").asText()).isEqualTo("Acme");
        assertThat(company.path("action").asText()).isEqualTo("update");
        assertThat(company.path("id").asText()).isEqualTo(companies.get("Acme"));
        assertThat(commands.run("plan", "-c", quickstart.arg(), "-o", "markdown").out())
                .contains("~ company Acme Corp (renamed from Acme)");

        // the saved plan carries the rename, and its apply renames in place
        Path planFile = temp.resolve("rename.plan");
        assertThat(commands.run("plan", "-c", quickstart.arg(), "--out", planFile.toString()).exitCode()).isEqualTo(0);
        assertThat(commands.run("show", planFile.toString()).out()).contains("~ company Acme Corp (renamed from Acme)");
        Commands.Run applied = commands.run("apply", planFile.toString(), "--auto-approve");
        assertThat(applied.exitCode()).as(applied.output()).isEqualTo(0);

        Map<String, String> companiesAfter = ids(quickstart, "EEAMCompanies", "CompanyID", "CompanyName");
        assertThat(companiesAfter).doesNotContainKey("Acme").containsEntry("Acme Corp", companies.get("Acme"));
        assertThat(ids(quickstart, "EEAMMailboxes", "MailboxID", "CompanyID", "MailboxNo")).isEqualTo(mailboxes);
        assertThat(ids(quickstart, "EEAMDepartments", "DepartmentID", "CompanyID", "DepartmentName")).isEqualTo(departments);
        assertThat(ids(quickstart, "EEAMMailboxAddresses", "AddressID", "MailboxID", "Address")).isEqualTo(addresses);

        // done: the next plan has nothing to do, and says renamedFrom may go
        Commands.Run after = commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode");
        assertThat(after.exitCode()).as(after.output()).isEqualTo(0);
        assertThat(after.out()).contains("renamedFrom Acme").contains("is done").contains("No changes.");
    }

    @Test
    void withoutRenamedFromARenameRecreatesTheTreeAndPrunesTheOld() {
        QuickstartCopy quickstart = appliedWithPrune();
        quickstart.replace("officelinx/acme.yaml", "  - name: Acme\n", "  - name: Acme Corp\n");
        Commands.Run plan = commands.run("plan", "-c", quickstart.arg());
        assertThat(plan.out()).contains("Plan: 13 to create, 0 to update, 13 to delete");
    }

    @Test
    void aKeyTheApiCannotChangeIsAReplaceThatProtectRefuses() {
        QuickstartCopy quickstart = appliedWithPrune();
        quickstart.replace("officelinx/acme.yaml", "      - number: \"1003\"\n",
                "      - number: \"1009\"\n        renamedFrom: \"1003\"\n");
        Commands.Run plan = commands.run("plan", "-c", quickstart.arg());
        assertThat(plan.out()).contains("-/+ mailbox Acme/1009 (renamed from Acme/1003)")
                .contains("the API cannot change the key of a mailbox");

        quickstart.replace("officelinx/acme.yaml", "        renamedFrom: \"1003\"\n",
                "        renamedFrom: \"1003\"\n        protect: true\n");
        Commands.Run refused = commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("mailbox Acme/1009 is protected (protect: true)");
    }

    @Test
    void aRenamedFromWhoseOldKeyIsDeclaredTooIsAnError() {
        QuickstartCopy quickstart = appliedWithPrune();
        quickstart.replace("officelinx/acme.yaml", "      - name: Support\n", "      - name: Support\n        renamedFrom: Sales\n");
        Commands.Run plan = commands.run("plan", "-c", quickstart.arg(), "--detailed-exitcode");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.out()).contains("department Acme/Support").contains("says renamedFrom Acme/Sales, but department"
                + " Acme/Sales is declared too");
    }
}
