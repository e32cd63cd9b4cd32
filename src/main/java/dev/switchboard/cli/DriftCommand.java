package dev.switchboard.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code switchboard drift}: report what live state differs from Git. Not built yet: it says so and exits 1. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Report what live state differs from Git (not built yet).")
public class DriftCommand implements Callable<Integer> {

    @Parameters(hidden = true)
    List<String> ignored = List.of();

    @Override
    public Integer call() {
        System.err.println("switchboard drift is not built yet; 'switchboard validate' and 'switchboard schema' are.");
        return ExitCodes.ERROR;
    }
}
