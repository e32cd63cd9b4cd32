package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application on a real terminal: util-linux's {@code script} gives it a pseudo-terminal, as a
 * person's shell would. Colour (the plan's and the progress bar's) only when nothing says no: {@code --no-color},
 * {@code NO_COLOR} and {@code TERM=dumb} each leave no escape sequence at all; and {@code apply | tee log}
 * asks for "yes" because stdin is a terminal though stdout is not.
 */
class TerminalIT {

    private static final Path LAUNCHER = Path.of("switchboard").toAbsolutePath();
    private static final String ESC = "\u001b[";

    @TempDir
    Path temp;

    private Path quickstart;

    @BeforeEach
    void copyTheQuickstart() throws IOException {
        quickstart = temp.resolve("quickstart");
        DeployFiles.copyTree(Path.of("examples/quickstart"), quickstart);
    }

    /** {@code commandLine} run by a shell on a pseudo-terminal, {@code input} typed into it. */
    private ScriptRun onATerminal(Map<String, String> environment, String input, String commandLine)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", commandLine, "/dev/null")
                .directory(temp.toFile()).redirectErrorStream(true);
        builder.environment().put("TERM", "xterm-256color");
        // script runs the line with $SHELL (/bin/sh when unset, dash on Debian): the lines here are bash
        builder.environment().put("SHELL", "/bin/bash");
        builder.environment().remove("NO_COLOR");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(commandLine + " did not end within 3 minutes");
        }
        return new ScriptRun(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private String plan(String flags) {
        return LAUNCHER + " plan -c " + quickstart + " -t olx-main" + flags;
    }

    @Test
    void coloursOnlyWhenNothingSaysNo() throws Exception {
        ScriptRun coloured = onATerminal(Map.of(), "", plan(""));
        assertThat(coloured.output()).contains("Plan: ").contains(ESC + "32m+");

        for (var no : Map.of("--no-color", Map.<String, String>of(), "NO_COLOR=1", Map.of("NO_COLOR", "1"),
                "TERM=dumb", Map.of("TERM", "dumb")).entrySet()) {
            ScriptRun plain = onATerminal(no.getValue(), "", plan(no.getKey().startsWith("--") ? " " + no.getKey() : ""));
            assertThat(plain.exitCode()).as(no.getKey() + ": " + plain.output()).isZero();
            assertThat(plain.output()).as(no.getKey()).contains("Plan: ").contains("+ mailbox Acme/1001")
                    .doesNotContain(ESC);
        }
    }

    @Test
    void applyPipedIntoTeeStillAsksBecauseStdinIsATerminal() throws Exception {
        Path declined = temp.resolve("declined.log");
        ScriptRun no = onATerminal(Map.of("NO_COLOR", "1"), "no\n",
                LAUNCHER + " apply -c " + quickstart + " -t olx-main | tee " + declined);
        assertThat(Files.readString(declined)).as(no.output()).contains("Do you want to perform these actions?");
        assertThat(no.output()).contains("Apply cancelled: nothing was changed.");

        Path log = temp.resolve("apply.log");
        ScriptRun yes = onATerminal(Map.of("NO_COLOR", "1"), "yes\n",
                "set -o pipefail; " + LAUNCHER + " apply -c " + quickstart + " -t olx-main | tee " + log);
        assertThat(yes.exitCode()).as(yes.output()).isZero();
        assertThat(Files.readString(log)).contains("Do you want to perform these actions?").contains("Apply complete: ");
    }

    @Test
    void targetsAppliedAtOnceEachKeepALineOfItsOwn() throws Exception {
        ScriptRun both = onATerminal(Map.of("NO_COLOR", "1"), "",
                LAUNCHER + " apply -c " + quickstart + " -t olx-main -t xci-paris --auto-approve");
        assertThat(both.exitCode()).as(both.output()).isZero();
        // The second bar takes the line below the first, which is then redrawn two lines up, the second one up.
        // (script(1) hands the carriage return after each cursor move on as a line feed)
        String screen = both.output().replace('\r', '\n');
        assertThat(screen).contains(ESC + "2A\napplying olx-main").contains(ESC + "1A\napplying xci-paris")
                .contains("Apply complete: ");
        assertThat(screen.substring(screen.indexOf("Apply complete: "))).as("no bar is drawn after the report")
                .doesNotContain("applying");
    }

    @Test
    void bashCompletesCommandsTargetsKindsAndFormats() throws Exception {
        Path script = temp.resolve("switchboard.bash");
        ScriptRun generated = ScriptRun.of(temp, Map.of(), LAUNCHER.toString(), "completion", "bash");
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        Files.writeString(script, generated.output());
        // What bash does on TAB: the words so far in COMP_WORDS, then the function complete -F names.
        String probe = """
                source %s
                # compopt only works inside a real completion: its complaint (on stderr) is dropped
                complete_at() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
                  _complete_switchboard 2>/dev/null; echo "$(IFS=,; echo "${COMPREPLY[*]}")"; }
                complete_at %s pl
                complete_at %s plan -c %s -t ""
                complete_at %s drift -c %s --only mail
                complete_at %s plan -o ""
                """.formatted(script, LAUNCHER, LAUNCHER, quickstart, LAUNCHER, quickstart, LAUNCHER);
        ScriptRun completed = ScriptRun.of(temp, Map.of(), "bash", "-c", probe);
        assertThat(completed.exitCode()).as(completed.output()).isZero();
        assertThat(completed.output().lines().toList()).containsExactly("plan",
                "olx-main,xci-paris,sipx-boston,gws-main,xivo-lyon", "mailSettings,mailbox", "text,json,markdown,junit");
    }
}
