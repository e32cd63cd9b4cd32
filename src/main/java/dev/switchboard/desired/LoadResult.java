package dev.switchboard.desired;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading a desired-state directory: the state when it is valid, and every problem found
 * (all of them, in file and line order) when it is not.
 */
public record LoadResult(Optional<DesiredState> state, List<Problem> problems) {

    public LoadResult {
        problems = problems.stream().sorted(Problem.ORDER).toList();
    }

    public boolean valid() {
        return problems.isEmpty() && state.isPresent();
    }

    /** The state; only to be called after {@link #valid()} said true. */
    public DesiredState requireValid() {
        if (!valid()) {
            throw new IllegalStateException("the desired state has " + problems.size() + " problem(s)");
        }
        return state.orElseThrow();
    }
}
