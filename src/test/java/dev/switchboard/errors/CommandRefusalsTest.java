package dev.switchboard.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cli.Commands;
import dev.switchboard.cli.ExitCodes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The refusals and errors the commands print before or instead of contacting a server, one line each, through
 * the command that shows them: exit 1, the words, and never a Java name. {@code D} is a desired state whose only
 * target is a closed port (src/test/resources/errors/plan/unreachable), {@code P} the directory of broken plan files.
 */
@QuarkusTest
class CommandRefusalsTest {

    private static final String D = "src/test/resources/errors/plan/unreachable";
    private static final String P = "src/test/resources/errors/planfiles";

    @Inject
    Commands commands;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        plan -c D                          | Error: target olx-main, OAuth2 password grant: POST /UCOAuth2/oauth2/token -> no response: Connection refused
        drift -c D -t nope                 | Error: no target named 'nope' in
        export -c D -t nope                | (targets: olx-main)
        plan -c D -o junit                 | -o junit is for drift reports: use 'switchboard drift -o junit'.
        apply -c D                         | apply changes production servers and needs confirmation: run it on a terminal to answer 'yes', or pass --auto-approve (as CI and the daemon do) after reviewing 'switchboard plan'.
        apply -c D --auto-approve P/not-json.json      | Error: the plan file is not JSON: Unexpected end-of-input
        apply -c D --auto-approve P/not-an-object.json | Error: the plan file is not a saved plan (no JSON object)
        apply -c D --auto-approve P/missing.json       | Error: there is no plan file src/test/resources/errors/planfiles/missing.json: pass the file 'switchboard plan --out FILE' wrote
        sim --fail-rate 2                  | --fail-rate is a share between 0 and 1, not 2.0
        sim --fault bogus                  | --fault bogus: 'bogus' is not a fault (faults: error-500, too-many-requests, reset-before, reset-after, slow)
        sim --fault-mix 0.1:bogus          | --fault-mix 0.1:bogus: 'bogus' is not a fault (faults: error-500, too-many-requests, reset-before, reset-after, slow)
        sim --fault-mix lots               | --fault-mix lots: 'lots' is not a share between 0 and 1 (write 0.2 for 20%)
        sim --sim-option nodot             | --sim-option nodot: write KIND.NAME=VALUE, KIND one of gws, officelinx, sipxconfig, xci, xivo-ws
        sim --dialect bogus.x              | --dialect bogus.x: write KIND.NAME, KIND one of gws, officelinx, olx, sipxconfig, xci, xivo-ws
        """)
    void refusesWithOneReadableLine(String command, String expected) {
        String[] args = command.replace(" D", " " + D).replace(" P/", " " + P + "/").split(" +");

        Commands.Run run = commands.run(args);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains(expected).doesNotContain("Exception").doesNotContain("dev.switchboard");
        assertThat(run.out()).isEmpty();
    }
}
