package dev.switchboard.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cli.Commands;
import dev.switchboard.cli.ExitCodes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every desired-state problem no other test shows through {@code validate}, from one directory that has them
 * all (src/test/resources/errors/validate/many), read by one run: each is printed as
 * {@code file:line:col: field.path: message} with its hint on the next line.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidateProblemsTest {

    @Inject
    Commands commands;

    private Commands.Run run;

    @BeforeAll
    void validateTheDirectoryOnce() {
        run = commands.run("validate", "-c", "src/test/resources/errors/validate/many");
    }

    @Test
    void failsWithEveryProblemCountedAndNoJavaInIt() {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.out()).contains("18 problems in 6 files.");
        assertThat(run.output()).doesNotContain("Exception").doesNotContain("regex").doesNotContain("For input string");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        acme.yaml:3:5: companies[0].name: this field cannot be a secret reference | write its value directly
        number.yaml:1:1: target: must be the name of a target, a string | write target: NAME
        lyon.yaml:3:5: users[0]: user Alice has no line: a xivo-ws user is known by the context/number of its first line | declare a line under lines: ({ context: default, number: "4000", protocol: sip }) and name it here: lines: [ default/4000 ]
        olx-pbx.yaml:4:5: companies[0].pbx: company Acme is on PBX 3, but target olx-main manages the companies of PBX 1 | declare a target per PBX (pbx: 3 on its target) and name it in this file's target:
        sipx.yaml:3:5: users[0].user: user 205 is not listed under the users of target sipx: Switchboard acts on a user's settings as that user, with its password | add "205": { password: ${env:...} } to its users in switchboard.yaml (listed: 201)
        switchboard.yaml:8:7: targets.olx-main.auth.clientSecret: unknown secret source 'vault' | use ${env:NAME} or ${file:PATH}
        switchboard.yaml:9:7: targets.olx-main.auth.username: the secret reference ${env:} names nothing | write ${env:NAME} or ${file:PATH}
        switchboard.yaml:10:7: targets.olx-main.auth.password: the secret file secrets.d cannot be read (is a directory) | check its permissions and that it is UTF-8 text
        switchboard.yaml:17:17: targets.xci-paris.timeouts.connect: '99999999999999999999s' is too long a duration | write a whole number with ms, s, m or h: 30s, 2m
        switchboard.yaml:17:49: targets.xci-paris.timeouts.read: 'soon' is not in the form this field takes | a duration: 500ms, 30s, 2m or 1h; a bare number is seconds
        switchboard.yaml:19:9: targets.xci-paris.protect[0]: 'mailbox' is not a kind of a xci target | the kinds of a xci target are: xivo, entity, template, user, administrator
        switchboard.yaml:24:16: targets.sipx.users[201].password: a secret reference must be the whole value | write the field as exactly ${env:NAME} or ${file:PATH}, with nothing around it
        switchboard.yaml:28:30: targets.gws.auth.password: the secret file secrets/latin1 cannot be read (it is not UTF-8 text) | check its permissions and that it is UTF-8 text
        switchboard.yaml:29:5: targets.gws.confirmTimeout: 'soon' is not in the form this field takes | how long each write GWS accepted (statusCode 0) is read back, with growing pauses, before it is reported unconfirmed: 30s, 2m, 500ms
        switchboard.yaml:34:5: targets.paris2.kind: 'xcii' is not allowed here | did you mean 'xci'?
        """)
    void namesFileLineFieldAndHint(String problem, String hint) {
        assertThat(run.out()).contains(problem + System.lineSeparator() + "  hint: " + hint + System.lineSeparator());
    }

    /** Problems of the whole file, of the directory, and the schema's own rules, each from its own small directory. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        not-a-mapping | switchboard.yaml:1:1: the file must be a mapping (key: value lines) | start it with apiVersion: switchboard/v1
        utf16         | acme.yaml:1:1: the file is UTF-16, not UTF-8 | save it as UTF-8 (for example: iconv -f UTF-16 -t UTF-8)
        utf16         | switchboard.yaml:2:1: targets: must not be empty | add an entry under it
        bad-alias     | acme.yaml:3:11: companies[0].name: alias *acme names no anchor defined before it | define &acme earlier in the file
        nowhere       | errors/validate/nowhere:1:1: no such directory | pass the desired-state directory with -c DIR
        schema        | acme.yaml:3:5: companies[0].name: must not be empty | write a value
        schema        | acme.yaml:5:11: companies[0].featureGroups[0].number: must be at least 0, not -5 | write 0 or more
        schema        | switchboard.yaml:1:1: apiVersion: 'switchboard/v2' is not allowed here | did you mean 'switchboard/v1'?
        schema        | switchboard.yaml:3:3: settings.parallelism: must be at least 1, not 0 | write a number from 1 to 64
        schema        | switchboard.yaml:4:3: settings.maxDeletePercent: must be at most 100, not 150 | write a number from 0 to 100
        schema        | switchboard.yaml:8:5: targets.olx-main.url: 'ftp://olx.example' is not in the form this field takes | the server's base URL, or `embedded` for the built-in simulator
        schema        | switchboard.yaml:11:3: targets.Bad Name: 'Bad Name' is not allowed as a name here | a target's name: letters, digits, '_', '.' and '-', starting with a letter or a digit
        schema        | switchboard.yaml:19:14: targets.sipx.users.a b: 'a b' is not allowed as a name here | a user's name, with no '/' and no space
        schema        | switchboard.yaml:20:5: targets.sipx.protect: lists the same value more than once | remove the repeated value
        references    | acme.yaml:9:9: companies[0].mailboxes[0].department: department Sales is not declared in company Acme | declare it in a file of target olx-main
        references    | lyon.yaml:7:5: users[0].entity: entity 'proformatique' is not declared (declare every entity users name, the installation's too: export -t writes it) | declare it, or use one of: xivo
        references    | lyon.yaml:10:5: users[0].lines: line default/4009 is not declared under lines: | declare it, or use one of: default/4000
        references    | lyon.yaml:12:35: pickups[0].members[0].user: no declared user has line default/4001 as its first line | declare it, or use one of: default/4000
        references    | paris.yaml:4:5: templates[0].xivos: XiVO 'xivo-rome' is not declared | declare it in a file of target xci-paris
        references    | paris.yaml:5:5: templates[0].entities: entity 'acme@xivo-rome' is not declared | declare it, or use one of: acme@xivo-paris
        references    | paris.yaml:14:9: entities[0].users[0].template: line template 'Premium line' is not declared | declare it, or use one of: Standard line
        references    | paris.yaml:19:5: administrators[0].entities: entity 'sales@xivo-paris' is not declared | declare it, or use one of: acme@xivo-paris
        """)
    void namesFileLineFieldAndHintOfEachDirectory(String dir, String problem, String hint) {
        Commands.Run result = commands.run("validate", "-c", "src/test/resources/errors/validate/" + dir);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.out()).contains(problem + System.lineSeparator() + "  hint: " + hint + System.lineSeparator());
        assertThat(result.output()).doesNotContain("Exception").doesNotContain("regex").doesNotContain("properties");
    }

    @Test
    void saysAnEmptyValueOnceThoughTwoSchemaRulesRefuseIt() {
        // minLength and the name's pattern both refused companies[0].name: "", in two wordings.
        String out = commands.run("validate", "-c", "src/test/resources/errors/validate/schema").out();
        assertThat(out.split("companies\\[0\\]\\.name:", -1)).hasSize(2);
    }

    @Test
    void refusesAFileOverEightMebibytes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("switchboard.yaml"), "apiVersion: switchboard/v1\ntargets: {}\n");
        Files.write(dir.resolve("big.yaml"), new byte[8 * 1024 * 1024 + 1]);

        Commands.Run result = commands.run("validate", "-c", dir.toString());

        assertThat(result.out()).contains("big.yaml:1:1: the file is larger than 8 MiB"
                + System.lineSeparator() + "  hint: split it into several files");
    }

    @Test
    void saysAMistakeOnceInOneWording() {
        // The GWS reader and the schema both refused a confirmTimeout not of the form 30s, in two wordings.
        assertThat(run.out().split("targets.gws.confirmTimeout:", -1)).hasSize(2);
    }
}
