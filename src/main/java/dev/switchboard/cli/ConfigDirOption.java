package dev.switchboard.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -c DIR}: the desired-state directory, shared by every command that reads one. */
public class ConfigDirOption {

    @Option(names = {"-c", "--config"}, paramLabel = "DIR", defaultValue = ".",
            description = "The desired-state directory holding switchboard.yaml (default: the current directory).")
    Path dir;

    public Path dir() {
        return dir.toAbsolutePath().normalize();
    }
}
