package dev.switchboard.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs {@code switchboard} commands inside the running test application, as {@code main} would, with the same
 * error handling ({@link CommandLineFactory}), capturing what the command writes to its stdout and stderr.
 * A run costs milliseconds where a {@code @QuarkusMainTest} launch costs a second or more, so tests of
 * messages can try every case through the real command. Inject it into a {@code @QuarkusTest}.
 * What it does not see: log lines (they go to the process's stderr) and the process's exit.
 */
@ApplicationScoped
public class Commands {

    /** What a command ended with and wrote. */
    public record Run(int exitCode, String out, String err) {
        /** stdout then stderr, as a terminal would show both. */
        public String output() {
            return out + err;
        }
    }

    @Inject
    Instance<CommandLine> commandLines;

    public Run run(String... args) {
        CommandLine commandLine = commandLines.get();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return new Run(exitCode, out.toString(), err.toString());
    }
}
