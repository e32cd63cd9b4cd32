package dev.switchboard.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code switchboard apply}: plan then apply, or apply a saved plan. Not built yet: it says so and exits 1. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Plan then apply, or apply a saved plan (not built yet).")
public class ApplyCommand implements Callable<Integer> {

    @Parameters(hidden = true)
    List<String> ignored = List.of();

    @Override
    public Integer call() {
        System.err.println("switchboard apply is not built yet; 'switchboard validate' and 'switchboard schema' are.");
        return ExitCodes.ERROR;
    }
}
