package dev.switchboard.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/**
 * Maps every failure that escapes a command to exit code 1 and one readable line, in one place:
 * a user sees "Error: target olx-main: GET ... -> HTTP 500: ...", never a stack trace.
 */
@ApplicationScoped
class CommandLineFactory {

    @Produces
    CommandLine commandLine(CommandLine.IFactory factory) {
        // The top command's instance comes from the factory, which asks the CDI container for it.
        return new CommandLine(SwitchboardCommand.class, factory).setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            commandLine.getErr().println("Error: " + describe(error));
            commandLine.getErr().flush();
            return ExitCodes.ERROR;
        }).setParameterExceptionHandler((error, args) -> {
            // A usage error is an error (1): 2 means only "changes present" to CI (SPEC section 1).
            CommandLine commandLine = error.getCommandLine();
            commandLine.getErr().println(error.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(error, commandLine.getErr())) {
                commandLine.getErr().println("See '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
            }
            commandLine.getErr().flush();
            return ExitCodes.ERROR;
        });
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = error.getCause();
            return cause != null && cause != error ? describe(cause) : error.getClass().getSimpleName();
        }
        return message;
    }
}
