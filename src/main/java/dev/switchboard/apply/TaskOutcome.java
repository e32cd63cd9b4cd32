package dev.switchboard.apply;

import java.util.Optional;

/**
 * How one task of an {@link OrderedExecutor} run ended.
 *
 * @param status  done, failed, or skipped because a task it waits for did not succeed
 * @param message the failure's message, or what it was skipped for; empty when done
 */
public record TaskOutcome(Status status, Optional<String> message) {

    public enum Status { DONE, FAILED, SKIPPED }

    public static TaskOutcome done() {
        return new TaskOutcome(Status.DONE, Optional.empty());
    }

    public static TaskOutcome failed(String message) {
        return new TaskOutcome(Status.FAILED, Optional.of(message));
    }

    public static TaskOutcome skipped(String because) {
        return new TaskOutcome(Status.SKIPPED, Optional.of(because));
    }

    public boolean succeeded() {
        return status == Status.DONE;
    }
}
