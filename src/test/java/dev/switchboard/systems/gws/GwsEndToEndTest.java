package dev.switchboard.systems.gws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.cli.Commands;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan, apply and export through the real commands against an embedded GWS simulator that carries out
 * writes 2 s after accepting them, as a real GWS does some time after answering {@code statusCode 0}.
 */
@QuarkusTest
class GwsEndToEndTest {

    @Inject
    Commands commands;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OK = 0;
    private static final int ERROR = 1;
    private static final int CHANGES = 2;

    private static final String CONFIG = """
            apiVersion: switchboard/v1
            targets:
              gws-main:
                kind: gws
                url: embedded
                auth: { username: admin, password: admin }
            """;

    private static final String USERS = """
            target: gws-main
            users:
              - userName: ksippo
                firstName: Kristi
                lastName: Sippola
                roles: [ROLE_AGENT]
                password: ${file:secrets/ksippo}
              - userName: jdoe
                firstName: John
                lastName: Doe
                roles: [ROLE_AGENT, ROLE_SUPERVISOR]
                enabled: true
                changePasswordOnFirstLogin: true
                password: ${file:secrets/jdoe}
            """;

    @TempDir
    Path dir;

    private void desiredState(String config, String users, String simSettings) throws Exception {
        Files.writeString(dir.resolve("switchboard.yaml"), config);
        Files.createDirectories(dir.resolve("gws"));
        Files.writeString(dir.resolve("gws/users.yaml"), users);
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/ksippo"), "kristi-pw");
        Files.writeString(dir.resolve("secrets/jdoe"), "john-pw");
        Path state = dir.resolve(".switchboard/sim/gws-main.json");
        Files.createDirectories(state.getParent());
        Files.writeString(state, "{\"gws\": {\"settings\": " + simSettings + "}}");
    }

    private Commands.Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", dir.toString()));
        return commands.run(all.toArray(String[]::new));
    }

    /** The simulator's users, by user name, as its state file holds them. */
    private Map<String, JsonNode> simulatedUsers() throws Exception {
        Map<String, JsonNode> users = new TreeMap<>();
        for (JsonNode user : JSON.readTree(dir.resolve(".switchboard/sim/gws-main.json").toFile()).path("gws").path("users")) {
            users.put(user.path("userName").asText(), user);
        }
        return users;
    }

    /** Populates the simulator; the 2 s apply delay is proven once, the other tests need only some delay. */
    private void applyFromEmpty() throws Exception {
        applyFromEmpty(200);
    }

    private void applyFromEmpty(int applyDelayMs) throws Exception {
        desiredState(CONFIG, USERS, "{\"applyDelayMs\": " + applyDelayMs + "}");
        Commands.Run apply = run("apply", "--auto-approve");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(OK);
        assertThat(apply.out()).contains("Apply complete: 2 applied, 0 failed, 0 skipped.");
    }

    @Test
    void appliesFromEmptyWithA2sApplyDelayAndThenHasNothingToDo() throws Exception {
        desiredState(CONFIG, USERS, "{\"applyDelayMs\": 2000}");
        Commands.Run plan = run("plan", "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(CHANGES);
        assertThat(plan.out()).contains("Plan: 2 to create, 0 to update, 0 to delete, 1 unmanaged.")
                .contains("? user admin").contains("password: (sensitive)").doesNotContain("kristi-pw");
        assertThat(plan.log()).contains("Genesys Web Services 8.5.200.50");

        applyFromEmpty(2000);
        assertThat(simulatedUsers()).containsOnlyKeys("admin", "ksippo", "jdoe");
        assertThat(simulatedUsers().get("jdoe").path("changePasswordOnFirstLogin").asBoolean()).isTrue();

        Commands.Run again = run("plan", "--detailed-exitcode");
        assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(OK);
    }

    @Test
    void anEditOfRolesReplacesTheSet() throws Exception {
        applyFromEmpty();
        Files.writeString(dir.resolve("gws/users.yaml"),
                USERS.replace("roles: [ROLE_AGENT, ROLE_SUPERVISOR]", "roles: [ROLE_ADMIN]"));
        Commands.Run plan = run("plan", "--detailed-exitcode");
        assertThat(plan.exitCode()).isEqualTo(CHANGES);
        assertThat(plan.out()).contains("~ user jdoe").contains("Plan: 0 to create, 1 to update, 0 to delete");

        Commands.Run apply = run("apply", "--auto-approve");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(OK);
        assertThat(simulatedUsers().get("jdoe").path("roles").toString()).isEqualTo("[\"ROLE_ADMIN\"]");
        assertThat(run("plan", "--detailed-exitcode").exitCode()).isEqualTo(OK);
    }

    @Test
    void rolesInAnotherOrderAreNoChange() throws Exception {
        applyFromEmpty();
        Files.writeString(dir.resolve("gws/users.yaml"),
                USERS.replace("roles: [ROLE_AGENT, ROLE_SUPERVISOR]", "roles: [ROLE_SUPERVISOR, ROLE_AGENT]"));
        assertThat(run("plan", "--detailed-exitcode").exitCode()).isEqualTo(OK);
    }

    @Test
    void aRemovedUserIsUnmanagedWithoutPruneAndDeletedWithIt() throws Exception {
        applyFromEmpty();
        String withoutJdoe = USERS.substring(0, USERS.indexOf("  - userName: jdoe"));
        Files.writeString(dir.resolve("gws/users.yaml"), withoutJdoe);
        Commands.Run plan = run("plan", "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.out()).isEqualTo(OK);
        assertThat(plan.out()).contains("? user jdoe").contains("No changes.").contains("2 unmanaged objects");

        Files.writeString(dir.resolve("switchboard.yaml"), CONFIG + "    prune: true\n");
        Commands.Run pruning = run("plan");
        assertThat(pruning.out()).contains("- user jdoe").contains("? user admin")
                .contains("Plan: 0 to create, 0 to update, 1 to delete, 1 unmanaged.");
        Commands.Run apply = run("apply", "--auto-approve");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(OK);
        assertThat(simulatedUsers()).containsOnlyKeys("admin", "ksippo");
    }

    @Test
    void anExportedTargetPlansToNoChanges() throws Exception {
        applyFromEmpty();
        Files.delete(dir.resolve("gws/users.yaml"));
        Commands.Run export = run("export", "-t", "gws-main");
        assertThat(export.exitCode()).as(export.err()).isEqualTo(OK);
        String yaml = Files.readString(dir.resolve("gws/gws-main.yaml"));
        assertThat(yaml).contains("userName: jdoe").contains("userName: admin").doesNotContain("password");
        Commands.Run plan = run("plan", "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(OK);
        assertThat(plan.out()).contains("No changes.").doesNotContain("unmanaged");
    }

    @Test
    void aWriteAnsweredZeroButNeverCarriedOutIsUnconfirmedAndApplyExits1() throws Exception {
        desiredState(CONFIG + "    confirmTimeout: 1s\n", USERS, "{\"dropWrites\": 1}");
        Commands.Run apply = run("apply", "--auto-approve");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(ERROR);
        assertThat(apply.out()).contains("1 applied, 0 failed, 0 skipped, 1 unconfirmed.")
                .contains("UNCONFIRMED: target gws-main, user ")
                .contains("not visible on reading back after 1 s");
        String journal;
        try (var files = Files.list(dir.resolve(".switchboard/journal"))) {
            journal = Files.readString(files.findFirst().orElseThrow());
        }
        assertThat(journal).contains("\"event\":\"unconfirmed\"").doesNotContain("kristi-pw").doesNotContain("john-pw");

        Commands.Run plan = run("plan", "--detailed-exitcode");
        assertThat(plan.exitCode()).isEqualTo(CHANGES);
        assertThat(plan.out()).contains("Plan: 1 to create, 0 to update, 0 to delete, 1 unmanaged.");
    }
}
