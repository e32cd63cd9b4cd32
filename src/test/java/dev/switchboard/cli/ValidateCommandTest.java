package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ValidateCommandTest {

    @Inject
    Commands commands;

    private static final String CANARY = "hunter2-SWITCHBOARD-LEAK-CANARY";

    @Test
    void exitsZeroOnTheQuickstart() {
        Commands.Run result = commands.run("validate", "-c", "examples/quickstart");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Valid: 5 targets");
    }

    @Test
    void exitsOneAndNamesFileLineAndFieldOnBadInput() {
        Commands.Run result = commands.run("validate", "-c", "src/test/resources/desired/dangling-reference");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.out())
                .contains("acme.yaml:11:9: companies[0].mailboxes[0].featureGroup: feature group 57 is not declared in company Acme")
                .contains("hint: declare it, or use one of: 56")
                .contains("1 problem in 1 file.")
                .doesNotContain("Exception");
    }

    @Test
    void neverPrintsASecretsValueWhenValid() {
        Commands.Run result = commands.run("validate", "-c", "src/test/resources/desired/secret-in-output");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.output()).doesNotContain(CANARY);
    }

    @Test
    void neverPrintsASecretsValueWithErrors() {
        Commands.Run result = commands.run("validate", "-c", "src/test/resources/desired/secret-with-errors");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.out()).contains("entity 'nowhere@xivo-missing' is not declared");
        assertThat(result.output()).doesNotContain(CANARY);
    }

    @Test
    void exitsOneWhenTheDirectoryHasNoSwitchboardYaml() {
        Commands.Run result = commands.run("validate", "-c", "src/test/resources");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.out()).contains("there is no switchboard.yaml in");
    }

    @Test
    void reportsProblemsAsJsonWithFileLineColumnPathMessageAndHint() throws Exception {
        Commands.Run result = commands.run("validate", "-c", "src/test/resources/desired/dangling-reference", "-o", "json");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out());
        assertThat(report.path("valid").asBoolean()).isFalse();
        var problem = report.path("problems").get(0);
        assertThat(problem.path("severity").asText()).isEqualTo("error");
        assertThat(problem.path("file").asText()).isEqualTo("acme.yaml");
        assertThat(problem.path("line").asInt()).isEqualTo(11);
        assertThat(problem.path("column").asInt()).isEqualTo(9);
        assertThat(problem.path("path").asText()).isEqualTo("companies[0].mailboxes[0].featureGroup");
        assertThat(problem.path("message").asText()).isEqualTo("feature group 57 is not declared in company Acme");
        assertThat(problem.path("hint").asText()).isEqualTo("declare it, or use one of: 56");

        Commands.Run valid = commands.run("validate", "-c", "examples/quickstart", "-o", "json");
        assertThat(valid.exitCode()).isEqualTo(ExitCodes.OK);
        var ok = new com.fasterxml.jackson.databind.ObjectMapper().readTree(valid.out());
        assertThat(ok.path("valid").asBoolean()).isTrue();
        assertThat(ok.path("targets").findValuesAsText("name"))
                .containsExactly("olx-main", "xci-paris", "sipx-boston", "gws-main", "xivo-lyon");
    }

    @Test
    void theXciDocumentsCompulsoryIfRulesAreCheckedBeforeAnyServerIsAsked() {
        Commands.Run result = commands.run("validate", "-c", "src/test/resources/desired/xci-compulsory-if");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.out())
                .contains("xci/paris.yaml:6:5: templates[0]: missing required field 'routedInboundPrefix' "
                        + "(compulsory when routedInbound is true)")
                .contains("hint: add routedInboundPrefix: to this object, or change routedInbound")
                .contains("templates[0]: missing required field 'customCallerId' (compulsory when callerIdMode is custom)")
                .contains("templates[0]: missing required field 'voiceMailCustomNumber' (compulsory when "
                        + "voiceMailNumberMode is custom)")
                .contains("administrators[0]: missing required field 'password' (compulsory when ldap is false)")
                .as("an administrator's name is optional: the built-in admin has none").doesNotContain("'name'")
                .contains("4 problems in 1 file.");
    }
}
