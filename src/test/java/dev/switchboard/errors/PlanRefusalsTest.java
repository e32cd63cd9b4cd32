package dev.switchboard.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cli.Commands;
import dev.switchboard.cli.ExitCodes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The objects a server's API refuses to delete, as {@code plan} shows them on freshly installed (embedded)
 * servers whose targets prune and declare nothing: each stays unmanaged and the plan says why, from one run
 * of a copy of src/test/resources/errors/plan/prune.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanRefusalsTest {

    @Inject
    Commands commands;

    @TempDir
    static Path temp;

    private Commands.Run run;

    @BeforeAll
    void planOnce() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("prune"));
        Files.copy(Path.of("src/test/resources/errors/plan/prune/switchboard.yaml"), dir.resolve("switchboard.yaml"));
        run = commands.run("plan", "-c", dir.toString());
    }

    @Test
    void plansNoDeleteOfWhatTheApiRefusesToDelete() {
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("No changes.").contains("4 unmanaged objects").doesNotContain("- ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        company Default Company          | no file declares it; not pruned: Officelinx never deletes company 1 (CompanyID 1, the system's default company)
        featureGroup Default Company/1   | no file declares it; not pruned: feature group 1 (FGroupID 1) is the default one every Officelinx server comes with
        administrator admin              | no file declares it; not pruned: administrator admin is the login Switchboard uses for this target; deleting it would lock Switchboard out
        user admin                       | no file declares it; not pruned: user admin is the user Switchboard logs in as for this target; deleting it would lock Switchboard out
        """)
    void saysWhyTheApiRefusesToDeleteIt(String object, String why) {
        assertThat(run.out()).contains("  ? " + object + "  # " + why + System.lineSeparator());
    }
}
