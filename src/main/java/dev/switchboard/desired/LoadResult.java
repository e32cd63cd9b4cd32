package dev.switchboard.desired;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading a desired-state directory: the state when it is valid, and every problem found
 * (all of them, in file and line order) when it is not; the warnings either way (they never make it
 * invalid: a command shows them and goes on).
 */
public record LoadResult(Optional<DesiredState> state, List<Problem> problems, List<Problem> warnings) {

    public LoadResult {
        problems = problems.stream().sorted(Problem.ORDER).toList();
        warnings = warnings.stream().sorted(Problem.ORDER).toList();
    }

    public LoadResult(Optional<DesiredState> state, List<Problem> problems) {
        this(state, problems, List.of());
    }

    public boolean valid() {
        return problems.isEmpty() && state.isPresent();
    }

    /** Problems and warnings together, in file and line order: what {@code validate} prints. */
    public List<Problem> problemsAndWarnings() {
        return java.util.stream.Stream.concat(problems.stream(), warnings.stream()).sorted(Problem.ORDER).toList();
    }

    /** The state; only to be called after {@link #valid()} said true. */
    public DesiredState requireValid() {
        if (!valid()) {
            throw new IllegalStateException("the desired state has " + problems.size() + " problem(s)");
        }
        return state.orElseThrow();
    }
}
