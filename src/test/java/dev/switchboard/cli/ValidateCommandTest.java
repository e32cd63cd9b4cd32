package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
class ValidateCommandTest {

    private static final String CANARY = "hunter2-SWITCHBOARD-LEAK-CANARY";

    @Test
    void exitsZeroOnTheQuickstart(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("validate", "-c", "examples/quickstart");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.getOutput()).contains("Valid: 5 targets");
    }

    @Test
    void exitsOneAndNamesFileLineAndFieldOnBadInput(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("validate", "-c", "src/test/resources/desired/dangling-reference");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.getOutput())
                .contains("acme.yaml:11:9: companies[0].mailboxes[0].featureGroup: feature group 57 is not declared in company Acme")
                .contains("hint: declare it, or use one of: 56")
                .contains("1 problem in 1 file.")
                .doesNotContain("Exception");
    }

    @Test
    void neverPrintsASecretsValueWhenValid(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("validate", "-c", "src/test/resources/desired/secret-in-output");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.getOutput() + result.getErrorOutput()).doesNotContain(CANARY);
    }

    @Test
    void neverPrintsASecretsValueWithErrors(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("validate", "-c", "src/test/resources/desired/secret-with-errors");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.getOutput()).contains("entity 'nowhere@xivo-missing' is not declared");
        assertThat(result.getOutput() + result.getErrorOutput()).doesNotContain(CANARY);
    }

    @Test
    void exitsOneWhenTheDirectoryHasNoSwitchboardYaml(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("validate", "-c", "src/test/resources");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.getOutput()).contains("there is no switchboard.yaml in");
    }
}
