package dev.switchboard.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One fixture directory per class of bad input: each is refused with the exact place and words. */
class BadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        yaml-syntax             | acme.yaml:5:1: YAML syntax error: expected ',' or ']', but got <stream end> (while parsing a flow sequence)
        duplicate-key           | acme.yaml:7:9: companies[0].featureGroups[0].name: duplicate key 'name'; it was first set at line 6
        unknown-field           | acme.yaml:12:9: companies[0].mailboxes[0].deparment: unknown field 'deparment'
        wrong-type              | acme.yaml:7:9: companies[0].mailboxes[0].number: must be a string, not an integer
        missing-required        | acme.yaml:7:9: companies[0].mailboxes[0]: missing required field 'lastName'
        duplicate-natural-key   | acme.yaml:8:9: companies[0].mailboxes[1]: mailbox Acme/1001 is declared twice; first at acme.yaml:7:9
        dangling-reference      | acme.yaml:11:9: companies[0].mailboxes[0].featureGroup: feature group 57 is not declared in company Acme
        unknown-target          | acme.yaml:1:1: target: target 'olx-mian' is not declared in switchboard.yaml
        alias-bomb              | bomb.yaml:7:11: aliases expand to more than 200000 nodes; the file is refused as a YAML alias bomb
        empty-file              | acme.yaml:1:1: the file is empty
        non-utf8                | acme.yaml:3:14: the file is not valid UTF-8 (byte 0xE9)
        missing-env-secret      | paris.yaml:7:5: administrators[0].password: the environment variable SWITCHBOARD_TEST_UNSET_VARIABLE is not set
        missing-file-secret     | paris.yaml:7:5: administrators[0].password: the secret file secrets/does-not-exist does not exist
        literal-secret          | switchboard.yaml:6:27: targets.xci-paris.auth.password: a secret written in the file: it would be committed to Git with it
        """)
    void refusesWithFileLineColumnAndMessage(String fixture, String expected) {
        LoadResult result = Fixtures.load(Fixtures.desired(fixture), Map.of());

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).hasSize(1);
        Problem problem = result.problems().get(0);
        assertThat(problem.render().lines().findFirst().orElseThrow()).isEqualTo(expected);
        assertThat(problem.hint()).as("every problem carries a hint").isPresent();
    }

    @Test
    void aNumberOutsideItsEntitysIntervalsIsAWarningWithItsPlaceAndHintAndTheStateStaysValid() {
        LoadResult result = Fixtures.load(Fixtures.desired("number-outside-interval"), Map.of());

        assertThat(result.valid()).as("XCI accepts such a user: the document's own user 6260 is one").isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.isWarning()).isTrue();
            assertThat(warning.render().lines().findFirst().orElseThrow()).isEqualTo("paris.yaml:12:11: "
                    + "entities[0].users[1].internalNumber: warning: internal number 1800 lies outside every interval "
                    + "of entity acme@xivo-paris");
            assertThat(warning.hint().orElseThrow()).contains("use a number in 1700-1799, or widen the entity's intervals");
        });
        assertThat(result.requireValid().resourcesOf("xci-paris").all()).extracting(r -> r.key().leaf())
                .contains("1800");
    }

    @Test
    void suggestsTheFieldMeantByANearMiss() {
        Problem problem = Fixtures.load(Fixtures.desired("unknown-field"), Map.of()).problems().get(0);
        assertThat(problem.hint().orElseThrow()).contains("did you mean 'department'?");
    }

    @Test
    void suggestsTheTargetMeantByANearMiss() {
        Problem problem = Fixtures.load(Fixtures.desired("unknown-target"), Map.of()).problems().get(0);
        assertThat(problem.hint().orElseThrow()).contains("did you mean 'olx-main'?");
    }

    @Test
    void suggestsQuotingANumberWrittenWhereAStringBelongs() {
        Problem problem = Fixtures.load(Fixtures.desired("wrong-type"), Map.of()).problems().get(0);
        assertThat(problem.hint().orElseThrow()).contains("quote it: \"1001\"");
    }

    @Test
    void namesTheDeclaredAlternativesOfADanglingReference() {
        Problem problem = Fixtures.load(Fixtures.desired("dangling-reference"), Map.of()).problems().get(0);
        assertThat(problem.hint().orElseThrow()).contains("use one of: 56");
    }

    @Test
    void reportsAllFiveProblemsOfADirectoryInOneRun() {
        List<String> problems = Fixtures.load(Fixtures.desired("five-errors"), Map.of()).problems().stream()
                .map(p -> p.render().lines().findFirst().orElseThrow())
                .toList();

        assertThat(problems).containsExactly(
                "acme.yaml:6:9: companies[0].featureGroups[1]: featureGroup Acme/56 is declared twice; first at acme.yaml:5:9",
                "acme.yaml:12:9: companies[0].mailboxes[0].featureGroup: feature group 57 is not declared in company Acme",
                "acme.yaml:13:9: companies[0].mailboxes[0].colour: unknown field 'colour'",
                "acme.yaml:18:9: companies[0].mailboxes[1].featureGroup: must be an integer, not a string",
                "paris.yaml:3:5: administrators[0]: missing required field 'superAdmin'");
    }

    @Test
    void refusesADirectoryWithoutSwitchboardYaml() {
        LoadResult result = Fixtures.load(Fixtures.DESIRED, Map.of());
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("there is no switchboard.yaml in"));
    }
}
