package dev.switchboard.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.cli.Commands;
import dev.switchboard.cli.ExitCodes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The refusals and errors the commands print before or instead of contacting a server, one line each, through
 * the command that shows them: exit 1, the words, and never a Java name. {@code D} is a desired state whose only
 * target is a closed port (src/test/resources/errors/plan/unreachable), {@code P} the directory of broken plan files,
 * {@code C} a copy of errors/plan/config.
 */
@QuarkusTest
class CommandRefusalsTest {

    private static final String D = "src/test/resources/errors/plan/unreachable";
    private static final String P = "src/test/resources/errors/planfiles";

    @Inject
    Commands commands;

    /**
     * A copy of src/test/resources/errors/plan/config, whose embedded simulators keep their state beside it:
     * olx-sim asks its simulator for an option it does not have, olx-ca and olx-badca trust a CA file that is
     * missing or holds no certificate, olx-empty is a fresh simulator.
     */
    @TempDir
    static Path temp;

    private static Path config;

    @BeforeAll
    static void copyTheConfigDirectory() throws IOException {
        config = temp.resolve("config");
        Files.createDirectories(config);
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/errors/plan/config"))) {
            for (Path file : files.toList()) {
                Files.copy(file, config.resolve(file.getFileName().toString()));
            }
        }
    }

    @Test
    void refusesASavedPlanWhoseDirectoryIsGoneWithoutMinusC() throws IOException {
        Path planned = temp.resolve("planned");
        Files.createDirectories(planned);
        Files.copy(config.resolve("switchboard.yaml"), planned.resolve("switchboard.yaml"));
        Path plan = temp.resolve("plan.json");
        Commands.Run saved = commands.run("plan", "-c", planned.toString(), "-t", "olx-empty", "--out", plan.toString());
        assertThat(saved.exitCode()).as(saved.output()).isEqualTo(ExitCodes.OK);
        Files.move(planned, temp.resolve("moved"));

        Commands.Run run = commands.run("apply", "--auto-approve", plan.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("The plan was made from " + planned + ", which does not exist here: pass the "
                + "desired-state directory with -c DIR (for example the checkout of the same commit).");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        export -c D -t olx-main            | Error: target olx-main, OAuth2 password grant: POST /UCOAuth2/oauth2/token -> no response: Connection refused
        plan -c src/test/resources/errors/validate/bad-alias  | acme.yaml:3:11: companies[0].name: alias *acme names no anchor defined before it
        plan -c src/test/resources/errors/validate/bad-alias  | errors/validate/bad-alias has 3 problems: nothing was changed. Run 'switchboard validate' after fixing them.
        drift -c src/test/resources/errors/validate/bad-alias | errors/validate/bad-alias has 3 problems: nothing was changed. Run 'switchboard validate' after fixing them.
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
        apply -c C --auto-approve --lock-timeout 99999999999999999999h | Invalid value for option '--lock-timeout': '99999999999999999999h' is not a duration: write 0, 500ms, 30s, 2m or 1h
        plan -c C -t olx-sim               | Error: target olx-sim: sim: the officelinx simulator has no option nosuch (it has
        plan -c C -t olx-ca                | Error: target olx-ca: tls.caFile missing.pem (
        plan -c C -t olx-ca                | missing.pem) does not exist: give the path of a PEM file of the CA that signed the server's certificate (a relative path starts where switchboard runs)
        plan -c C -t olx-badca             | Error: target olx-badca: tls.caFile src/test/resources/errors/plan/config/not-a-certificate.pem (
        plan -c C -t olx-badca             | not-a-certificate.pem) holds no readable PEM certificate: it should hold one or more -----BEGIN CERTIFICATE----- blocks
        plan -c C -t olx-empty --only mailbox/9999 | Error: --only mailbox/9999 matches no object declared or live in olx-empty
        """)
    void refusesWithOneReadableLine(String command, String expected) {
        String[] args = command.replace(" D", " " + D).replace(" P/", " " + P + "/").replace(" C ", " " + config + " ")
                .split(" +");

        Commands.Run run = commands.run(args);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains(expected).doesNotContain("Exception").doesNotContain("dev.switchboard");
        assertThat(run.out()).isEmpty();
    }
}
