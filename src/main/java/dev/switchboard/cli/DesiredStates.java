package dev.switchboard.cli;

import dev.switchboard.desired.DesiredState;
import dev.switchboard.desired.DesiredStateLoader;
import dev.switchboard.desired.LoadResult;
import dev.switchboard.desired.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Loading the desired state for a command: the problems, when there are any, go to stderr, and so do the
 * warnings, before anything else the command writes.
 */
final class DesiredStates {

    private DesiredStates() {
    }

    static Optional<DesiredState> load(DesiredStateLoader loader, Path dir, PrintWriter err) {
        return load(loader, dir, Set.of(), err);
    }

    /**
     * For a run on {@code targets} only (empty: every target): another target's secret that does not resolve
     * here is no problem, since nothing is sent to it.
     */
    static Optional<DesiredState> load(DesiredStateLoader loader, Path dir, Set<String> targets, PrintWriter err) {
        LoadResult result = loader.load(dir, targets);
        if (result.valid()) {
            result.warnings().forEach(warning -> err.println(warning.render()));
            err.flush();
            return result.state();
        }
        for (Problem problem : result.problemsAndWarnings()) {
            err.println(problem.render());
        }
        err.printf("The desired state in %s has %d problem%s: nothing was changed. Run 'switchboard validate' after fixing them.%n",
                dir, result.problems().size(), result.problems().size() == 1 ? "" : "s");
        err.flush();
        return Optional.empty();
    }
}
