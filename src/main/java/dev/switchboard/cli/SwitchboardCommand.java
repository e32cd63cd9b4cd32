package dev.switchboard.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** {@code switchboard}: the top command, a list of subcommands. */
@TopCommand
@Command(name = "switchboard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Keeps telephony and unified-communications servers in line with desired-state YAML kept in Git.",
        subcommands = {
                ValidateCommand.class,
                PlanCommand.class,
                ShowCommand.class,
                ApplyCommand.class,
                DriftCommand.class,
                ExportCommand.class,
                ServeCommand.class,
                SimCommand.class,
                SchemaCommand.class,
                CompletionCommand.class,
        })
public class SwitchboardCommand {
}
