package dev.switchboard.cli;

import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** {@code --parallelism N}: concurrent API calls per target, overriding the settings. */
public class ParallelismOption {

    @Option(names = "--parallelism", paramLabel = "N", description = "Concurrent API calls per target (default: settings).")
    Optional<Integer> parallelism = Optional.empty();

    public OptionalInt value() {
        return parallelism.map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
