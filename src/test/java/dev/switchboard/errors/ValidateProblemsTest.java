package dev.switchboard.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cli.Commands;
import dev.switchboard.cli.ExitCodes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

    @Test
    void saysAMistakeOnceInOneWording() {
        // The GWS reader and the schema both refused a confirmTimeout not of the form 30s, in two wordings.
        assertThat(run.out().split("targets.gws.confirmTimeout:", -1)).hasSize(2);
    }
}
