package dev.switchboard.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code switchboard plan}: fetch live state, diff and print the plan. Not built yet: it says so and exits 1. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Fetch live state, diff and print the plan (not built yet).")
public class PlanCommand implements Callable<Integer> {

    @Parameters(hidden = true)
    List<String> ignored = List.of();

    @Override
    public Integer call() {
        System.err.println("switchboard plan is not built yet; 'switchboard validate' and 'switchboard schema' are.");
        return ExitCodes.ERROR;
    }
}
