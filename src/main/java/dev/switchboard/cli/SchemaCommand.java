package dev.switchboard.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code switchboard sim}: run the simulators standalone. Not built yet: it says so and exits 1. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Run the API simulators standalone (not built yet).")
public class SchemaCommand implements Callable<Integer> {

    @Parameters(hidden = true)
    List<String> ignored = List.of();

    @Override
    public Integer call() {
        System.err.println("switchboard schema is not built yet; 'switchboard validate' and 'switchboard schema' are.");
        return ExitCodes.ERROR;
    }
}
