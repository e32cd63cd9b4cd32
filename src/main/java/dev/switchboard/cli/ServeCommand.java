package dev.switchboard.cli;

import dev.switchboard.daemon.Daemon;
import dev.switchboard.daemon.DaemonConfigException;
import io.quarkus.runtime.Quarkus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code switchboard serve}: the GitOps daemon (SPEC section 6), configured by the environment
 * ({@code SWITCHBOARD_CONFIG} or {@code SWITCHBOARD_GIT_URL}, ...). Starts it and waits until the process
 * is told to stop; only this command opens an HTTP port.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the GitOps daemon: follow a Git branch (SWITCHBOARD_GIT_URL) or a directory "
                + "(SWITCHBOARD_CONFIG), reconcile on a schedule and on push, report drift over HTTP.",
                "Configured by environment variables; see README, 'Running as a daemon'."})
public class ServeCommand implements Callable<Integer> {

    private final Daemon daemon;

    public ServeCommand(Daemon daemon) {
        this.daemon = daemon;
    }

    @Override
    public Integer call() {
        try {
            daemon.start();
        } catch (DaemonConfigException e) {
            System.err.println("switchboard serve: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        Quarkus.waitForExit();
        return ExitCodes.OK;
    }
}
