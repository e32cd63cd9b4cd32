package dev.switchboard.plan;

import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import java.util.Objects;

/**
 * A change the plan contains but that cannot be done: an apply of a plan with any error is refused as
 * a whole, and {@code --force} does not override it (only thresholds, see {@link SafetyPolicy}).
 *
 * @param message one sentence naming the object and what to do; never a field value
 */
public record PlanError(String target, ResourceKey key, Reason reason, String message) {

    public enum Reason {
        /** The kind has no create in the API. */
        CANNOT_CREATE,
        /** The kind has no update in the API (XCI {@code xivo}). */
        CANNOT_UPDATE,
        /** The kind has no delete in the API. */
        CANNOT_DELETE,
        /** The server would refuse to create this object (a XiVO line number that is not free). */
        CREATION_REFUSED,
        /** The API refuses to delete this object (Officelinx company 1). */
        DELETION_REFUSED,
        /** {@code protect: true} on an object the plan would delete. */
        PROTECTED,
        /** The target's provider does not know the kind at all. */
        UNKNOWN_KIND,
        /** The target's live state could not be read (server down, login refused): nothing of it is planned. */
        UNREADABLE,
        /** A declared extension of a number plan that an object no file declares holds on another target of it. */
        NUMBER_TAKEN,
        /** A {@code renamedFrom} whose old key is declared too, or a rename the API can neither do nor replace. */
        RENAME_REFUSED,
        /** A rollback's object changed on the server since the apply it undoes ({@code rollback --force} overrides it). */
        STALE
    }

    /** The kind of the key of a target-wide error: the target itself, as {@code ["olx-main"]}. */
    public static final ResourceKind TARGET = ResourceKind.of("switchboard", "target");

    /** {@code target}'s live state could not be read, for {@code cause}. */
    public static PlanError unreadable(String target, String cause) {
        return new PlanError(target, ResourceKey.of(TARGET, target), Reason.UNREADABLE,
                "the live state could not be read, so nothing of this target is planned: " + cause);
    }

    /** About the whole target, not one object of it. */
    public boolean targetWide() {
        return key.kind().equals(TARGET);
    }

    public PlanError {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** {@code olx-main: company Default: ...}. */
    @Override
    public String toString() {
        return target + ": " + message;
    }
}
