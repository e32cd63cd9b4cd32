package dev.switchboard.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code switchboard export}: write desired-state YAML from live state. Not built yet: it says so and exits 1. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write desired-state YAML from live state (not built yet).")
public class ExportCommand implements Callable<Integer> {

    @Parameters(hidden = true)
    List<String> ignored = List.of();

    @Override
    public Integer call() {
        System.err.println("switchboard export is not built yet; 'switchboard validate' and 'switchboard schema' are.");
        return ExitCodes.ERROR;
    }
}
