package dev.switchboard.cli;

import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --parallelism N}: concurrent API calls per target, overriding the settings; 1 or more. */
public class ParallelismOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    Optional<Integer> parallelism = Optional.empty();

    @Option(names = "--parallelism", paramLabel = "N", description = "Concurrent API calls per target, 1 or more "
            + "(default: settings.parallelism in switchboard.yaml).")
    void parallelism(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism is the number of concurrent API calls per "
                    + "target: 1 or more, not " + n + " (1 sends one call at a time)");
        }
        parallelism = Optional.of(n);
    }

    public OptionalInt value() {
        return parallelism.map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
