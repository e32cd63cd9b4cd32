package dev.switchboard.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code switchboard serve}: run the GitOps daemon. Not built yet: it says so and exits 1. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the GitOps daemon (not built yet).")
public class ServeCommand implements Callable<Integer> {

    @Parameters(hidden = true)
    List<String> ignored = List.of();

    @Override
    public Integer call() {
        System.err.println("switchboard serve is not built yet; 'switchboard validate' and 'switchboard schema' are.");
        return ExitCodes.ERROR;
    }
}
