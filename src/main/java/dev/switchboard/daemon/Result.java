package dev.switchboard.daemon;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a target's reconcile ended: the {@code result} label of {@code switchboard_reconcile_total} and
 * the status page, spelled as {@link #label()}.
 */
public enum Result {
    /** Live state matches Git: nothing to apply (unmanaged objects alone do not count). */
    IN_SYNC("in-sync"),
    /** Changes found and, in drift mode, reported only. */
    DRIFT("drift"),
    /** Changes found and every one applied (apply mode). */
    APPLIED("applied"),
    /** Changes found on a {@code readOnly: true} target: reported, never applied. */
    READ_ONLY("read-only"),
    /** Changes found that the safety gates or plan errors refuse to apply without a person (apply mode). */
    BLOCKED("blocked"),
    /** The desired state did not load, the server could not be read, or a change failed. */
    FAILED("failed"),
    /**
     * Every change that was not applied was accepted by the server but not seen on reading back in time
     * (GWS {@code statusCode 0}): not failed, not applied; the next pass plans what is still to do.
     */
    UNCONFIRMED("unconfirmed"),
    /**
     * Changes found, in apply mode, on a target outside its change window ({@code settings.windows}): not applied
     * yet; the daemon runs again no later than the window's opening and applies then.
     */
    WAITING_FOR_WINDOW("waiting-for-window");

    private final String label;

    Result(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
