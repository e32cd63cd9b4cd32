package dev.switchboard.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code switchboard}: the top command, a list of subcommands. */
@TopCommand
@Command(name = "switchboard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Keeps telephony and unified-communications servers in line with desired-state YAML kept in Git.",
        subcommands = {
                ValidateCommand.class,
                PlanCommand.class,
                ShowCommand.class,
                ApplyCommand.class,
                RollbackCommand.class,
                DriftCommand.class,
                ExportCommand.class,
                ServeCommand.class,
                SimCommand.class,
                SchemaCommand.class,
                CompletionCommand.class,
        })
public class SwitchboardCommand {

    /** Where {@code -v} and {@code --log-level} apply: Switchboard's own loggers (the HTTP calls among them). */
    static final String LOGGERS = "dev.switchboard";

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log at DEBUG: every API call with its method, path, status and time (never a body).")
    void verbose(boolean verbose) {
        if (verbose) {
            level("debug");
        }
    }

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "error, warn, info (the default) or debug, for Switchboard's log on stderr.")
    void logLevel(String level) {
        level(level);
    }

    private void level(String name) {
        Level level = switch (name.toLowerCase(Locale.ROOT)) {
            case "error" -> Level.SEVERE;
            case "warn", "warning" -> Level.WARNING;
            case "info" -> Level.INFO;
            case "debug" -> Level.FINE;
            default -> throw new ParameterException(spec.commandLine(), "--log-level is error, warn, info or debug, not " + name);
        };
        Logger.getLogger(LOGGERS).setLevel(level);
    }
}
