package dev.switchboard.diff;

import dev.switchboard.model.ResourceKey;

/**
 * Whether a declared write-only field (a password, an XCI user's template), which the server never
 * shows and so cannot be compared, is to be sent again on an existing object.
 */
@FunctionalInterface
public interface WriteOnlyPolicy {

    /** Never: write-only fields are set on create only. */
    WriteOnlyPolicy NEVER = (key, field, desired) -> false;

    /** Always ({@code --replace-secrets}). */
    WriteOnlyPolicy ALWAYS = (key, field, desired) -> true;

    /** @param desired the declared value, a {@link dev.switchboard.model.Secret} for secrets */
    boolean resend(ResourceKey key, String field, Object desired);

    default WriteOnlyPolicy or(WriteOnlyPolicy other) {
        return (key, field, desired) -> resend(key, field, desired) || other.resend(key, field, desired);
    }
}
