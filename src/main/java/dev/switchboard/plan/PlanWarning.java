package dev.switchboard.plan;

import dev.switchboard.model.ResourceKey;
import java.util.Objects;

/**
 * Something a plan cannot tell and a person should know, which does not stop an apply: a declared
 * write-only field (a password) of an existing object with no record of the value last sent, so that the
 * plan cannot say whether the server has it (a fresh CI checkout, a daemon whose {@code .switchboard/} was
 * lost). Counted in every format's summary; never changes an exit code.
 *
 * @param field   the write-only field
 * @param message what it means and what to do; never the field's value
 */
public record PlanWarning(String target, ResourceKey key, String field, String message) {

    public PlanWarning {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The warning for a write-only field whose last sent value Switchboard has no record of.
     *
     * @param secret whether the field is a secret (a password), shown as {@code (sensitive; ...)}; other
     *               write-only fields (an XCI user's line template) as {@code (write-only; ...)}
     */
    public static PlanWarning noRecordOfLastSent(String target, ResourceKey key, String field, boolean secret) {
        return new PlanWarning(target, key, field, field + ": (" + (secret ? "sensitive" : "write-only")
                + "; no record of the last value sent: use --replace-secrets to send it)");
    }

    /** {@code olx-main: mailbox Acme/1001: ctiPassword: (sensitive; ...)}. */
    @Override
    public String toString() {
        return target + ": " + key + ": " + message;
    }
}
