package dev.switchboard.apply;

import dev.switchboard.plan.Change;
import java.util.Optional;

/**
 * What became of one change in an apply.
 *
 * @param message the server's message for a failure or an unconfirmed write, or what a skipped change waited for
 * @param note    something worth telling although it succeeded: "found already created after a lost answer"
 */
public record ChangeResult(Change change, Status status, Optional<String> message, Optional<String> note) {

    /**
     * {@code UNCONFIRMED}: the server accepted the write but it did not show on reading back in time
     * (GWS {@code statusCode 0}): neither applied nor failed; the next plan shows what is still to do.
     */
    public enum Status { APPLIED, FAILED, SKIPPED, UNCONFIRMED }

    public static ChangeResult applied(Change change, Optional<String> note) {
        return new ChangeResult(change, Status.APPLIED, Optional.empty(), note);
    }

    public static ChangeResult failed(Change change, String message) {
        return new ChangeResult(change, Status.FAILED, Optional.of(message), Optional.empty());
    }

    public static ChangeResult unconfirmed(Change change, String message) {
        return new ChangeResult(change, Status.UNCONFIRMED, Optional.of(message), Optional.empty());
    }

    public static ChangeResult skipped(Change change, String because) {
        return new ChangeResult(change, Status.SKIPPED, Optional.of(because), Optional.empty());
    }
}
