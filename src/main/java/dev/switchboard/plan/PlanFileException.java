package dev.switchboard.plan;

/** A saved plan that cannot be read: not JSON, another format version, or missing what a plan needs. */
public final class PlanFileException extends RuntimeException {

    public PlanFileException(String message) {
        super(message);
    }

    public PlanFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
