package dev.switchboard.cli;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Runs the command line that {@link CommandLineFactory} produces, as the picocli extension's own runner does
 * when the application has no main of its own ({@link Main} is one): its exit code is the process's, and
 * what the command printed is flushed whatever the outcome.
 */
@Dependent
class CommandLineApplication implements QuarkusApplication {

    private final CommandLine commandLine;

    @Inject
    CommandLineApplication(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public int run(String... args) {
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }
}
